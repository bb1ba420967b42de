import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { openDatabase, type DatabaseHandle } from '@/server/db/open-database';
import { createLiveJoinWriter, joinPlayer } from '@/server/live/live-store';
import { keyLeaks, oneOfEachType, rightAnswer } from './fixtures';
import { closeDevices, connect, cookieOf, next, phaseIs, send, type Shown } from './live-test-client';
import {
  Client,
  createPostgresDatabase,
  DATABASE_KINDS,
  field,
  signedInTeacher,
  startTestServer,
  type DatabaseKind,
  type TestServer,
} from './test-server';

const questions = oneOfEachType();
const ids = questions.map((question) => question.id);

afterAll(closeDevices);

const questionOf = (shown: Shown) => questions.find((question) => question.prompt === shown.prompt)!;

async function startLive(server: TestServer, teacher: Client, body: Record<string, unknown> = {}) {
  const reply = await teacher.post('/api/live', {
    questionIds: ids,
    title: 'Live: Belgium and Vietnam',
    ...body,
  });
  expect(reply.status).toBe(201);
  const host = connect(server.url, { cookie: cookieOf(teacher) });
  const sessionId = String(field(reply.body, 'live', 'id'));
  const opened = await send(host, 'host:open', { sessionId });
  expect(opened.ok).toBe(true);
  return { host, sessionId, pin: String(field(reply.body, 'live', 'pin')) };
}

async function join(server: TestServer, pin: string, name: string) {
  const socket = connect(server.url);
  const reply = await send(socket, 'player:join', { pin, name });
  return { socket, reply };
}

/** The host starts the first question; `player` answers it right. The question as the player saw it. */
async function startAndAnswerRight(host: Socket, sessionId: string, player: Socket): Promise<Shown> {
  const asked = next(player, 'live:player', phaseIs('question', 0));
  await send(host, 'host:command', { sessionId, command: { type: 'start' } });
  const shown = field(await asked, 'question') as Shown;
  await send(player, 'player:answer', { questionIndex: 0, response: rightAnswer(questionOf(shown), shown) });
  return shown;
}

