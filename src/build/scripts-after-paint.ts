/** The file the build makes of src/app/after-first-paint.ts, at the root of dist/. */
export const AFTER_FIRST_PAINT_SCRIPT = 'after-first-paint.js';
export const AFTER_FIRST_PAINT_MODULE = 'src/app/after-first-paint.ts';

const ENTRY_TAG = /<script type="module" crossorigin src="(\/[^"]+\.js)"><\/script>/;
const MODULE_PRELOAD = /<link rel="modulepreload" crossorigin href="(\/[^"]+\.js)">/g;
const ENTRY_IMPORT = /<link rel="modulepreload" crossorigin href="(\/[^"]+\.js)" data-entry-import>/g;
// A preload for a media that matches nothing: it fetches nothing, but names its module.
const INERT_PRELOAD = '<link rel="modulepreload" media="not all" href="$1">';

/**
 * The link that fetches `file`, a chunk the entry imports (React's), with the entry. Vite puts none in
 * the page (`modulePreload: false`), and without it the browser would find the chunk only once the
 * entry had come, a round trip later. Marked, so that a page that paints first can tell it from its
 * screen's modules.
 */
export const entryImportLink = (file: string) =>
  `<link rel="modulepreload" crossorigin href="/${file}" data-entry-import>`;

/**
 * `html` with its scripts asked for only after its first paint. The entry's tag becomes the tag of
 * the small script that loads them then, naming the entry and the first module preloaded, the
 * screen's own (prerender-plugin.ts lists it first); the browser fetches that module's imports with
 * it. The preloads stay, for a media that matches nothing: they fetch nothing, but Vite's loader,
 * which otherwise puts a preload link in the page for each module of the screen when the router asks
 * for it (about 35 ms of one task with the CPU slowed 4×), skips a module that a link already names.
 * For pages that paint from their HTML; a shell that shows "Loading…" needs its scripts at once.
 */
export function scriptsAfterFirstPaint(html: string): string {
  const entry = ENTRY_TAG.exec(html)?.[1];
  if (!entry) throw new Error('the page has no entry script to load after its first paint');
  const screen = [...html.matchAll(MODULE_PRELOAD)][0]?.[1];
  const entryImports = [...html.matchAll(ENTRY_IMPORT)].map(([, file]) => file);
  const attributes = [
    entryImports.length > 0 ? ` data-entry-imports="${entryImports.join(' ')}"` : '',
    ` data-entry="${entry}"`,
    screen ? ` data-screen="${screen}"` : '',
  ].join('');
  return html
    .replace(MODULE_PRELOAD, INERT_PRELOAD)
    .replace(ENTRY_IMPORT, INERT_PRELOAD)
    .replace(ENTRY_TAG, `<script type="module" src="/${AFTER_FIRST_PAINT_SCRIPT}"${attributes}></script>`);
}
