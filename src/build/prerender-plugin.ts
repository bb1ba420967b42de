import react from '@vitejs/plugin-react';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OutputAsset, OutputBundle, OutputChunk } from 'rollup';
import { createServer, type Plugin } from 'vite';
import { appAliases } from './app-aliases';
import { contentPlugin } from './content-plugin';

const EMPTY_ROOT = '<div id="root"></div>';
const ENTRY_SCRIPT = '<script type="module"';
const TEMPLATE_TITLE = '<title>Source Quiz</title>';
/** What the server reads to serve each prerendered address (src/server/http/static-app.ts). */
export const PRERENDERED_MANIFEST = 'prerendered.json';

type PrerenderModule = {
  prerenderedPaths(): string[];
  renderPage(path: string): Promise<{ markup: string; title: string }>;
  renderShell(): Promise<string>;
  screenModuleOf(path: string): string | undefined;
};

/**
 * The stylesheets the chunk of `moduleId` needs, with those of the chunks it imports statically
 * (what Vite's preload adds when the screen loads), as `<link>` elements for a page's head; those
 * `template` links already are left out.
 */
function stylesheetLinksOf(bundle: OutputBundle, moduleId: string, template: string): string {
  const chunks = Object.values(bundle).filter((output): output is OutputChunk => output.type === 'chunk');
  const screen = chunks.find((chunk) => chunk.facadeModuleId?.endsWith(`/${moduleId}`));
  if (!screen) throw new Error(`no chunk is made from ${moduleId}`);
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const seen = new Set<string>();
  const styles = new Set<string>();
  const visit = (chunk: OutputChunk | undefined) => {
    if (!chunk || seen.has(chunk.fileName)) return;
    seen.add(chunk.fileName);
    for (const css of chunk.viteMetadata?.importedCss ?? []) styles.add(css);
    for (const imported of chunk.imports) visit(byName.get(imported));
  };
  visit(screen);
  return [...styles]
    .filter((css) => !template.includes(`href="/${css}"`))
    .map((css) => `<link rel="stylesheet" crossorigin href="/${css}">`)
    .join('');
}

/** The content security policy allows no inline script: a page that needs one is not done. */
function withoutScript(name: string, markup: string): string {
  if (markup.includes('<script')) throw new Error(`${name}: the built page has an inline script`);
  return markup;
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `/` is `home.html`: `index.html` is the shell that every other address gets (renderShell). */
export const prerenderedFileName = (path: string) => (path === '/' ? 'home.html' : `${path.slice(1)}.html`);

/**
 * Builds the pages that need nothing from the device to real HTML (src/app/prerender-page.tsx), so
 * their text paints before the scripts have loaded. Emitted with the bundle, before the service
 * worker is generated, so each page is precached with the rest. The app is loaded through a Vite
 * server in SSR mode: the same plugins and aliases as the build, without the bundler.
 */
export function prerenderPlugin(root: string): Plugin {
  return {
    name: 'source-quiz:prerender',
    apply: 'build',
    enforce: 'post',
    // `vite preview` serves each built page at its address, as the server does.
    configurePreviewServer(server) {
      const file = join(server.config.root, server.config.build.outDir, PRERENDERED_MANIFEST);
      const pages: Record<string, string> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
      server.middlewares.use((request, _response, next) => {
        const [path = '', query] = (request.url ?? '').split('?');
        const page = pages[path];
        if (page && request.method === 'GET') request.url = `/${page}${query ? `?${query}` : ''}`;
        next();
      });
    },
    generateBundle: {
      order: 'post',
      async handler(_options, bundle) {
        const shell = bundle['index.html'] as OutputAsset | undefined;
        if (typeof shell?.source !== 'string' || !shell.source.includes(EMPTY_ROOT)) {
          return this.error(`index.html has no empty ${EMPTY_ROOT} to fill`);
        }
        const template = shell.source;
        if (!template.includes(TEMPLATE_TITLE)) return this.error(`index.html has no ${TEMPLATE_TITLE}`);
        const server = await createServer({
          configFile: false,
          root,
          mode: 'production',
          logLevel: 'error',
          plugins: [react(), contentPlugin(root)],
          resolve: { alias: appAliases(root) },
          server: { middlewareMode: true, hmr: false, ws: false, watch: null },
          appType: 'custom',
          optimizeDeps: { noDiscovery: true, include: [] },
        });
        try {
          const page = (await server.ssrLoadModule('/src/app/prerender-page.tsx')) as PrerenderModule;
          const manifest: Record<string, string> = {};
          for (const path of page.prerenderedPaths()) {
            const built = await page.renderPage(path);
            const markup = withoutScript(path, built.markup);
            const fileName = prerenderedFileName(path);
            const screen = page.screenModuleOf(path);
            const html = template
              .replace(TEMPLATE_TITLE, `<title>${escapeText(built.title)}</title>`)
              .replace('</head>', `${screen ? stylesheetLinksOf(bundle, screen, template) : ''}</head>`)
              .replace(EMPTY_ROOT, `<div id="root" data-prerendered="${path}">${markup}</div>`)
              // The page paints without its script, which only makes it interactive: the stylesheet,
              // which the paint waits for, goes first on a slow network.
              .replace(ENTRY_SCRIPT, `${ENTRY_SCRIPT} fetchpriority="low"`);
            this.emitFile({ type: 'asset', fileName, source: html });
            manifest[path] = fileName;
          }
          shell.source = template.replace(
            EMPTY_ROOT,
            `<div id="root">${withoutScript('the shell', await page.renderShell())}</div>`,
          );
          this.emitFile({
            type: 'asset',
            fileName: PRERENDERED_MANIFEST,
            source: `${JSON.stringify(manifest, null, 2)}\n`,
          });
        } finally {
          await server.close();
        }
      },
    },
  };
}