describe.each(DATABASE_KINDS)('a live session (%s)', (kind) => {
  let server: TestServer;
  let teacher: Client;
  beforeAll(async () => {
    server = await startTestServer(kind);
    teacher = (await signedInTeacher(server.url)).client;
  });
  afterAll(() => server.stop());

  it('runs from the lobby to the report, with the key sent only at the reveal', async () => {
    const { host, sessionId, pin } = await startLive(server, teacher);
    expect(pin).toMatch(/^\d{6}$/);

    const joinedOnHost = next<{ players: { id: string; name: string }[] }>(host, 'live:joined');
    const ada = await join(server, pin, 'Ada');
    expect(ada.reply.ok).toBe(true);
    expect((await joinedOnHost).players).toEqual([
      { id: field(ada.reply.view, 'me', 'playerId'), name: 'Ada' },
    ]);
    const zed = await join(server, pin, 'Zed');
    expect(zed.reply.ok).toBe(true);
    expect((await join(server, pin, 'ADA')).reply.error).toMatch(/already called/);
    const wrongPin = String((Number(pin) + 1) % 1_000_000).padStart(6, '0');
    expect((await join(server, wrongPin, 'Eve')).reply.error).toMatch(/no session with this PIN/);

    const adaSees = next(ada.socket, 'live:player', phaseIs('question', 0));
    expect((await send(host, 'host:command', { sessionId, command: { type: 'start' } })).ok).toBe(true);
    const asked = await adaSees;
    expect(keyLeaks(asked, JSON.stringify(asked), questions)).toEqual([]);
    const shown = field(asked, 'question') as Shown;
    const question = questionOf(shown);

    const answeredOnHost = next(host, 'live:answered');
    expect(
      await send(ada.socket, 'player:answer', { questionIndex: 0, response: rightAnswer(question, shown) }),
    ).toEqual({
      ok: true,
    });
    expect(field(await answeredOnHost, 'playerIds')).toEqual([field(ada.reply.view, 'me', 'playerId')]);
    const again = await send(ada.socket, 'player:answer', {
      questionIndex: 0,
      response: rightAnswer(question, shown),
    });
    expect(again.error).toMatch(/already answered/);

    const adaRevealed = next(ada.socket, 'live:player', phaseIs('reveal', 0));
    const zedRevealed = next(zed.socket, 'live:player', phaseIs('reveal', 0));
    expect((await send(host, 'host:command', { sessionId, command: { type: 'reveal' } })).ok).toBe(true);
    const adaView = await adaRevealed;
    expect(field(adaView, 'me', 'feedback', 'grade', 'verdict')).toBe('correct');
    expect(field(adaView, 'me', 'feedback', 'presented', 'question', 'explanation')).toBe(
      question.explanation,
    );
    expect(field(await zedRevealed, 'me', 'feedback', 'grade', 'verdict')).toBe('unanswered');
    const late = await send(zed.socket, 'player:answer', {
      questionIndex: 0,
      response: rightAnswer(question, shown),
    });
    expect(late.error).toMatch(/closed/);

    for (let index = 1; index < questions.length; index += 1) {
      expect((await send(host, 'host:command', { sessionId, command: { type: 'next' } })).ok).toBe(true);
      expect((await send(host, 'host:command', { sessionId, command: { type: 'reveal' } })).ok).toBe(true);
    }
    const ended = next(zed.socket, 'live:player', phaseIs('ended'));
    expect((await send(host, 'host:command', { sessionId, command: { type: 'next' } })).ok).toBe(true);
    await ended;

    const report = await teacher.get(`/api/live/${sessionId}/report`);
    expect(report.status).toBe(200);
    const students = field(report.body, 'report', 'students') as { student: string; points: number }[];
    expect(students.map(({ student, points }) => [student, points]).sort()).toEqual([
      ['Ada', 1],
      ['Zed', 0],
    ]);
    const csv = await teacher.get(`/api/live/${sessionId}/report.csv`);
    expect(csv.text).toContain('Ada');
    const listed = await teacher.get('/api/live');
    expect(field(listed.body, 'live', 0, 'phase')).toBe('ended');
    expect(field(listed.body, 'live', 0, 'pin')).toBeNull();
  });

  it('runs rooms side by side: commands sent together reach their own room, and one of two screens reveals', async () => {
    const rooms = await Promise.all(
      ['Amal', 'Bo', 'Cy'].map(async (name) => {
        const room = await startLive(server, teacher);
        const { socket, reply } = await join(server, room.pin, name);
        expect(reply.ok).toBe(true);
        return { ...room, player: socket };
      }),
    );
    const [first, second, third] = rooms as [
      (typeof rooms)[number],
      (typeof rooms)[number],
      (typeof rooms)[number],
    ];
    const secondScreen = connect(server.url, { cookie: cookieOf(teacher) });
    expect((await send(secondScreen, 'host:open', { sessionId: first.sessionId })).ok).toBe(true);

    const asked = rooms.map((room) => next(room.player, 'live:player', phaseIs('question', 0)));
    const started = await Promise.all(
      rooms.map((room) =>
        send(room.host, 'host:command', { sessionId: room.sessionId, command: { type: 'start' } }),
      ),
    );
    expect(started.map((reply) => reply.ok)).toEqual([true, true, true]);
    const shown = field(await asked[1]!, 'question') as Shown;
    await Promise.all(asked);
    expect(
      (
        await send(second.player, 'player:answer', {
          questionIndex: 0,
          response: rightAnswer(questionOf(shown), shown),
        })
      ).ok,
    ).toBe(true);

    const firstRevealed = next(first.player, 'live:player', phaseIs('reveal', 0));
    const secondRevealed = next(second.player, 'live:player', phaseIs('reveal', 0));
    const reveal = { type: 'reveal' } as const;
    const replies = await Promise.all([
      send(first.host, 'host:command', { sessionId: first.sessionId, command: reveal }),
      send(secondScreen, 'host:command', { sessionId: first.sessionId, command: reveal }),
      send(second.host, 'host:command', { sessionId: second.sessionId, command: reveal }),
    ]);
    // Both screens of the first room asked at once: exactly one reveal happened, the other was told why.
    expect(replies.slice(0, 2).filter((reply) => reply.ok)).toHaveLength(1);
    expect(replies.slice(0, 2).find((reply) => !reply.ok)?.error).toMatch(/no question to reveal/);
    expect(replies[2]!.ok).toBe(true);
    // Each room's reveal carries its own answers: only the second room's player answered.
    expect(field(await firstRevealed, 'me', 'feedback', 'grade', 'verdict')).toBe('unanswered');
    expect(field(await secondRevealed, 'me', 'feedback', 'grade', 'verdict')).toBe('correct');
    const thirdHost = await send(third.host, 'host:open', { sessionId: third.sessionId });
    expect(field(thirdHost.view, 'phase')).toBe('question');
  });

  it('lets only the teacher who started it host it', async () => {
    const { sessionId, pin } = await startLive(server, teacher);
    const stranger = connect(server.url);
    expect((await send(stranger, 'host:open', { sessionId })).error).toMatch(/Sign in/);
    expect((await send(stranger, 'host:command', { sessionId, command: { type: 'start' } })).error).toMatch(
      /host/,
    );
    const other = (await signedInTeacher(server.url)).client;
    const otherHost = connect(server.url, { cookie: cookieOf(other) });
    expect((await send(otherHost, 'host:open', { sessionId })).ok).toBe(false);
    expect((await other.get(`/api/live/${sessionId}/report`)).status).toBe(404);
    const player = await join(server, pin, 'Mallory');
    expect((await send(player.socket, 'host:command', { sessionId, command: { type: 'end' } })).ok).toBe(
      false,
    );
    expect((await new Client(server.url).post('/api/live', { questionIds: ids })).status).toBe(401);
  });

  it('stops obeying a host screen once its teacher has signed out', async () => {
    const signedIn = await signedInTeacher(server.url);
    const { host, sessionId } = await startLive(server, signedIn.client);
    expect((await send(host, 'host:command', { sessionId, command: { type: 'start' } })).ok).toBe(true);
    expect((await signedIn.client.post('/api/auth/signout', {})).status).toBeLessThan(300);
    // The screen stays open and connected, but its commands no longer carry a live sign-in.
    const refused = await send(host, 'host:command', { sessionId, command: { type: 'reveal' } });
    expect(refused.error).toMatch(/Sign in/);
    const again = await send(host, 'host:command', { sessionId, command: { type: 'end' } });
    expect(again.ok).toBe(false);
  });

  it('keeps newcomers out when locked, and removed players out for good', async () => {
    const { host, sessionId, pin } = await startLive(server, teacher);
    const kim = await join(server, pin, 'Kim');
    expect((await send(host, 'host:command', { sessionId, command: { type: 'lock' } })).ok).toBe(true);
    expect((await join(server, pin, 'Lou')).reply.error).toMatch(/locked/);
    const removedNotice = next(kim.socket, 'live:removed');
    const kimId = String(field(kim.reply.view, 'me', 'playerId'));
    expect(
      (await send(host, 'host:command', { sessionId, command: { type: 'remove', playerId: kimId } })).ok,
    ).toBe(true);
    await removedNotice;
    const back = connect(server.url);
    expect((await send(back, 'player:rejoin', { sessionId, token: kim.reply.token })).error).toMatch(
      /removed/,
    );
    await send(host, 'host:command', { sessionId, command: { type: 'unlock' } });
    const again = await send(back, 'player:join', { pin, name: 'Kim', token: kim.reply.token });
    expect(again.error).toMatch(/removed/);
  });

  it('lets a class arrive at once: one player per name, and no more than the session holds', async () => {
    const { host, sessionId, pin } = await startLive(server, teacher);
    const names = ['Lê Minh', 'le minh', 'LÊ MINH', 'An', 'Bao', 'Chi'];
    const replies = await Promise.all(names.map(async (name) => (await join(server, pin, name)).reply));
    const accepted = names.filter((_, at) => replies[at]!.ok);
    expect(accepted.filter((name) => name.toLowerCase().startsWith('l'))).toHaveLength(1);
    expect(accepted).toEqual(expect.arrayContaining(['An', 'Bao', 'Chi']));
    const refusals = replies.filter((reply) => !reply.ok).map((reply) => reply.error);
    expect(refusals).toHaveLength(2);
    for (const refusal of refusals) expect(refusal).toMatch(/already called “(Lê Minh|le minh|LÊ MINH)”/);
    const opened = await send(host, 'host:open', { sessionId });
    expect(field(opened.view, 'players')).toHaveLength(4);

    // The limit, counted in the same statement as the joins: five arrive together for three places.
    const { sessionId: small } = await startLive(server, teacher);
    const writer = createLiveJoinWriter(server.database, { parallel: 1 });
    const joined = await Promise.all(
      ['V', 'W', 'X', 'Y', 'Z'].map((name) =>
        joinPlayer(server.database.db, writer, small, name, 3, new Date()),
      ),
    );
    expect(joined.filter((outcome) => outcome.ok)).toHaveLength(3);
    for (const outcome of joined.filter((outcome) => !outcome.ok)) {
      expect(outcome).toEqual({ ok: false, message: 'This session is full.' });
    }
  });

  it('gives a player who comes back with their token the same place, answer and score', async () => {
    const { host, sessionId, pin } = await startLive(server, teacher);
    const noor = await join(server, pin, 'Noor');
    await startAndAnswerRight(host, sessionId, noor.socket);
    noor.socket.close();
    const again = connect(server.url);
    const rejoined = await send(again, 'player:join', { pin, name: 'someone else', token: noor.reply.token });
    expect(rejoined.ok).toBe(true);
    expect(field(rejoined.view, 'me', 'name')).toBe('Noor');
    expect(field(rejoined.view, 'me', 'hasAnswered')).toBe(true);
    expect(field(rejoined.view, 'index')).toBe(0);
    // A right answer scores, but its points would give it away before the reveal.
    expect(field(rejoined.view, 'me', 'points')).toBe(0);
    const revealed = next(again, 'live:player', phaseIs('reveal', 0));
    await send(host, 'host:command', { sessionId, command: { type: 'reveal' } });
    expect(field(await revealed, 'me', 'points')).toBe(1);
  });

  it('gives the player in the seat cookie their own view by HTTP, never the key before the reveal', async () => {
    const { host, sessionId, pin } = await startLive(server, teacher);
    const noor = await join(server, pin, 'Noor');
    const seat = `${sessionId}.${String(noor.reply.token)}`;
    const device = new Client(server.url);
    const asPlayer = (value: string) => device.get('/api/live/player', { cookie: `live-seat=${value}` });

    const inLobby = await asPlayer(seat);
    expect(inLobby.status).toBe(200);
    expect(inLobby.headers.get('cache-control')).toBe('private, no-store');
    expect(field(inLobby.body, 'view', 'phase')).toBe('lobby');
    expect(field(inLobby.body, 'view', 'me', 'name')).toBe('Noor');
    expect(field(inLobby.body, 'pin')).toBe(pin);

    const shown = await startAndAnswerRight(host, sessionId, noor.socket);
    const mid = await asPlayer(seat);
    expect(field(mid.body, 'view', 'question', 'prompt')).toBe(shown.prompt);
    expect(field(mid.body, 'view', 'me', 'hasAnswered')).toBe(true);
    expect(field(mid.body, 'view', 'me', 'feedback')).toBeNull();
    expect(keyLeaks(mid.body, mid.text, questions)).toEqual([]);

    await send(host, 'host:command', { sessionId, command: { type: 'reveal' } });
    const revealed = await asPlayer(seat);
    expect(field(revealed.body, 'view', 'me', 'feedback', 'grade', 'isCorrect')).toBe(true);

    // No seat, a forged token, another session's id, or a cookie of the wrong shape: nothing is shown.
    const forged = `${sessionId}.${'A'.repeat(43)}`;
    const { sessionId: other } = await startLive(server, teacher);
    const refusals = await Promise.all([
      device.get('/api/live/player'),
      asPlayer(forged),
      asPlayer(`${other}.${String(noor.reply.token)}`),
      asPlayer(`${sessionId}.${String(noor.reply.token)}x`),
      asPlayer('%00'),
    ]);
    expect(refusals.map((reply) => reply.status)).toEqual([401, 404, 404, 401, 401]);
    for (const refusal of refusals) expect(refusal.text).not.toContain(shown.prompt);

    const noorId = String(field(noor.reply.view, 'me', 'playerId'));
    await send(host, 'host:command', { sessionId, command: { type: 'remove', playerId: noorId } });
    const removed = await asPlayer(seat);
    expect(removed.status).toBe(403);
    expect(field(removed.body, 'error')).toMatch(/removed you/);
  });

  it('answers every malformed message with an error and keeps running', async () => {
    const { pin } = await startLive(server, teacher);
    const socket = connect(server.url);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('player:join', 'player:rejoin', 'player:answer', 'host:open', 'host:command'),
        fc.anything(),
        async (event, message) => {
          const reply = await send(socket, event, message);
          expect(reply.ok).toBe(false);
          expect(reply.error).toEqual(expect.any(String));
        },
      ),
      { numRuns: 300 },
    );
    expect((await join(server, pin, 'Still works')).reply.ok).toBe(true);
  });

  it('refuses answers once the countdown is over, until the teacher gives more time', async () => {
    const { host, sessionId, pin } = await startLive(server, teacher, { options: { countdownSeconds: 5 } });
    const ola = await join(server, pin, 'Ola');
    const pia = await join(server, pin, 'Pia');
    const asked = next(ola.socket, 'live:player', phaseIs('question', 0));
    await send(host, 'host:command', { sessionId, command: { type: 'start' } });
    const view = await asked;
    expect(field(view, 'countdown', 'remainingMs')).toBeGreaterThan(0);
    const shown = field(view, 'question') as Shown;
    const response = rightAnswer(questionOf(shown), shown);
    expect((await send(ola.socket, 'player:answer', { questionIndex: 0, response })).ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 5_500));
    expect((await send(pia.socket, 'player:answer', { questionIndex: 0, response })).error).toMatch(
      /Time is up/,
    );
    expect(
      (await send(host, 'host:command', { sessionId, command: { type: 'extend', seconds: 60 } })).ok,
    ).toBe(true);
    expect((await send(pia.socket, 'player:answer', { questionIndex: 0, response })).ok).toBe(true);
  });
});

