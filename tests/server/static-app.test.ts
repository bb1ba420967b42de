import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '@/build/security-headers';
import { Client, startTestServer, type TestServer } from './test-server';

describe('serving the built app', () => {
  let server: TestServer;
  let dist: string;
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'sq-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Source Quiz</title>');
    writeFileSync(join(dist, 'assets', 'index-B1c2D3e4.js'), 'console.log(1)');
    writeFileSync(join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {})');
    writeFileSync(join(dist, 'manifest.webmanifest'), '{}');
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
