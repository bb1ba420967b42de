import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { VitePWA } from 'vite-plugin-pwa';
import { SECURITY_HEADERS } from './src/build/security-headers';
import { contentPlugin } from './src/build/content-plugin';
import { compileHintsPlugin } from './src/build/compile-hints-plugin';
import { cspMetaPlugin } from './src/build/csp-meta-plugin';
import { appAliases } from './src/build/app-aliases';
import { precompressPlugin } from './src/build/precompress-plugin';
import { prerenderPlugin } from './src/build/prerender-plugin';
import { renderBundlePlugin } from './src/build/render-bundle-plugin';
import { reactRouterProductionPlugin } from './src/build/react-router-production-plugin';

const root = fileURLToPath(new URL('.', import.meta.url));
export const PREVIEW_PORT = 4173;

const zodChunk = (id: string) =>
  id.includes('/node_modules/zod/') || id.endsWith('zod-without-eval.ts') ? 'zod' : undefined;
// The HTML reader that imports use (htmlparser2 and its entity tables) is a library chunk of its own,
// like zod: only the import page loads it, and it changes less often than the page's own code.
const HTML_READER = ['htmlparser2', 'entities', 'domhandler', 'domelementtype', 'domutils', 'dom-serializer'];
// What a question and an answer are, which the quiz, the classroom and the editors all share: a chunk
// of its own, so that Rollup's merging of small chunks does not put it in the first page.
const QUESTION_MODEL = ['/src/domain/question.ts', '/src/domain/learner-response.ts'];
// React, React DOM and the scheduler: a chunk of its own, which the entry imports. A painted page asks
// for it first, so that it runs in a task of its own and the entry's task is left with the app's own
// start (issue 17: the entry's one task, 286 KB with React DOM in it, was every page's longest).
const REACT = /\/node_modules\/(react|react-dom|scheduler)\//;
const pageChunk = (id: string) =>
  zodChunk(id) ??
  (REACT.test(id) ? 'react' : undefined) ??
  (HTML_READER.some((name) => id.includes(`/node_modules/${name}/`)) ? 'html-reader' : undefined) ??
  (QUESTION_MODEL.some((file) => id.endsWith(file)) ? 'question-model' : undefined);
// The import worker's GIFT grammar is a library chunk too, keeping every chunk under its budget.
const workerChunk = (id: string) =>
  pageChunk(id) ?? (id.includes('/node_modules/gift-pegjs/') ? 'gift-parser' : undefined);

const MANIFEST_ICONS = [
  { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
  { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
  { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
];

export default defineConfig({
  plugins: [
    react(),
    reactRouterProductionPlugin(root),
    contentPlugin(root),
    cspMetaPlugin(),
    compileHintsPlugin(),
    prerenderPlugin(root),
    // The server's renderer of pages the build could not know (a quiz's first question).
    renderBundlePlugin(root),
    // Our own service worker (src/app/sw.ts), given the list of files to precache: the app, every bank
    // and both sources, so that after one visit everything works offline.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/app',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Source Quiz',
        short_name: 'Source Quiz',
        description: 'Quizzes written from real documents; every answer explained with its passage.',
        theme_color: '#1d4ed8',
        background_color: '#f7f7f4',
        display: 'standalone',
        start_url: '/',
        icons: MANIFEST_ICONS,
      },
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        // Screen shells only make a first visit faster; offline, every address gets the plain shell.
        // The plugin lists the manifest and its icons itself: found by the patterns too, they were
        // listed twice.
        globIgnores: [
          'screens/**',
          'manifest.webmanifest',
          ...MANIFEST_ICONS.map((icon) => icon.src.replace(/^\//, '')),
        ],
      },
    }),
    // Last: it compresses what the others wrote, the service worker included.
    precompressPlugin(),
  ],
  resolve: {
    alias: appAliases(root),
  },
  // Workers are bundled apart from the page (the class report's reader of result codes, the import
  // page's reader of files); as module workers they split their libraries into chunks of their own.
  worker: {
    format: 'es',
    plugins: () => [compileHintsPlugin()],
    rollupOptions: { output: { manualChunks: workerChunk } },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    // No link added to preload the imports of a chunk loaded later: the app's loader put up to twenty
    // in the page per import, most for modules already there, 10 to 20 ms of a task each time with the
    // CPU slowed 4× (issue 17). The browser fetches a chunk's imports once it has the chunk: on a first
    // visit, a screen not yet loaded takes one more round trip per level of its imports; the service
    // worker has every chunk after that. A page's first screen is named in its HTML and loads with the
    // entry (src/build/scripts-after-paint.ts). The list of chunk names leaves the first page too.
    modulePreload: false,
    // CommonJS modules (React DOM) as top-level code, not each wrapped in a function that V8 then
    // parses again on the main thread when first called; only modules with cycles or conditional
    // requires keep the wrapper. 0.7 kB gzip less on the first page, and a shorter start (issue 17).
    commonjsOptions: { strictRequires: 'auto' },
    // zod is shared by every screen that reads links or saved data; one chunk, cached once.
    // Chunks are named by hash alone: shorter names in the HTML and in every chunk that imports them.
    // Chunks under 2 kB are merged into others, at the cost of some code a page may not need (Rollup
    // allows up to that size per merge): the quiz's code came in 22 files, and over HTTP/1.1 (six
    // connections) each round of requests costs a round trip (Lighthouse mobile: quiz LCP 3.6 → 3.1 s).
    // Two such small modules, the not-found page and `safeBackPath`, go to the first page.
    rollupOptions: {
      output: {
        manualChunks: pageChunk,
        chunkFileNames: 'assets/[hash].js',
        experimentalMinChunkSize: 2_000,
      },
    },
  },
  preview: { port: PREVIEW_PORT, strictPort: true, host: '127.0.0.1', headers: SECURITY_HEADERS },
  server: { port: 5173, host: '127.0.0.1' },
  test: {
    projects: [
      // Timeouts are generous: property tests run thousands of cases, and the machine may be busy.
      // A test that hangs still fails; speed is measured by the benchmarks, not here.
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/server/**', '**/node_modules/**'],
          testTimeout: 60_000,
        },
      },
      {
        // The classroom server: the real server on a free port, against PGlite and (with
        // DATABASE_URL set) PostgreSQL. See docs/server.md.
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['tests/server/**/*.test.ts'],
          globalSetup: ['tests/server/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          maxWorkers: 2,
          // After the other projects: its own worker limit needs a group of its own.
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'ui',
          environment: 'jsdom',
          include: ['tests/**/*.test.tsx'],
          setupFiles: ['tests/setup.ts'],
          testTimeout: 60_000,
        },
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