async function reopenable(
  kind: DatabaseKind,
): Promise<{ open(): Promise<DatabaseHandle>; drop(): Promise<void> }> {
  if (kind === 'postgres') {
    const created = await createPostgresDatabase();
    return { open: () => openDatabase({ databaseUrl: created.url }), drop: created.drop };
  }
  const dataDir = mkdtempSync(joinPath(tmpdir(), 'sq-live-'));
  return {
    open: () => openDatabase({ dataDir }),
    drop: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

describe.each(DATABASE_KINDS)('a live session across a server restart (%s)', (kind) => {
  it('resumes mid-question with every acknowledged answer', async () => {
    const database = await reopenable(kind);
    let server = await startTestServer(kind, { database: await database.open() });
    try {
      const signedIn = await signedInTeacher(server.url);
      const { host, sessionId, pin } = await startLive(server, signedIn.client);
      const players = await Promise.all(['P1', 'P2', 'P3'].map((name) => join(server, pin, name)));
      const asked = next(players[0]!.socket, 'live:player', phaseIs('question', 0));
      await send(host, 'host:command', { sessionId, command: { type: 'start' } });
      const shown = field(await asked, 'question') as Shown;
      const acknowledged = await Promise.all(
        players.slice(0, 2).map((player) =>
          send(player.socket, 'player:answer', {
            questionIndex: 0,
            response: rightAnswer(questionOf(shown), shown),
          }),
        ),
      );
      expect(acknowledged.every((reply) => reply.ok)).toBe(true);
      await server.close();

      server = await startTestServer(kind, { database: await database.open() });
      const hostAgain = connect(server.url, { cookie: cookieOf(signedIn.client) });
      const reopened = await send(hostAgain, 'host:open', { sessionId });
      expect(field(reopened.view, 'phase')).toBe('question');
      expect(field(reopened.view, 'answeredBy')).toHaveLength(2);
      const back = connect(server.url);
      const rejoined = await send(back, 'player:rejoin', { sessionId, token: players[2]!.reply.token });
      expect(field(rejoined.view, 'me', 'hasAnswered')).toBe(false);
      expect(
        (
          await send(back, 'player:answer', {
            questionIndex: 0,
            response: rightAnswer(questionOf(shown), shown),
          })
        ).ok,
      ).toBe(true);
    } finally {
      await server.close();
      await database.drop();
    }
  });
});
