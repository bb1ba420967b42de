import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { appPageFile, screenShellFile, type AppPageFiles } from '../../build/app-page-files';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';
/** The build's lists of pages and screen shells, by address or pattern (src/build/prerender-plugin.ts). */
const pageListSchema = z.record(z.string().startsWith('/'), z.string().regex(/^[\w/-]+\.html$/));

/**
 * Which files of `dist/` answer an app route: `page`, what is sent as it is (its own built page, or
 * a shell that renders it), and `shell`, the screen's shell a page rendered on request goes into.
 */
export type AppPageFor = (url: string) => { page: string; shell: string };

/**
 * Serves the built app from `dist/`: files with a content hash in their name (assets/) are cached
 * for a year; everything else (pages, sw.js, the manifest, icons) is revalidated on every load, so
 * a new version reaches users. Returns, for the app's routes, the page each one gets; null when
 * there is no build.
 */
export async function serveApp(app: FastifyInstance, distDir: string): Promise<AppPageFor | null> {
  if (!existsSync(join(distDir, 'index.html'))) return null;
  await app.register(fastifyStatic, {
    root: distDir,
    wildcard: false,
    // `/` is an app route like the others: it gets its built page when there is one.
    index: false,
    // The build writes .br and .gz copies (src/build/precompress-plugin.ts).
    preCompressed: true,
    cacheControl: false,
    setHeaders(res, path) {
      const isHashed =
        path.startsWith(join(distDir, 'assets')) || /[.-][A-Za-z0-9_-]{8,}\.(js|css)$/.test(path);
      res.header('Cache-Control', isHashed && !path.endsWith('sw.js') ? IMMUTABLE : REVALIDATE);
    },
  });
  const files: AppPageFiles = {
    pages: readPageList(distDir, 'prerendered.json'),
    shells: readPageList(distDir, 'screen-shells.json'),
  };
  return (url) => {
    const path = url.split('?')[0] ?? '';
    return { page: appPageFile(files, path), shell: screenShellFile(files, path) };
  };
}

function readPageList(distDir: string, name: string): Record<string, string> {
  const file = join(distDir, name);
  if (!existsSync(file)) return {};
  const parsed = pageListSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} is not a list of built pages: ${parsed.error.message}`);
  return Object.fromEntries(
    Object.entries(parsed.data).filter(([, fileName]) => existsSync(join(distDir, fileName))),
  );
}

/** A path the single-page app routes itself: no file extension, not the API. */
export function isAppRoute(method: string, url: string): boolean {
  const path = url.split('?')[0] ?? '';
  return (
    (method === 'GET' || method === 'HEAD') && !path.startsWith('/api/') && !/\.[A-Za-z0-9]+$/.test(path)
  );
}
