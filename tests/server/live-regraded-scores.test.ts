import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuestionOfType } from '@/domain/question';
import { content } from './fixtures';
import { closeDevices, connect, cookieOf, next, phaseIs, send } from './live-test-client';
import {
  Client,
  DATABASE_KINDS,
  field,
  signedInTeacher,
  startTestServer,
  type TestServer,
} from './test-server';

// A short-text question of the real banks: its key, and an answer the key left out.
const question = [...content.current.values()]
  .map((versioned) => versioned.question)
  .find((candidate): candidate is QuestionOfType<'short-text'> => candidate.type === 'short-text');
if (!question) throw new Error('the banks have no short-text question');
const right = question.answer[0] ?? '';
const disputed = 'An answer the key left out';

afterAll(closeDevices);

describe.each(DATABASE_KINDS)('live scores after a regrade, with speed points (%s)', (kind) => {
  let server: TestServer;
  let teacher: Client;
  let sessionId: string;
  let host: ReturnType<typeof connect>;
  // The server's clock, moved by hand: speed points depend on when an answer arrives.
  let clock = Date.parse('2026-03-02T09:00:00.000Z');
  const tokens: Record<string, string> = {};

  const standings = (view: unknown) =>
    Object.fromEntries(
      (field(view, 'standings') as { name: string; points: number; bonus: number }[]).map(
        ({ name, points, bonus }) => [name, [points, bonus]],
      ),
    );
  const hostStandings = async () => standings((await send(host, 'host:open', { sessionId })).view);
  const playerPoints = async (name: string) => {
    const reply = await send(connect(server.url), 'player:rejoin', { sessionId, token: tokens[name] });
    expect(reply.ok, reply.error).toBe(true);
    return field(reply.view, 'me', 'points');
  };
  /** What a player's device shows at the reveal of the question: their verdict. */
  const playerVerdict = async (name: string) => {
    const reply = await send(connect(server.url), 'player:rejoin', { sessionId, token: tokens[name] });
    expect(reply.ok, reply.error).toBe(true);
    return field(reply.view, 'me', 'feedback', 'grade', 'verdict');
  };
  /** The room's answers on the host screen at the reveal: which of them count as right. */
  const rightOnHost = async () => {
    const view = (await send(host, 'host:open', { sessionId })).view;
    const distribution = field(view, 'distribution') as { given: string; isRight: boolean }[];
    return distribution
      .filter((entry) => entry.isRight)
      .map((entry) => entry.given)
      .sort();
  };
  const fileDispute = async (name: string, disputeId: string) => {
    const filed = await new Client(server.url).post(`/api/student/live/${sessionId}/disputes`, {
      token: tokens[name],
      disputeId,
      index: 0,
      kind: 'key',
      message: 'The key is not right.',
    });
    expect(filed.status, filed.text).toBe(201);
    return String(field(filed.body, 'dispute', 'id'));
  };

  beforeAll(async () => {
    server = await startTestServer(kind, { now: () => new Date(clock) });
    teacher = (await signedInTeacher(server.url)).client;
    const created = await teacher.post('/api/live', {
      questionIds: [question.id],
      options: { countdownSeconds: null, speedPoints: true, leaderboard: false },
    });
    expect(created.status, created.text).toBe(201);
    sessionId = String(field(created.body, 'live', 'id'));
    const pin = String(field(created.body, 'live', 'pin'));
    host = connect(server.url, { cookie: cookieOf(teacher) });
    expect((await send(host, 'host:open', { sessionId })).ok).toBe(true);
    const devices: Record<string, ReturnType<typeof connect>> = {};
    for (const name of ['Ana', 'Ben']) {
      devices[name] = connect(server.url);
      const joined = await send(devices[name], 'player:join', { pin, name });
      expect(joined.ok, joined.error).toBe(true);
      tokens[name] = String(joined.token);
    }
    const startedAt = clock;
    const asked = next(devices.Ana!, 'live:player', phaseIs('question', 0));
    expect((await send(host, 'host:command', { sessionId, command: { type: 'start' } })).ok).toBe(true);
    await asked;
    // Ben answers 3 s in with the answer the key left out; Ana 6 s in with the key.
    for (const [name, seconds, text] of [
      ['Ben', 3, disputed],
      ['Ana', 6, right],
    ] as const) {
      clock = startedAt + seconds * 1000;
      const sent = await send(devices[name]!, 'player:answer', {
        questionIndex: 0,
        response: { type: 'short-text', text },
      });
      expect(sent.ok, sent.error).toBe(true);
    }
    expect((await send(host, 'host:command', { sessionId, command: { type: 'reveal' } })).ok).toBe(true);
  });
  afterAll(() => server.stop());

  it('shows the points of the accepted answer, and a bonus only where the answer had one', async () => {
    // By hand: the window is 30 s; Ana's key 6 s in: 1 point and 0.5 × (1 − 6/30) = 0.4 bonus.
    expect(await hostStandings()).toEqual({ Ana: [1, 0.4], Ben: [0, 0] });
    expect([await playerPoints('Ana'), await playerPoints('Ben')]).toEqual([1.4, 0]);
    expect([await playerVerdict('Ana'), await playerVerdict('Ben')]).toEqual(['correct', 'wrong']);
    expect(await rightOnHost()).toEqual([right]);
    const first = await fileDispute('Ben', 'ben-dispute-1');
    const second = await fileDispute('Ben', 'ben-dispute-2');

    // Ben's answer accepted too: 1 point; it had no bonus, and its speed is not kept.
    const accepted = await teacher.post(`/api/disputes/${first}/accept`, {
      reply: 'Accepted.',
      change: { kind: 'accept-answer', answer: disputed },
    });
    expect(accepted.status, accepted.text).toBe(200);
    expect(await hostStandings()).toEqual({ Ana: [1, 0.4], Ben: [1, 0] });
    expect([await playerPoints('Ana'), await playerPoints('Ben')]).toEqual([1.4, 1]);
    // The question is still being revealed: its feedback and the room's answers follow the change.
    expect([await playerVerdict('Ana'), await playerVerdict('Ben')]).toEqual(['correct', 'correct']);
    expect(await rightOnHost()).toEqual([disputed, right].sort());

    // Then the key becomes Ben's answer alone: Ana's answer is wrong, and her bonus goes with its points.
    const rekeyed = await teacher.post(`/api/disputes/${second}/accept`, {
      reply: 'Only this one.',
      change: { kind: 'change-key', key: [disputed] },
    });
    expect(rekeyed.status, rekeyed.text).toBe(200);
    expect(await hostStandings()).toEqual({ Ana: [0, 0], Ben: [1, 0] });
    expect([await playerPoints('Ana'), await playerPoints('Ben')]).toEqual([0, 1]);
    expect([await playerVerdict('Ana'), await playerVerdict('Ben')]).toEqual(['wrong', 'correct']);
    expect(await rightOnHost()).toEqual([disputed]);
    // The class report, graded by the same engine, agrees on the points.
    const report = await teacher.get(`/api/live/${sessionId}/report`);
    const students = field(report.body, 'report', 'students') as { student: string; points: number }[];
    expect(Object.fromEntries(students.map(({ student, points }) => [student, points]))).toEqual({
      Ana: 0,
      Ben: 1,
    });
  });
});
