import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer, waitForExit, type ChildServer } from './child-server';
import { oneOfEachType, rightAnswer } from './fixtures';
import { closeDevices, connect, cookieOf, next, phaseIs, send, type Shown } from './live-test-client';
import { createPostgresDatabase, field, signedInTeacher } from './test-server';

// Several server processes share live sessions through Redis, with PostgreSQL as the one database.
// Run by `.ci/run`, which sets both URLs; without them there is nothing to share.
const redisUrl = process.env.REDIS_URL;
const canShare = Boolean(redisUrl && process.env.DATABASE_URL);

const questions = oneOfEachType();

describe.runIf(canShare)('a live session served by two processes', () => {
  let database: { url: string; drop(): Promise<void> };
  let first: ChildServer;
  let second: ChildServer;

  beforeAll(async () => {
    database = await createPostgresDatabase();
    const env = { DATABASE_URL: database.url, REDIS_URL: redisUrl ?? '' };
    // One at a time: the second finds the schema migrated by the first.
    first = await spawnServer(env);
    second = await spawnServer(env);
  }, 200_000);

  afterAll(async () => {
    closeDevices();
    for (const server of [first, second]) {
      if (server && server.child.exitCode === null && server.child.signalCode === null) {
        server.child.kill('SIGTERM');
        await waitForExit(server.child);
      }
    }
    await database?.drop();
  });

  it('shows one session to students on either process, and carries on when one process stops', async () => {
    const teacher = (await signedInTeacher(first.url)).client;
    const created = await teacher.post('/api/live', {
      questionIds: questions.map((question) => question.id),
    });
    const sessionId = String(field(created.body, 'live', 'id'));
    const pin = String(field(created.body, 'live', 'pin'));
    const host = connect(first.url, { cookie: cookieOf(teacher) });
    expect((await send(host, 'host:open', { sessionId })).ok).toBe(true);

    const onFirst = connect(first.url);
    const onSecond = connect(second.url);
    const joinedOnHost = next(host, 'live:joined', (news) =>
      (field(news, 'players') as { name: string }[]).some((player) => player.name === 'Bea'),
    );
    expect((await send(onFirst, 'player:join', { pin, name: 'Ana' })).ok).toBe(true);
    const bea = await send(onSecond, 'player:join', { pin, name: 'Bea' });
    expect(bea.ok).toBe(true);
    await joinedOnHost;

    const secondAsked = next(onSecond, 'live:player', phaseIs('question', 0));
    expect((await send(host, 'host:command', { sessionId, command: { type: 'start' } })).ok).toBe(true);
    const shown = field(await secondAsked, 'question') as Shown;
    const question = questions.find((candidate) => candidate.prompt === shown.prompt)!;

    const answeredOnHost = next(host, 'live:answered');
    expect(
      (await send(onSecond, 'player:answer', { questionIndex: 0, response: rightAnswer(question, shown) }))
        .ok,
    ).toBe(true);
    expect(field(await answeredOnHost, 'playerIds')).toEqual([field(bea.view, 'me', 'playerId')]);

    // The second process goes away; Bea's device reconnects to the first and carries on.
    second.child.kill('SIGTERM');
    await waitForExit(second.child);
    const moved = connect(first.url);
    const rejoined = await send(moved, 'player:rejoin', { sessionId, token: bea.token });
    expect(field(rejoined.view, 'me', 'hasAnswered')).toBe(true);
    const revealed = next(moved, 'live:player', phaseIs('reveal', 0));
    expect((await send(host, 'host:command', { sessionId, command: { type: 'reveal' } })).ok).toBe(true);
    expect(field(await revealed, 'me', 'feedback', 'grade', 'verdict')).toBe('correct');
  }, 120_000);
});
