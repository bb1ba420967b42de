import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { readConfig } from '@/server/config';
import { startServer } from '@/server/start-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/**
 * Serves the production build (`npm run test:e2e` builds it first) with the real server, as
 * `npm start` does, on a free local port with an embedded database of its own.
 */
export default async function setup(project: TestProject) {
  if (!existsSync('dist/index.html')) throw new Error('No build in dist/: run `npm run build` first.');
  const dataDir = mkdtempSync(join(tmpdir(), 'sq-e2e-'));
  const read = readConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
  if (!read.ok) throw new Error(read.problems.join('\n'));
  const server = await startServer(read.config, { distDir: join(process.cwd(), 'dist') });
  project.provide('baseUrl', server.url.replace(/\/$/, ''));
  return async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
