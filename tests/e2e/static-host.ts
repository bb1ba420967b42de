import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export type StaticHost = { url: string; serveFrom(root: string): void; close(): Promise<void> };

/**
 * A plain static host, as a teacher might put `dist/` on: files and a fallback to index.html for
 * app addresses, with no security headers at all. `serveFrom` switches folders, as a new deploy does.
 * `delayMs` holds each response back, as a slow network would.
 */
export async function startStaticHost(root: string, { delayMs = 0 } = {}): Promise<StaticHost> {
  let current = root;
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname);
    const file = normalize(join(current, path));
    const send = (body: Buffer, type: string, status = 200) =>
      setTimeout(() => {
        response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-cache' });
        response.end(body);
      }, delayMs);
    readFile(file.startsWith(current) && extname(file) ? file : join(current, 'index.html'))
      .then((body) => send(body, TYPES[extname(file)] ?? TYPES['.html'] ?? ''))
      .catch(() => send(Buffer.from('Not found'), 'text/plain', 404));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    serveFrom: (folder) => {
      current = folder;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
