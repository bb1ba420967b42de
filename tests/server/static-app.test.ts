import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '@/build/security-headers';
import { Client, startTestServer, type TestServer } from './test-server';

const SCRIPT = 'console.log("the same line, many times");\n'.repeat(200);

describe('serving the built app', () => {
  let server: TestServer;
  let dist: string;
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'sq-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Source Quiz</title>');
    writeFileSync(join(dist, 'assets', 'index-B1c2D3e4.js'), SCRIPT);
    writeFileSync(join(dist, 'assets', 'index-B1c2D3e4.js.br'), brotliCompressSync(SCRIPT));
    writeFileSync(join(dist, 'assets', 'index-B1c2D3e4.js.gz'), gzipSync(SCRIPT));
    writeFileSync(join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {})');
    writeFileSync(join(dist, 'manifest.webmanifest'), '{}');
    mkdirSync(join(dist, 'sources'));
    writeFileSync(join(dist, 'home.html'), '<!doctype html><h1>Built home</h1>');
    writeFileSync(join(dist, 'sources', 'one.html'), '<!doctype html><h1>Built source</h1>');
    writeFileSync(
      join(dist, 'prerendered.json'),
      JSON.stringify({ '/': 'home.html', '/sources/one': 'sources/one.html', '/gone': 'gone.html' }),
    );
    mkdirSync(join(dist, 'screens'));
    writeFileSync(join(dist, 'screens', 'assignment.html'), '<!doctype html><p>Assignment shell</p>');
    writeFileSync(
      join(dist, 'screen-shells.json'),
      JSON.stringify({ '/teacher/assignments/:assignmentId': 'screens/assignment.html' }),
    );
    server = await startTestServer('pglite', { distDir: dist });
  });
  afterAll(async () => {
    await server.stop();
    rmSync(dist, { recursive: true, force: true });
  });

  it('caches hashed assets for good and revalidates the page and the service worker', async () => {
    const client = new Client(server.url);
    const asset = await client.get('/assets/index-B1c2D3e4.js');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/sw.js', '/manifest.webmanifest']) {
      const reply = await client.get(path);
      expect([path, reply.status, reply.headers.get('cache-control')]).toEqual([path, 200, 'no-cache']);
    }
  });

  it('answers app routes with the page, and missing files and API paths with 404', async () => {
    const client = new Client(server.url);
    const route = await client.get('/classroom/report?x=1');
    expect(route.status).toBe(200);
    expect(route.text).toContain('<title>Source Quiz</title>');
    expect(route.headers.get('cache-control')).toBe('no-cache');
    expect((await client.get('/assets/missing-12345678.js')).status).toBe(404);
    const api = await client.get('/api/nothing-here');
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/json');
  });

  it("sends the build's compressed copy of a file to a browser that accepts it, the file to others", async () => {
    const url = `${server.url}/assets/index-B1c2D3e4.js`;
    const replies = await Promise.all(
      ['br, gzip', 'gzip', 'identity'].map((encoding) =>
        fetch(url, { headers: { 'accept-encoding': encoding } }),
      ),
    );
    expect(replies.map((reply) => reply.headers.get('content-encoding'))).toEqual(['br', 'gzip', null]);
    expect(Number(replies[0]?.headers.get('content-length'))).toBeLessThan(SCRIPT.length / 10);
    // fetch decodes: each answer is the script itself.
    expect(await Promise.all(replies.map((reply) => reply.text()))).toEqual([SCRIPT, SCRIPT, SCRIPT]);
  });

  it('answers a page built to HTML with its own file, a screen with its shell, any other with the shell', async () => {
    const client = new Client(server.url);
    const pages = await Promise.all(
      [
        '/',
        '/sources/one',
        '/sources/one?back=%2F',
        '/teacher/assignments/a1?tab=2',
        '/sources/two',
        '/gone',
        '/teacher/assignments/a1/report',
      ].map(async (path) => (await client.get(path)).text),
    );
    expect(pages).toEqual([
      '<!doctype html><h1>Built home</h1>',
      '<!doctype html><h1>Built source</h1>',
      '<!doctype html><h1>Built source</h1>',
      '<!doctype html><p>Assignment shell</p>',
      '<!doctype html><title>Source Quiz</title>',
      '<!doctype html><title>Source Quiz</title>',
      '<!doctype html><title>Source Quiz</title>',
    ]);
  });

  it("sends the app's security headers, unchanged, with every response", async () => {
    const client = new Client(server.url);
    for (const path of ['/', '/quiz', '/api/info', '/healthz']) {
      const reply = await client.get(path);
      expect(reply.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(reply.headers.get('x-frame-options')).toBe('DENY');
      expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
      expect(reply.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });
});
