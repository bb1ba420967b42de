import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { ENTRY_SCRIPT, TEMPLATE_TITLE } from '../../build/prerender-plugin';
import { RENDER_ENTRY } from '../../build/render-bundle-plugin';

/** What src/app/render-on-request.tsx gives for an address: the markup inside #root, and the title. */
export type RenderedPage = { markup: string; title: string };
type RenderOnRequest = (path: string, search: string) => Promise<RenderedPage | null>;

/** The page for an app address that the server rendered into `shellFile` of dist/, or null for the shell as it is. */
export type RenderPage = (url: string, shellFile: string) => Promise<string | null>;

const ROOT_START = '<div id="root">';

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A screen shell with a page the server rendered in place of its "Loading…". Its screen's
 * stylesheets become stylesheets, since the paint needs them, and its scripts are fetched after them,
 * as on the pages the build renders (prerender-plugin.ts). Marked as built at `path`: the browser
 * keeps it on screen until its own render of the screen is ready (main.tsx, page-loading.tsx).
 */
export function fillShell(shell: string, path: string, page: RenderedPage): string {
  const start = shell.indexOf(ROOT_START);
  const end = shell.lastIndexOf('</div>', shell.indexOf('</body>'));
  if (start < 0 || end < start) throw new Error(`the screen shell has no ${ROOT_START} to fill`);
  const head = shell
    .slice(0, start)
    .replace(TEMPLATE_TITLE, `<title>${escapeHtml(page.title)}</title>`)
    .replaceAll('<link rel="preload" as="style"', '<link rel="stylesheet"')
    .replaceAll('<link rel="modulepreload"', '<link rel="modulepreload" fetchpriority="low"')
    .replace(ENTRY_SCRIPT, `${ENTRY_SCRIPT} fetchpriority="low"`);
  return `${head}<div id="root" data-prerendered="${escapeHtml(path)}">${page.markup}${shell.slice(end)}`;
}

/**
 * The renderer the build made beside dist/ (src/build/render-bundle-plugin.ts), or null when there
 * is none. A page it fails to render is logged and served as the plain shell: the browser renders
 * it then, as it always could.
 */
export async function loadPageRenderer(
  distDir: string,
  renderDir: string,
  log: FastifyBaseLogger,
): Promise<RenderPage | null> {
  const file = join(renderDir, RENDER_ENTRY);
  if (!existsSync(file)) return null;
  const module = (await import(pathToFileURL(file).href)) as { renderOnRequest?: unknown };
  if (typeof module.renderOnRequest !== 'function') throw new Error(`${file} has no renderOnRequest`);
  const render = module.renderOnRequest as RenderOnRequest;
  const shells = new Map<string, string>();
  return async (url, shellFile) => {
    const [path = '', query = ''] = url.split(/\?(.*)/s);
    try {
      const page = await render(path, query === '' ? '' : `?${query}`);
      if (!page) return null;
      const shell = shells.get(shellFile) ?? readFileSync(join(distDir, shellFile), 'utf8');
      shells.set(shellFile, shell);
      return fillShell(shell, path, page);
    } catch (error) {
      log.warn({ err: error, path }, 'a page could not be rendered; its shell is served instead');
      return null;
    }
  };
}

/**
 * Sends a rendered page compressed as the browser accepts, as the built files are sent (their .br
 * and .gz copies): a first visit's HTML is on the critical path. Brotli at a middling quality, which
 * takes about a millisecond for a page.
 */
export function sendPage(request: FastifyRequest, reply: FastifyReply, page: string): FastifyReply {
  const accepted = String(request.headers['accept-encoding'] ?? '');
  reply.type('text/html; charset=utf-8').header('Vary', 'Accept-Encoding');
  if (/\bbr\b/.test(accepted)) {
    const body = brotliCompressSync(page, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
    return reply.header('Content-Encoding', 'br').send(body);
  }
  if (/\bgzip\b/.test(accepted)) return reply.header('Content-Encoding', 'gzip').send(gzipSync(page));
  return reply.send(page);
}
