import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase, restoreDatabase, TABLES } from '@/server/db/backup';
import { openDatabase, type DatabaseHandle } from '@/server/db/open-database';
import { oneOfEachType, rightAnswer } from './fixtures';
import { closeDevices, connect, cookieOf, next, phaseIs, send, type Shown } from './live-test-client';
import {
  Client,
  createPostgresDatabase,
  DATABASE_KINDS,
  emptyPglite,
  field,
  signedInTeacher,
  startTestServer,
  type TestServer,
} from './test-server';

async function contents(handle: DatabaseHandle): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const table of TABLES) {
    const rows = await handle.withConnection((run) =>
      run(`SELECT row_to_json(t)::text AS line FROM ${table} t`, []),
    );
    result[table] = rows.map((row) => String(row.line)).sort();
  }
  return result;
}

describe('backup and restore', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('pglite');
    const { client } = await signedInTeacher(server.url);
    await client.post('/api/classes', { name: 'B', roster: 'Ana\n<i>Bo</i>' });
    const questions = oneOfEachType();
    const created = await client.post('/api/assignments', {
      title: 'Backup',
      ids: questions.map((q) => q.id),
      mode: 'practice',
      minutes: 5,
      sameOrder: false,
    });
    const started = await new Client(server.url).post(
      `/api/student/assignments/${String(field(created.body, 'assignment', 'id'))}/attempts`,
      { name: 'Ana' },
    );
    const attemptId = String(field(started.body, 'attempt', 'id'));
    const shown = field(started.body, 'attempt', 'questions');
    if (!Array.isArray(shown)) throw new Error('no questions');
    for (const q of shown) {
      const question = questions.find((candidate) => candidate.prompt === q.prompt)!;
      await new Client(server.url).post(`/api/student/attempts/${attemptId}/answers`, {
        answerId: `backup-${q.index}`,
        index: q.index,
        response: rightAnswer(question, q),
      });
    }
    // A live session with an answer, so its three tables are in the backup too.
    const live = await client.post('/api/live', { questionIds: [questions[0]!.id], title: 'Live backup' });
    const sessionId = String(field(live.body, 'live', 'id'));
    const host = connect(server.url, { cookie: cookieOf(client) });
    await send(host, 'host:open', { sessionId });
    const player = connect(server.url);
    await send(player, 'player:join', { pin: String(field(live.body, 'live', 'pin')), name: 'Ana' });
    const asked = next(player, 'live:player', phaseIs('question', 0));
    await send(host, 'host:command', { sessionId, command: { type: 'start' } });
    const liveShown = field(await asked, 'question') as Shown;
    const answered = await send(player, 'player:answer', {
      questionIndex: 0,
      response: rightAnswer(questions[0]!, liveShown),
    });
    expect(answered.ok).toBe(true);
    closeDevices();
  });
  afterAll(() => server.stop());

  it.each(DATABASE_KINDS)('round-trips every row into an empty %s database', async (kind) => {
    const lines: string[] = [];
    const count = await backupDatabase(server.database, (line) => lines.push(line));
    expect(count).toBeGreaterThan(20);
    let target: DatabaseHandle;
    let drop: () => Promise<void> = async () => undefined;
    if (kind === 'pglite') target = await emptyPglite();
    else {
      const created = await createPostgresDatabase();
      target = await openDatabase({ databaseUrl: created.url });
      drop = created.drop;
    }
    try {
      expect(await restoreDatabase(target, lines)).toBe(count);
      const restored = await contents(target);
      expect(restored).toEqual(await contents(server.database));
      expect(restored.live_answers).toHaveLength(1);
      // The identity goes on after the restored answers.
      const [next] = await target.withConnection((run) =>
        run(`SELECT nextval(pg_get_serial_sequence('answers', 'seq'))::int AS n`, []),
      );
      const [max] = await target.withConnection((run) => run('SELECT max(seq)::int AS n FROM answers', []));
      expect(Number(next?.n)).toBe(Number(max?.n) + 1);
      await expect(restoreDatabase(target, lines)).rejects.toThrow(/empty database/);
    } finally {
      await target.close();
      await drop();
    }
  });

  it('names a damaged line', async () => {
    const target = await emptyPglite();
    const lines: string[] = [];
    await backupDatabase(server.database, (line) => lines.push(line));
    lines[3] = '{"table":"teachers","row":';
    await expect(restoreDatabase(target, lines)).rejects.toThrow(/line 4/);
    await expect(restoreDatabase(target, ['{"nope":1}'])).rejects.toThrow(/not a Source Quiz backup/);
    await target.close();
  });
});
