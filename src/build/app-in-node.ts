import react from '@vitejs/plugin-react';
import type { InlineConfig } from 'vite';
import { appAliases } from './app-aliases';
import { contentPlugin } from './content-plugin';

/**
 * The app's Vite settings wherever it runs in Node rather than the browser: the build's prerender
 * (prerender-plugin.ts) and the server's renderer (render-bundle-plugin.ts). The same plugins and
 * aliases as the build, without its config file (whose own plugins would run again).
 */
export function appInNode(root: string): InlineConfig {
  return {
    configFile: false,
    root,
    mode: 'production',
    plugins: [react(), contentPlugin(root)],
    resolve: { alias: appAliases(root) },
  };
}
