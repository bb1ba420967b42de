import { join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * The browser's build of the app takes React Router's production build. The package ships one, with
 * its development warnings switched off so that the minifier drops them, but its exports name only
 * the development build (remix-run/react-router#12532): about 0.4 KiB gzip more on the first page,
 * and warnings meant for developers in the console. The server's render and the tests keep the
 * package as it resolves.
 */
export function reactRouterProductionPlugin(root: string): Plugin {
  const production = join(root, 'node_modules/react-router/dist/production/index.mjs');
  return {
    name: 'source-quiz:react-router-production',
    apply: 'build',
    enforce: 'pre',
    resolveId(id, _importer, options) {
      return id === 'react-router' && !options.ssr ? production : null;
    },
  };
}
