import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, Socket, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/server/db/open-database';
import { spawnServer, waitForExit } from './child-server';
import { oneOfEachType, rightAnswer } from './fixtures';
import {
  Client,
  createPostgresDatabase,
  DATABASE_KINDS,
  field,
  signedInTeacher,
  startTestServer,
} from './test-server';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A TCP relay to PostgreSQL that a test can cut and restore: the database "goes away". */
function relay(target: URL) {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const open = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = new Socket();
        upstream.connect(Number(target.port || 5432), target.hostname);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('error', () => socket.destroy());
          socket.on('close', () => sockets.delete(socket));
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => {
        const address = server?.address();
        if (address && typeof address === 'object') port = address.port;
        resolve();
      });
    });
  return {
    open,
    port: () => port,
    async cut() {
      const closed = new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

describe.runIf(DATABASE_KINDS.includes('postgres'))('the database going away (postgres)', () => {
  it('gives a clear 503 while it is away, and recovers when it returns', async () => {
    const created = await createPostgresDatabase();
    cleanups.push(created.drop);
    const url = new URL(created.url);
    const link = relay(new URL(created.url));
    await link.open();
    url.host = `127.0.0.1:${link.port()}`;
    const server = await startTestServer('pglite', {
      database: await openDatabase({ databaseUrl: url.toString() }),
    });
    cleanups.push(() => server.close());
    const { client } = await signedInTeacher(server.url);
    expect((await client.post('/api/classes', { name: 'Before' })).status).toBe(201);

    await link.cut();
    const during = await client.post('/api/classes', { name: 'During' });
    expect(during.status).toBe(503);
    expect(field(during.body, 'error')).toContain('database');
    expect(during.headers.get('retry-after')).toBe('5');
    expect((await client.get('/readyz')).status).toBe(503);
    expect((await client.get('/healthz')).status).toBe(200);

    await link.open();
    let ready = 0;
    for (let tries = 0; tries < 50 && ready !== 200; tries += 1) {
      ready = (await client.get('/readyz')).status;
      if (ready !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(ready).toBe(200);
    expect((await client.post('/api/classes', { name: 'After' })).status).toBe(201);
    const names = field((await client.get('/api/classes')).body, 'classes');
    expect(Array.isArray(names) && names.map((c) => field(c, 'name'))).toEqual(['Before', 'After']);
  });
});

describe.each(DATABASE_KINDS)('kill -9 during a burst of answers (%s)', (kind) => {
  it('loses no answer the server acknowledged', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sq-kill-'));
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const env: Record<string, string> = { DATA_DIR: dataDir };
    if (kind === 'postgres') {
      const created = await createPostgresDatabase();
      cleanups.push(created.drop);
      env.DATABASE_URL = created.url;
    }
    const { url, child } = await spawnServer(env);
    cleanups.push(async () => {
      child.kill('SIGKILL');
      await waitForExit(child);
    });
    const { client } = await signedInTeacher(url);
    const questions = oneOfEachType();
    const created = await client.post('/api/assignments', {
      title: 'Burst',
      ids: questions.map((q) => q.id),
      mode: 'test',
      minutes: 0,
      sameOrder: true,
    });
    const assignmentId = String(field(created.body, 'assignment', 'id'));
    const students = await Promise.all(
      Array.from({ length: 30 }, async (_, index) => {
        const started = await new Client(url).post(`/api/student/assignments/${assignmentId}/attempts`, {
          name: `Student ${index}`,
        });
        const shown = field(started.body, 'attempt', 'questions');
        if (!Array.isArray(shown)) throw new Error(started.text);
        return { attemptId: String(field(started.body, 'attempt', 'id')), shown };
      }),
    );

    const acknowledged: { attemptId: string; answerId: string }[] = [];
    let killed = false;
    const burst = students.map(async ({ attemptId, shown }, student) => {
      const http = new Client(url);
      for (const q of shown) {
        const question = questions.find((candidate) => candidate.prompt === q.prompt)!;
        const answerId = `kill-${student}-${q.index}`;
        try {
          const reply = await http.post(`/api/student/attempts/${attemptId}/answers`, {
            answerId,
            index: q.index,
            response: rightAnswer(question, q),
          });
          if (reply.status === 200) acknowledged.push({ attemptId, answerId });
        } catch {
          return; // the connection died with the server: this answer was not acknowledged
        }
        if (!killed && acknowledged.length >= 100) {
          killed = true;
          child.kill('SIGKILL');
        }
      }
    });
    await Promise.all(burst);
    await waitForExit(child);
    expect(killed).toBe(true);
    expect(acknowledged.length).toBeGreaterThanOrEqual(100);

    const handle = await openDatabase(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir });
    try {
      const stored = await handle.withConnection((run) =>
        run('SELECT attempt_id, answer_id FROM answers', []),
      );
      const keys = new Set(stored.map((row) => `${String(row.attempt_id)}/${String(row.answer_id)}`));
      const lost = acknowledged.filter(({ attemptId, answerId }) => !keys.has(`${attemptId}/${answerId}`));
      expect(lost).toEqual([]);
    } finally {
      await handle.close();
    }
  });
});
