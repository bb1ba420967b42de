import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { META_CONTENT_SECURITY_POLICY } from '../../build/csp-meta-plugin';
import { EMPTY_DEVICE_ROOT, TEMPLATE_TITLE } from '../../build/prerender-plugin';
import { scriptsAfterFirstPaint } from '../../build/scripts-after-paint';
import { RENDER_ENTRY } from '../../build/render-bundle-plugin';
import { CONTENT_SECURITY_POLICY, policyWithStyleHash } from '../../build/security-headers';

/** What src/app/render-on-request.tsx gives for an address: the markup inside #root, and the title. */
export type RenderedPage = { markup: string; title: string };
/** The server's answer to a GET request of its API: status and JSON body. */
export type ApiAnswer = { status: number; body: unknown };
type RequestFacts = { answers: Record<string, ApiAnswer>; origin: string };
type RenderOnRequest = (path: string, search: string, facts: RequestFacts) => Promise<RenderedPage | null>;
type ApiPathsFor = (path: string) => string[];

/**
 * A page the server rendered, with the hash of its inline stylesheet for the content security policy.
 * `isPrivate` when it was made from what only the signed-in user may see.
 */
export type ServedPage = { html: string; styleHash: string; isPrivate?: boolean };

/** The request as a page rendered for it needs it: its API asked with its cookie, and its origin. */
export type PageRequest = { askApi: (path: string) => Promise<ApiAnswer>; origin: string };

/**
 * The page for an app address rendered into `shellFile` of dist/, or the shell itself made ready when
 * it already holds a page (the review a first visit sees), or null for the shell as it is.
 */
export type RenderPage = (url: string, shellFile: string, request: PageRequest) => Promise<ServedPage | null>;

/** A screen shell made ready to take a rendered page (prepareShell). */
export type PreparedShell = ServedPage;

