import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/**
 * Serves the built app from `dist/`: files with a content hash in their name (assets/) are cached
 * for a year; everything else (index.html, sw.js, the manifest, icons) is revalidated on every
 * load, so a new version reaches users. App routes (/quiz, /classroom/…) get index.html.
 */
export async function serveApp(app: FastifyInstance, distDir: string): Promise<boolean> {
  if (!existsSync(join(distDir, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root: distDir,
    wildcard: false,
    index: ['index.html'],
    cacheControl: false,
    setHeaders(res, path) {
      const isHashed =
        path.startsWith(join(distDir, 'assets')) || /[.-][A-Za-z0-9_-]{8,}\.(js|css)$/.test(path);
      res.header('Cache-Control', isHashed && !path.endsWith('sw.js') ? IMMUTABLE : REVALIDATE);
    },
  });
  return true;
}

/** A path the single-page app routes itself: no file extension, not the API. */
export function isAppRoute(method: string, url: string): boolean {
  const path = url.split('?')[0] ?? '';
  return (
    (method === 'GET' || method === 'HEAD') && !path.startsWith('/api/') && !/\.[A-Za-z0-9]+$/.test(path)
  );
}
