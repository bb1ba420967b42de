import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { META_CONTENT_SECURITY_POLICY } from '@/build/csp-meta-plugin';
import { CONTENT_SECURITY_POLICY, policyWithStyleHash } from '@/build/security-headers';
import { content } from './fixtures';
import { closeDevices, connect, send } from './live-test-client';
import { Client, field, signedInTeacher, startTestServer, type TestServer } from './test-server';

const SCRIPT = 'console.log("the same line, many times");\n'.repeat(200);

const BASE_CSS = 'body { margin: 0; }';
const QUIZ_CSS = '.quiz { display: grid; }';
const metaPolicy = (policy: string) => policy.replace(/'/g, '&#39;');

/** A screen shell as the build writes it (src/build/prerender-plugin.ts), in brief. */
const QUIZ_SHELL = [
  '<!doctype html><html><head>',
  `<meta http-equiv="Content-Security-Policy" content="${metaPolicy(META_CONTENT_SECURITY_POLICY)}">`,
  '<title>Source Quiz</title>',
  '<script type="module" crossorigin src="/assets/index-B1c2D3e4.js"></script>',
  '<link rel="modulepreload" crossorigin href="/assets/react-F1a2B3c4.js" data-entry-import>',
  '<link rel="stylesheet" crossorigin href="/assets/index-A1b2C3d4.css">',
  '<link rel="modulepreload" crossorigin href="/assets/quiz-C1d2E3f4.js">',
  '<link rel="preload" as="style" crossorigin href="/assets/quiz-D1e2F3a4.css">',
  '</head><body><div id="root"><main><p role="status">Loading…</p></main></div>\n</body></html>',
].join('');

/** The review's shell, which holds the review a device that saved nothing sees. */
const REVIEW_SHELL = QUIZ_SHELL.replace('quiz-D1e2F3a4.css', 'review-E1f2A3b4.css').replace(
  '<div id="root"><main><p role="status">Loading…</p>',
  '<div id="root" data-empty-device><main><h1>Review</h1><p>Nothing is due today.</p>',
);
const REVIEW_CSS = '.review { max-width: 40rem; }';

/** The join page as the build makes it, and its screen's shell, for a player returning to a session. */
const BUILT_JOIN = '<!doctype html><h1>Join a live session</h1>';
const LIVE_SHELL = QUIZ_SHELL.replace('quiz-D1e2F3a4.css', 'live-A2b3C4d5.css');
const LIVE_CSS = '.live-player { display: grid; }';

/** A teacher's assignment page's shell, which the server renders with the API's answers. */
const ASSIGNMENT_SHELL = QUIZ_SHELL.replace('quiz-D1e2F3a4.css', 'classroom-F1a2B3c4.css');
const CLASSROOM_CSS = '.assignment { display: grid; }';

/**
 * A stand-in for the build's renderer (src/app/render-on-request.tsx): a quiz's question for its
 * seed, nothing without one or for "none", and an error for "broken"; a teacher's assignment made
 * from the API's answer it asks for, which it shows unless nobody is signed in (the real one renders
 * nothing unless the answer is good); a returning live player's screen when the API knows their seat.
 */
const RENDERER = `export function apiPathsFor(path) {
  if (path === '/live') return ['/api/live/player'];
  const id = path.startsWith('/teacher/assignments/') ? path.split('/')[3] : '';
  return id ? ['/api/assignments/' + id] : [];
}
export async function renderOnRequest(path, search, { answers, origin }) {
  if (path === '/live') {
    const player = answers['/api/live/player'];
    if (player.status !== 200) return null;
    return { markup: '<main><h1>' + player.body.view.title + ' for ' + player.body.view.me.name + '</h1></main>', title: 'Live' };
  }
  if (path.startsWith('/teacher/assignments/')) {
    const assignment = answers['/api/assignments/' + path.split('/')[3]];
    if (assignment.status === 401) return null;
    const title = assignment.status === 200 ? assignment.body.assignment.title : 'status ' + assignment.status;
    return { markup: '<main><h1>' + title + '</h1><p>for ' + origin + '</p></main>', title: 'Assignment' };
  }
  const seed = new URLSearchParams(search).get('seed');
  if (path !== '/quiz/play' || seed === null || seed === 'none') return null;
  if (seed === 'broken') throw new Error('the renderer broke');
  return { markup: '<main><h2>Which year? ' + seed + ' &amp; more</h2></main>', title: 'Quiz <1> · Source Quiz' };
}
`;

/**
 * `css` is the page's one inline stylesheet, and no stylesheet is linked: it is allowed by its hash
 * in both the header's policy and the page's own.
 */
function expectInlineStyles(reply: Response, html: string, css: string): void {
  expect(html).toContain(`<style>${css}</style></head>`);
  // Their links stay, disabled, so the app's loader does not add them again.
  expect(
    html.match(/<link rel="(stylesheet|preload)[^>]*>/g)?.every((link) => link.includes(' disabled ')),
  ).toBe(true);
  const hash = `sha256-${createHash('sha256').update(css).digest('base64')}`;
  expect(reply.headers.get('content-security-policy')).toBe(
    policyWithStyleHash(CONTENT_SECURITY_POLICY, hash),
  );
  expect(html).toContain(`content="${metaPolicy(policyWithStyleHash(META_CONTENT_SECURITY_POLICY, hash))}"`);
}

describe('serving the built app', () => {
  let server: TestServer;
  let dist: string;
  let renderDir: string;
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
    writeFileSync(join(dist, 'live.html'), BUILT_JOIN);
    writeFileSync(join(dist, 'sources', 'one.html'), '<!doctype html><h1>Built source</h1>');
    writeFileSync(
      join(dist, 'prerendered.json'),
      JSON.stringify({
        '/': 'home.html',
        '/sources/one': 'sources/one.html',
        '/gone': 'gone.html',
        '/live': 'live.html',
      }),
    );
    mkdirSync(join(dist, 'screens'));
    writeFileSync(join(dist, 'screens', 'assignment.html'), ASSIGNMENT_SHELL);
    writeFileSync(join(dist, 'assets', 'classroom-F1a2B3c4.css'), CLASSROOM_CSS);
    writeFileSync(join(dist, 'screens', 'quiz.html'), QUIZ_SHELL);
    writeFileSync(join(dist, 'assets', 'index-A1b2C3d4.css'), BASE_CSS);
    writeFileSync(join(dist, 'assets', 'quiz-D1e2F3a4.css'), QUIZ_CSS);
    writeFileSync(join(dist, 'screens', 'review.html'), REVIEW_SHELL);
    writeFileSync(join(dist, 'screens', 'live.html'), LIVE_SHELL);
    writeFileSync(join(dist, 'assets', 'live-A2b3C4d5.css'), LIVE_CSS);
    writeFileSync(join(dist, 'assets', 'review-E1f2A3b4.css'), REVIEW_CSS);
    writeFileSync(
      join(dist, 'screen-shells.json'),
      JSON.stringify({
        '/teacher/assignments/:assignmentId': 'screens/assignment.html',
        '/quiz/play': 'screens/quiz.html',
        '/review': 'screens/review.html',
        '/live': 'screens/live.html',
      }),
    );
    renderDir = mkdtempSync(join(tmpdir(), 'sq-render-'));
    writeFileSync(join(renderDir, 'render-on-request.js'), RENDERER);
    server = await startTestServer('pglite', { distDir: dist, renderDir });
  });
  afterAll(async () => {
    closeDevices();
    await server.stop();
    rmSync(dist, { recursive: true, force: true });
    rmSync(renderDir, { recursive: true, force: true });
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
      ASSIGNMENT_SHELL,
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

  it("puts the page the build's renderer makes for an address into its screen's shell", async () => {
    const reply = await fetch(`${server.url}/quiz/play?count=5&seed=abc`, {
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(reply.headers.get('cache-control')).toBe('no-cache');
    expect(reply.headers.get('content-encoding')).toBe('br');
    expect(reply.headers.get('vary')).toBe('Accept-Encoding');
    const html = await reply.text();
    // The rendered page stands in for "Loading…", and the browser is told it was served for its path.
    expect(html).toContain(
      '<div id="root" data-served="/quiz/play"><main><h2>Which year? abc &amp; more</h2>',
    );
    expect(html).not.toContain('Loading…');
    expect(html).toContain('<title>Quiz &lt;1&gt; · Source Quiz</title>');
    expect(html.endsWith('</div>\n</body></html>')).toBe(true);
    // It paints without waiting for a stylesheet: they are inline, in their order, allowed by their
    // hash in both the header's policy and the page's own; its scripts are asked for after its first
    // paint, React's chunk before the entry and the screen's module beside it, and its preloads fetch
    // nothing.
    expectInlineStyles(reply, html, `${BASE_CSS}\n${QUIZ_CSS}`);
    expect(html).toContain(
      '<script type="module" src="/after-first-paint.js" data-entry-imports="/assets/react-F1a2B3c4.js" data-entry="/assets/index-B1c2D3e4.js" data-screen="/assets/quiz-C1d2E3f4.js">',
    );
    expect(html).toContain('<link rel="modulepreload" media="not all" href="/assets/quiz-C1d2E3f4.js">');
    expect(html).toContain('<link rel="modulepreload" media="not all" href="/assets/react-F1a2B3c4.js">');
    expect(html).not.toMatch(/<script[^>]*src="\/assets\/|<link rel="modulepreload" crossorigin/);
  });

  it('serves the shell as it is when the renderer has nothing for the address or fails', async () => {
    const client = new Client(server.url);
    for (const path of ['/quiz/play?seed=none', '/quiz/play?seed=broken', '/quiz/play']) {
      const reply = await client.get(path);
      expect([path, reply.status, reply.text]).toEqual([path, 200, QUIZ_SHELL]);
    }
    const uncompressed = await fetch(`${server.url}/quiz/play?seed=plain`, {
      headers: { 'accept-encoding': 'identity' },
    });
    expect(uncompressed.headers.get('content-encoding')).toBeNull();
    expect(await uncompressed.text()).toContain('Which year? plain');
  });

  it('serves a shell that holds a page with its stylesheets inline too, allowed by their hash', async () => {
    const reply = await fetch(`${server.url}/review`, { headers: { 'accept-encoding': 'gzip' } });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-encoding')).toBe('gzip');
    const html = await reply.text();
    expect(html).toContain('<div id="root" data-empty-device><main><h1>Review</h1>');
    expectInlineStyles(reply, html, `${BASE_CSS}\n${REVIEW_CSS}`);
  });

  it("renders a teacher's assignment from the API's own answers to that teacher's cookie, and lets no cache keep it", async () => {
    const { client: owner } = await signedInTeacher(server.url);
    const [question] = content.current.values();
    const created = await owner.post('/api/assignments', {
      title: 'Rendered for its teacher',
      ids: [question?.question.id],
      mode: 'practice',
      minutes: 0,
      sameOrder: true,
    });
    expect(created.status).toBe(201);
    const path = `/teacher/assignments/${String(field(created.body, 'assignment', 'id'))}`;

    const reply = await fetch(`${server.url}${path}`, {
      headers: { cookie: [...owner.cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
    });
    const html = await reply.text();
    expect(html).toContain(
      `<div id="root" data-served="${path}"><main><h1>Rendered for its teacher</h1><p>for ${server.url.replace(/\/$/, '')}</p>`,
    );
    expect(reply.headers.get('cache-control')).toBe('private, no-store');
    expectInlineStyles(reply, html, `${BASE_CSS}\n${CLASSROOM_CSS}`);

    // Another teacher's cookie gets what the API tells that teacher: no such assignment.
    const { client: other } = await signedInTeacher(server.url);
    expect((await other.get(path)).text).toContain('<h1>status 404</h1>');
    // No cookie, or one that is no session: the shell as it is, which anyone may keep.
    const forged = new Client(server.url);
    forged.cookies.set('sq_session', 'forged');
    for (const client of [new Client(server.url), forged]) {
      const shell = await client.get(path);
      expect([shell.text, shell.headers.get('cache-control')]).toEqual([ASSIGNMENT_SHELL, 'no-cache']);
    }
  });

  it("renders a returning live player's screen into the join page's shell; anyone else gets the built join page", async () => {
    const { client: teacher } = await signedInTeacher(server.url);
    const [question] = content.current.values();
    const created = await teacher.post('/api/live', {
      title: 'Live now',
      questionIds: [question?.question.id],
    });
    expect(created.status).toBe(201);
    const sessionId = String(field(created.body, 'live', 'id'));
    const device = connect(server.url);
    const joined = await send(device, 'player:join', {
      pin: String(field(created.body, 'live', 'pin')),
      name: 'Ana',
    });
    expect(joined.ok).toBe(true);

    const reply = await fetch(`${server.url}/live`, {
      headers: { cookie: `live-seat=${sessionId}.${String(joined.token)}` },
    });
    const html = await reply.text();
    expect(html).toContain('<div id="root" data-served="/live"><main><h1>Live now for Ana</h1>');
    expect(reply.headers.get('cache-control')).toBe('private, no-store');
    expectInlineStyles(reply, html, `${BASE_CSS}\n${LIVE_CSS}`);

    for (const cookie of [undefined, `live-seat=${sessionId}.${'A'.repeat(43)}`, 'live-seat=forged']) {
      const built = await fetch(`${server.url}/live`, { headers: cookie ? { cookie } : {} });
      expect([cookie, await built.text(), built.headers.get('cache-control')]).toEqual([
        cookie,
        BUILT_JOIN,
        'no-cache',
      ]);
    }
  });
});
