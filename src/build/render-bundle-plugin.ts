import { join } from 'node:path';
import { build, type Plugin } from 'vite';
import { appInNode } from './app-in-node';

/** Beside `dist/`, not in it: the server's code is neither served nor cached by the service worker. */
export const RENDER_DIR = 'dist-render';
export const RENDER_ENTRY = 'render-on-request.js';

/**
 * Builds src/app/render-on-request.tsx for Node once the app is built, so the server can render a
 * page when it is asked for (src/server/http/rendered-page.ts) with the same components and content
 * as the browser. Packages stay imports of node_modules, as in any server-side build.
 */
export function renderBundlePlugin(root: string): Plugin {
  return {
    name: 'source-quiz:render-bundle',
    apply: 'build',
    async closeBundle() {
      await build({
        ...appInNode(root),
        logLevel: 'warn',
        publicDir: false,
        build: {
          ssr: 'src/app/render-on-request.tsx',
          outDir: join(root, RENDER_DIR),
          emptyOutDir: true,
          rollupOptions: {
            // The service worker's registration, which only the browser asks for (update-prompt.tsx).
            external: ['virtual:pwa-register'],
            output: { entryFileNames: RENDER_ENTRY },
          },
        },
      });
    },
  };
}
