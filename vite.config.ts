import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { contentPlugin } from './src/content/content-plugin';

const root = fileURLToPath(new URL('.', import.meta.url));
export const PREVIEW_PORT = 4173;

export default defineConfig({
  plugins: [react(), contentPlugin(root)],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  build: {
    target: 'es2022',
    sourcemap: false,
    // zod is shared by every screen that reads links or saved data; one chunk, cached once.
    rollupOptions: { output: { manualChunks: (id) => (id.includes('/node_modules/zod/') ? 'zod' : undefined) } },
  },
  preview: { port: PREVIEW_PORT, strictPort: true, host: '127.0.0.1' },
  server: { port: 5173, host: '127.0.0.1' },
  test: {
    projects: [
      { extends: true, test: { name: 'unit', environment: 'node', include: ['tests/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'ui', environment: 'jsdom', include: ['tests/**/*.test.tsx'], setupFiles: ['tests/setup.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.spec.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
