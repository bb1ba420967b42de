import { existsSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { OutputAsset, OutputBundle, OutputChunk } from 'rollup';
import { createServer, type Plugin } from 'vite';
import { appInNode } from './app-in-node';
import { appPageFile } from './app-page-files';
import {
  AFTER_FIRST_PAINT_MODULE,
  AFTER_FIRST_PAINT_SCRIPT,
  entryImportLink,
  scriptsAfterFirstPaint,
} from './scripts-after-paint';

const EMPTY_ROOT = '<div id="root"></div>';
export const TEMPLATE_TITLE = '<title>Source Quiz</title>';
/** The root of a screen shell that holds its screen's page as a device that saved nothing sees it. */
export const EMPTY_DEVICE_ROOT = '<div id="root" data-empty-device>';
/** What the server reads to serve each prerendered address (src/server/http/static-app.ts). */
export const PRERENDERED_MANIFEST = 'prerendered.json';
/** Which screen shell each address pattern gets, read the same way. */
export const SCREEN_SHELLS_MANIFEST = 'screen-shells.json';

type PrerenderModule = {
  prerenderedPaths(): string[];
  renderPage(path: string): Promise<{ markup: string; title: string }>;
  renderShell(): Promise<string>;
  screenModuleOf(path: string): string | undefined;
  screenShells(): { route: string; moduleId: string }[];
  emptyDeviceScreens(): string[];
};

/**
 * The files the chunk made from `moduleId` needs when it loads: its scripts (that chunk and those it
 * imports statically) and their stylesheets, as Vite's preload fetches them.
 */
function filesOfScreen(bundle: OutputBundle, moduleId: string): { scripts: string[]; styles: string[] } {
  const chunks = Object.values(bundle).filter((output): output is OutputChunk => output.type === 'chunk');
  // A small screen may share a chunk with other code (experimentalMinChunkSize, vite.config.ts).
  const screen = chunks.find((chunk) => chunk.moduleIds.some((id) => id.endsWith(`/${moduleId}`)));
  if (!screen) throw new Error(`no chunk is made from ${moduleId}`);
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const visit = (chunk: OutputChunk | undefined) => {
    if (!chunk || scripts.has(chunk.fileName)) return;
    scripts.add(chunk.fileName);
    for (const css of chunk.viteMetadata?.importedCss ?? []) styles.add(css);
    for (const imported of chunk.imports) visit(byName.get(imported));
  };
  visit(screen);
  return { scripts: [...scripts], styles: [...styles] };
}

const notIn = (template: string) => (file: string) => !template.includes(`href="/${file}"`);

/** A built page's links to the stylesheets of its screen, which its paint needs; `template`'s are left out. */
function stylesheetLinksOf(bundle: OutputBundle, moduleId: string, template: string): string {
  return filesOfScreen(bundle, moduleId)
    .styles.filter(notIn(template))
    .map((css) => `<link rel="stylesheet" crossorigin href="/${css}">`)
    .join('');
}

const entryChunkOf = (bundle: OutputBundle) =>
  Object.values(bundle).find(
    (output): output is OutputChunk =>
      output.type === 'chunk' && output.isEntry && output.fileName !== AFTER_FIRST_PAINT_SCRIPT,
  );

/** `template` with a link after its entry's tag for each chunk the entry imports (entryImportLink). */
function withEntryImports(template: string, bundle: OutputBundle): string | undefined {
  const entry = entryChunkOf(bundle);
  const tag = entry && `src="/${entry.fileName}"></script>`;
  if (!tag || !template.includes(tag)) return undefined;
  return template.replace(tag, `${tag}${entry.imports.map(entryImportLink).join('')}`);
}

/**
 * A screen shell's links that fetch its screen's files with the page. Preloads, not stylesheets:
 * the shell's own paint ("Loading…") does not wait for them. The entry script (in `template`) and
 * the modules it imports are left out, and the stylesheets too when the shell links them itself.
 */
function preloadLinksOf(
  bundle: OutputBundle,
  moduleId: string,
  template: string,
  { stylesToo }: { stylesToo: boolean } = { stylesToo: true },
): string {
  const entry = entryChunkOf(bundle);
  const first = new Set(entry ? [entry.fileName, ...entry.imports] : []);
  const { scripts, styles } = filesOfScreen(bundle, moduleId);
  return [
    ...scripts
      .filter((file) => !first.has(file))
      .map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`),
    ...(stylesToo ? styles : [])
      .filter(notIn(template))
      .map((css) => `<link rel="preload" as="style" crossorigin href="/${css}">`),
  ].join('');
}

/** The content security policy allows no inline script: a page that needs one is not done. */
function withoutScript(name: string, markup: string): string {
  if (markup.includes('<script')) throw new Error(`${name}: the built page has an inline script`);
  return markup;
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `template` with a built page's title, and its markup in a root opened by `rootStart`. */
function pageInTemplate(
  template: string,
  built: { markup: string; title: string },
  rootStart: string,
  name: string,
): string {
  return template
    .replace(TEMPLATE_TITLE, `<title>${escapeText(built.title)}</title>`)
    .replace(EMPTY_ROOT, `${rootStart}${withoutScript(name, built.markup)}</div>`);
}

/** `/` is `home.html`: `index.html` is the shell that every other address gets (renderShell). */
export const prerenderedFileName = (path: string) => (path === '/' ? 'home.html' : `${path.slice(1)}.html`);

/**
 * Builds the pages that need nothing from the device to real HTML (src/app/prerender-page.tsx), so
 * their text paints before the scripts have loaded. Emitted with the bundle, before the service
 * worker is generated, so each page is precached with the rest. The app is loaded through a Vite
 * server in SSR mode (app-in-node.ts), without the bundler.
 */
export function prerenderPlugin(root: string): Plugin {
  return {
    name: 'source-quiz:prerender',
    apply: 'build',
    enforce: 'post',
    // `vite preview` serves each built page at its address, as the server does.
    configurePreviewServer(server) {
      const read = (name: string): Record<string, string> => {
        const file = join(server.config.root, server.config.build.outDir, name);
        return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
      };
      const files = { pages: read(PRERENDERED_MANIFEST), shells: read(SCREEN_SHELLS_MANIFEST) };
      server.middlewares.use((request, _response, next) => {
        const [path = '', query] = (request.url ?? '').split('?');
        // Addresses of the app only: files (with an extension) are served as they are.
        const page = /\.[A-Za-z0-9]+$/.test(path) ? 'index.html' : appPageFile(files, path);
        if (page !== 'index.html' && request.method === 'GET') {
          request.url = `/${page}${query ? `?${query}` : ''}`;
        }
        next();
      });
    },
    buildStart() {
      this.emitFile({
        type: 'chunk',
        id: join(root, AFTER_FIRST_PAINT_MODULE),
        fileName: AFTER_FIRST_PAINT_SCRIPT,
      });
    },
    generateBundle: {
      order: 'post',
      async handler(_options, bundle) {
        const shell = bundle['index.html'] as OutputAsset | undefined;
        if (typeof shell?.source !== 'string' || !shell.source.includes(EMPTY_ROOT)) {
          return this.error(`index.html has no empty ${EMPTY_ROOT} to fill`);
        }
        const template = withEntryImports(shell.source, bundle);
        if (!template) return this.error('index.html has no tag for the entry script');
        if (!template.includes(TEMPLATE_TITLE)) return this.error(`index.html has no ${TEMPLATE_TITLE}`);
        const server = await createServer({
          ...appInNode(root),
          logLevel: 'error',
          server: { middlewareMode: true, hmr: false, ws: false, watch: null },
          appType: 'custom',
          optimizeDeps: { noDiscovery: true, include: [] },
        });
        try {
          const page = (await server.ssrLoadModule('/src/app/prerender-page.tsx')) as PrerenderModule;
          const manifest: Record<string, string> = {};
          for (const path of page.prerenderedPaths()) {
            const built = await page.renderPage(path);
            const fileName = prerenderedFileName(path);
            const screen = page.screenModuleOf(path);
            // The page paints without its scripts, which only make it interactive: they are asked for
            // after that paint.
            const html = scriptsAfterFirstPaint(
              pageInTemplate(template, built, `<div id="root" data-prerendered="${path}">`, path).replace(
                '</head>',
                `${screen ? stylesheetLinksOf(bundle, screen, template) : ''}</head>`,
              ),
            );
            this.emitFile({ type: 'asset', fileName, source: html });
            manifest[path] = fileName;
          }
          shell.source = template.replace(
            EMPTY_ROOT,
            `<div id="root">${withoutScript('the shell', await page.renderShell())}</div>`,
          );
          const shells: Record<string, string> = {};
          const emptyDevice = page.emptyDeviceScreens();
          for (const { route, moduleId } of page.screenShells()) {
            const fileName = `screens/${basename(moduleId, extname(moduleId))}.html`;
            if (!Object.values(shells).includes(fileName)) {
              // A shell that holds its screen's page paints from the HTML, so it links the stylesheets.
              const source = emptyDevice.includes(route)
                ? pageInTemplate(template, await page.renderPage(route), EMPTY_DEVICE_ROOT, route).replace(
                    '</head>',
                    `${stylesheetLinksOf(bundle, moduleId, template)}${preloadLinksOf(bundle, moduleId, template, { stylesToo: false })}</head>`,
                  )
                : shell.source.replace('</head>', `${preloadLinksOf(bundle, moduleId, shell.source)}</head>`);
              this.emitFile({ type: 'asset', fileName, source });
            }
            shells[route] = fileName;
          }
          for (const [fileName, content] of [
            [PRERENDERED_MANIFEST, manifest],
            [SCREEN_SHELLS_MANIFEST, shells],
          ] as const) {
            this.emitFile({ type: 'asset', fileName, source: `${JSON.stringify(content, null, 2)}\n` });
          }
        } finally {
          await server.close();
        }
      },
    },
  };
}