const ROOT_START = '<div id="root">';
const STYLESHEET_LINK = /<link rel="(?:stylesheet|preload" as="style)" crossorigin href="\/([^"]+\.css)">/g;

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const escapeAttribute = (text: string) => escapeHtml(text).replace(/'/g, '&#39;');

/**
 * A screen shell made ready for pages rendered into it. Its stylesheets (the first page's and the
 * screen's, which the paint needs) are put inline, in their order: the page then paints as soon as
 * its HTML has come, a round trip sooner, and before its scripts have run. Its policy allows that
 * one stylesheet by its hash. Its scripts are asked for after its first paint, as on the pages the
 * build renders (scripts-after-paint.ts). `readAsset` reads a file of dist/.
 */
export function prepareShell(shell: string, readAsset: (file: string) => string): PreparedShell {
  const css = [...shell.matchAll(STYLESHEET_LINK)].map(([, file]) => readAsset(file ?? '')).join('\n');
  if (css.includes('</style')) throw new Error('a stylesheet of the shell cannot be put inline');
  const styleHash = `sha256-${createHash('sha256').update(css).digest('base64')}`;
  const metaPolicy = escapeAttribute(META_CONTENT_SECURITY_POLICY);
  if (!shell.includes(metaPolicy)) throw new Error('the screen shell does not carry the app’s policy');
  const html = scriptsAfterFirstPaint(
    shell
      .replace(metaPolicy, escapeAttribute(policyWithStyleHash(META_CONTENT_SECURITY_POLICY, styleHash)))
      // Each stays, disabled (never fetched): the app's loader, asked for a screen, adds a link for
      // each stylesheet it needs unless one is in the page, and the browser would then fetch them all
      // and apply them again (Lighthouse counted that work in the page's blocking time).
      .replace(STYLESHEET_LINK, '<link rel="stylesheet" disabled href="/$1">')
      .replace('</head>', `<style>${css}</style></head>`),
  );
  return { html, styleHash };
}

/**
 * The prepared shell with a rendered page in place of its "Loading…", and the page's title. Marked as
 * served at `path`: the browser keeps it on screen until its own render of the screen is ready
 * (main.tsx, page-loading.tsx).
 */
export function fillShell(shell: PreparedShell, path: string, page: RenderedPage): ServedPage {
  const { html } = shell;
  const start = html.indexOf(ROOT_START);
  const end = html.lastIndexOf('</div>', html.indexOf('</body>'));
  if (start < 0 || end < start) throw new Error(`the screen shell has no ${ROOT_START} to fill`);
  const head = html.slice(0, start).replace(TEMPLATE_TITLE, `<title>${escapeHtml(page.title)}</title>`);
  const root = `<div id="root" data-served="${escapeHtml(path)}">${page.markup}`;
  return { html: `${head}${root}${html.slice(end)}`, styleHash: shell.styleHash };
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
  const module = (await import(pathToFileURL(file).href)) as {
    renderOnRequest?: unknown;
    apiPathsFor?: unknown;
  };
  if (typeof module.renderOnRequest !== 'function') throw new Error(`${file} has no renderOnRequest`);
  const render = module.renderOnRequest as RenderOnRequest;
  const apiPathsFor: ApiPathsFor =
    typeof module.apiPathsFor === 'function' ? (module.apiPathsFor as ApiPathsFor) : () => [];
  const readAsset = (name: string) => readFileSync(join(distDir, name), 'utf8');
  // Each shell file read once, and made ready once it is first served with a page.
  const shells = new Map<string, { raw: string; prepared?: PreparedShell }>();
  const shellIn = (file: string) => {
    let shell = shells.get(file);
    if (!shell) shells.set(file, (shell = { raw: readAsset(file) }));
    return shell;
  };
  const preparedShell = (file: string) => {
    const shell = shellIn(file);
    return (shell.prepared ??= prepareShell(shell.raw, readAsset));
  };
  return async (url, shellFile, { askApi, origin }) => {
    const [path = '', query = ''] = url.split(/\?(.*)/s);
    try {
      const asked = apiPathsFor(path);
      const answers = Object.fromEntries(
        await Promise.all(asked.map(async (apiPath) => [apiPath, await askApi(apiPath)] as const)),
      );
      const page = await render(path, query === '' ? '' : `?${query}`, { answers, origin });
      // A shell that holds a page paints from its HTML too: its stylesheets are put inline the same way.
      if (!page) return shellIn(shellFile).raw.includes(EMPTY_DEVICE_ROOT) ? preparedShell(shellFile) : null;
      return { ...fillShell(preparedShell(shellFile), path, page), isPrivate: asked.length > 0 };
    } catch (error) {
      log.warn({ err: error, path }, 'a page could not be rendered; its shell is served instead');
      return null;
    }
  };
}

/**
 * Sends a rendered page with the policy that allows its inline stylesheet, compressed as the browser
 * accepts, as the built files are sent (their .br and .gz copies): a first visit's HTML is on the
 * critical path. Brotli at a middling quality, which takes about a millisecond for a page.
 */
export function sendPage(request: FastifyRequest, reply: FastifyReply, page: ServedPage): FastifyReply {
  const accepted = String(request.headers['accept-encoding'] ?? '');
  reply
    .type('text/html; charset=utf-8')
    .header('Vary', 'Accept-Encoding')
    .header('Content-Security-Policy', policyWithStyleHash(CONTENT_SECURITY_POLICY, page.styleHash));
  // What only a signed-in teacher may see is kept by no cache, the browser's included.
  if (page.isPrivate) reply.header('Cache-Control', 'private, no-store');
  if (/\bbr\b/.test(accepted)) {
    const body = brotliCompressSync(page.html, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
    return reply.header('Content-Encoding', 'br').send(body);
  }
  if (/\bgzip\b/.test(accepted)) return reply.header('Content-Encoding', 'gzip').send(gzipSync(page.html));
  return reply.send(page.html);
}
