import { existsSync } from 'node:fs';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Serves the production build (`npm run test:e2e` builds it first) on a free local port. */
export default async function setup(project: TestProject) {
  if (!existsSync('dist/index.html')) throw new Error('No build in dist/: run `npm run build` first.');
  const server = await preview({
    preview: { port: 0, strictPort: false, host: '127.0.0.1', open: false },
    logLevel: 'warn',
  });
  const address = server.resolvedUrls?.local[0];
  if (!address) throw new Error('The preview server did not report its address.');
  project.provide('baseUrl', address.replace(/\/$/, ''));
  return async () => {
    await server.close();
  };
}
