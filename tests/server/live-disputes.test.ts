import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuestionOfType } from '@/domain/question';
import { passageKey } from '@/server/content/server-content';
import { content } from './fixtures';
import { closeDevices, connect, cookieOf, next, phaseIs, send } from './live-test-client';
import {
  Client,
  createTestDatabase,
  DATABASE_KINDS,
  field,
  signedInTeacher,
  startTestServer,
  type TestDatabase,
  type TestServer,
} from './test-server';

// A short-text question of the real banks, and the passage it cites first.
const question = [...content.current.values()]
  .map((versioned) => versioned.question)
  .find((candidate): candidate is QuestionOfType<'short-text'> => candidate.type === 'short-text');
if (!question) throw new Error('the banks have no short-text question');
const cited = question.citations[0];
if (!cited) throw new Error('the question cites nothing');
const passageText = content.passages.get(passageKey(cited.source, cited.passage)) ?? '';
const right = question.answer[0] ?? '';
const disputed = 'An answer the key left out';

afterAll(closeDevices);

describe.each(DATABASE_KINDS)('disputes from live players (%s)', (kind) => {
  let server: TestServer;
  let database: TestDatabase;
  let teacher: Client;
  let otherTeacher: Client;
  let sessionId: string;
  let host: ReturnType<typeof connect>;
  const tokens: Record<string, string> = {};
  const devices: Record<string, ReturnType<typeof connect>> = {};
  const playerIds: Record<string, string> = {};
  const anyone = () => new Client(server.url);

  let sent = 0;
  const dispute = (token: string | undefined, body: Record<string, unknown> = {}, session = sessionId) =>
    anyone().post(`/api/student/live/${session}/disputes`, {
      token,
      disputeId: `live-dispute-${(sent += 1)}`,
      index: 0,
      kind: 'second-answer',
      message: 'The passage says this too.',
      ...body,
    });

  const command = async (type: string) =>
    expect((await send(host, 'host:command', { sessionId, command: { type } })).ok).toBe(true);

  async function join(pin: string, name: string) {
    const socket = connect(server.url);
    const reply = await send(socket, 'player:join', { pin, name });
    expect(reply.ok, reply.error).toBe(true);
    tokens[name] = String(reply.token);
    devices[name] = socket;
    playerIds[name] = String(field(reply.view, 'me', 'playerId'));
    return socket;
  }

  const pointsOf = async () => {
    const report = await teacher.get(`/api/live/${sessionId}/report`);
    const students = field(report.body, 'report', 'students') as { student: string; points: number }[];
    return Object.fromEntries(students.map(({ student, points }) => [student, points]));
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    server = await startTestServer(kind, { database: database.handle });
    teacher = (await signedInTeacher(server.url)).client;
    otherTeacher = (await signedInTeacher(server.url)).client;
    const created = await teacher.post('/api/live', { questionIds: [question.id], title: 'Live disputes' });
    expect(created.status, created.text).toBe(201);
    sessionId = String(field(created.body, 'live', 'id'));
    const pin = String(field(created.body, 'live', 'pin'));
    host = connect(server.url, { cookie: cookieOf(teacher) });
    expect((await send(host, 'host:open', { sessionId })).ok).toBe(true);
    const ana = await join(pin, 'Ana');
    const ben = await join(pin, 'Ben');
    await join(pin, 'Cy');
    const asked = next(ana, 'live:player', phaseIs('question', 0));
    await command('start');
    await asked;
    for (const [socket, text] of [
      [ana, disputed],
      [ben, right],
    ] as const) {
      const sent = await send(socket, 'player:answer', {
        questionIndex: 0,
        response: { type: 'short-text', text },
      });
      expect(sent.ok, sent.error).toBe(true);
    }
  });
  afterAll(async () => {
    await server.stop();
    await database.drop();
  });

  it('waits for the reveal, and for an answer of the player', async () => {
    const early = await dispute(tokens.Ana);
    expect([early.status, field(early.body, 'error')]).toEqual([
      409,
      'wait for the answer to be revealed before disputing this question',
    ]);
    await command('reveal');
    const unanswered = await dispute(tokens.Cy);
    expect([unanswered.status, field(unanswered.body, 'error')]).toEqual([
      409,
      'answer this question before disputing it',
    ]);
  });

  it('refuses bad input and anyone who is not a player of this session, storing nothing', async () => {
    const other = await teacher.post('/api/live', { questionIds: [question.id] });
    const otherSession = String(field(other.body, 'live', 'id'));
    const replies = await Promise.all([
      dispute(undefined),
      dispute('not a token'),
      dispute('x'.repeat(43)),
      dispute(tokens.Ana, {}, otherSession),
      dispute(tokens.Ana, { message: '  ' }),
      dispute(tokens.Ana, { index: 4 }),
      // An outsider learns nothing of the session, not even how many questions it has.
      dispute('x'.repeat(43), { index: 4 }),
      dispute(undefined, { index: 4 }),
      dispute(tokens.Ana, {
        selection: { source: cited.source, passage: cited.passage, start: 0, end: passageText.length + 1 },
      }),
    ]);
    expect(replies.map((reply) => [reply.status, field(reply.body, 'error')])).toEqual([
      [400, 'token: the rejoin token is missing: join the session first'],
      [400, 'token: this is not a rejoin token'],
      [404, 'this device is not part of that session'],
      [404, 'this device is not part of that session'],
      [400, 'message: the message is empty: say in a line what is wrong'],
      [400, 'index: this session has 1 questions'],
      [404, 'this device is not part of that session'],
      [400, 'token: the rejoin token is missing: join the session first'],
      [400, `selection: the selection ends after the passage, which has ${passageText.length} characters`],
    ]);
    expect(field((await teacher.get('/api/disputes')).body, 'disputes')).toEqual([]);
  });

  it('files a dispute with its evidence, at most three per question per player', async () => {
    const filed = await dispute(tokens.Ana, {
      selection: { source: cited.source, passage: cited.passage, start: 0, end: 10 },
    });
    expect(filed.status, filed.text).toBe(201);
    expect(field(filed.body, 'dispute')).toMatchObject({
      index: 0,
      kind: 'second-answer',
      status: 'open',
      selection: { source: cited.source, passage: cited.passage, start: 0, end: 10 },
    });
    expect((await dispute(tokens.Ana, { kind: 'wording' })).status).toBe(201);
    expect((await dispute(tokens.Ana, { kind: 'key' })).status).toBe(201);
    const fourth = await dispute(tokens.Ana);
    expect([fourth.status, field(fourth.body, 'error')]).toEqual([
      409,
      'you have already filed 3 disputes on this question; your teacher will answer them',
    ]);
    // Ana's limit is hers: Ben still may.
    expect((await dispute(tokens.Ben, { kind: 'explanation' })).status).toBe(201);
  });

  it('shows them only to the teacher who ran the session, with the question, response and selection', async () => {
    const list = field((await teacher.get('/api/disputes')).body, 'disputes');
    if (!Array.isArray(list)) throw new Error('no list');
    expect(list).toHaveLength(4);
    const first = list.find((item: unknown) => field(item, 'selection') !== null);
    expect(first).toMatchObject({
      student: 'Ana',
      assignment: null,
      live: { id: sessionId, title: 'Live disputes' },
      isBuiltIn: true,
      asked: { question: { id: question.id, prompt: question.prompt, answer: question.answer } },
      response: { type: 'short-text', text: disputed },
      grade: { verdict: 'wrong' },
      passage: { source: cited.source, passage: cited.passage, text: passageText },
      selection: { start: 0, end: 10 },
      rightCount: { right: 1, answered: 2 },
      change: null,
    });
    expect(field((await otherTeacher.get('/api/disputes')).body, 'disputes')).toEqual([]);
    const foreign = await otherTeacher.post(`/api/disputes/${String(field(first, 'id'))}/accept`, {
      reply: 'Mine now.',
      change: { kind: 'accept-answer', answer: disputed },
    });
    expect(foreign.status).toBe(404);
  });

  it('regrades the live answers when the teacher accepts an answer, and the report and the scores follow', async () => {
    // By hand: Ana answered the disputed text (0 points), Ben the key (1), Cy nothing (0); no speed points.
    expect(await pointsOf()).toEqual({ Ana: 0, Ben: 1, Cy: 0 });
    const standings = (view: unknown) =>
      Object.fromEntries(
        (field(view, 'standings') as { name: string; total: number }[]).map(({ name, total }) => [
          name,
          total,
        ]),
      );
    const opened = await send(host, 'host:open', { sessionId });
    expect(standings(opened.view)).toEqual({ Ana: 0, Ben: 1, Cy: 0 });
    const rejoined = async (name: string) => {
      const reply = await send(connect(server.url), 'player:rejoin', { sessionId, token: tokens[name] });
      expect(reply.ok, reply.error).toBe(true);
      return field(reply.view, 'me', 'points');
    };
    expect(await rejoined('Ana')).toBe(0);
    const hostSees = next(host, 'live:host', (view) => standings(view).Ana === 1);
    const anaSees = next(devices.Ana!, 'live:player', (view) => field(view, 'me', 'points') === 1);
    const list = field((await teacher.get('/api/disputes')).body, 'disputes') as { id: string }[];
    const accepted = await teacher.post(`/api/disputes/${list[0]?.id ?? ''}/accept`, {
      reply: 'Right: the passage allows it.',
      change: { kind: 'accept-answer', answer: disputed },
    });
    expect(accepted.status, accepted.text).toBe(200);
    expect([field(accepted.body, 'regraded'), field(accepted.body, 'changed')]).toEqual([2, 1]);
    expect(await pointsOf()).toEqual({ Ana: 1, Ben: 1, Cy: 0 });
    // The session's screens are sent the new scores at once; a device coming back reads them too.
    expect(standings(await hostSees)).toEqual({ Ana: 1, Ben: 1, Cy: 0 });
    await anaSees;
    expect(await rejoined('Ana')).toBe(1);
    expect(await rejoined('Ben')).toBe(1);
    expect(standings((await send(host, 'host:open', { sessionId })).view)).toEqual({ Ana: 1, Ben: 1, Cy: 0 });
    const after = field((await teacher.get('/api/disputes')).body, 'disputes') as unknown[];
    const answered = after.find((item) => field(item, 'id') === list[0]?.id);
    expect(answered).toMatchObject({ status: 'accepted', rightCount: { right: 2, answered: 2 } });
  });

  it('files a dispute sent twice (its first reply lost) once, answering the second send as the first', async () => {
    const rows = async () =>
      Number(
        (
          await database.handle.withConnection((run) =>
            run('SELECT count(*) AS n FROM disputes WHERE live_player_id = $1', [playerIds.Ben]),
          )
        )[0]?.n,
      );
    const before = await rows();
    const body = { disputeId: 'live-retried-1', kind: 'wording' };
    const first = await dispute(tokens.Ben, body);
    expect(first.status, first.text).toBe(201);
    const again = await dispute(tokens.Ben, body);
    expect([again.status, again.body]).toEqual([first.status, first.body]);
    expect(await rows()).toBe(before + 1);
    const reused = await dispute(tokens.Ben, { ...body, kind: 'key' });
    expect([reused.status, field(reused.body, 'error')]).toEqual([
      409,
      'this disputeId was already used for another dispute',
    ]);
    // Ana may use the same id: it is unique per player.
    const anas = await dispute(tokens.Ana, body);
    expect([anas.status, field(anas.body, 'error')]).toEqual([
      409,
      'you have already filed 3 disputes on this question; your teacher will answer them',
    ]);
    expect(await rows()).toBe(before + 1);
  });

  it('shows a player their own disputes, with the status and the reply, and nobody else', async () => {
    const mine = (token: unknown) =>
      anyone().post(`/api/student/live/${sessionId}/my-disputes`, token === undefined ? {} : { token });
    const anas = await mine(tokens.Ana);
    expect(anas.status, anas.text).toBe(200);
    const list = field(anas.body, 'disputes') as Record<string, unknown>[];
    expect(list.map((item) => [item.index, item.kind, item.status, item.reply])).toEqual([
      [0, 'second-answer', 'open', null],
      [0, 'wording', 'open', null],
      [0, 'key', 'open', null],
    ]);
    // Ben's first dispute is the one the teacher accepted (the newest of the list above).
    const bens = field((await mine(tokens.Ben)).body, 'disputes') as Record<string, unknown>[];
    expect(bens.map((item) => [item.kind, item.status, item.reply])).toEqual([
      ['explanation', 'accepted', 'Right: the passage allows it.'],
      ['wording', 'open', null],
    ]);
    expect(bens[0]).toMatchObject({ answeredAt: expect.any(String), disputeId: expect.any(String) });
    expect(field((await mine(tokens.Cy)).body, 'disputes')).toEqual([]);
    const other = await teacher.post('/api/live', { questionIds: [question.id] });
    const otherSession = String(field(other.body, 'live', 'id'));
    const refused = await Promise.all([
      mine(undefined),
      mine('x'.repeat(43)),
      anyone().post(`/api/student/live/${otherSession}/my-disputes`, { token: tokens.Ana }),
      anyone().get(`/api/student/live/${sessionId}/my-disputes`),
    ]);
    expect(refused.map((reply) => [reply.status, field(reply.body, 'error')])).toEqual([
      [400, 'token: the rejoin token is missing: join the session first'],
      [404, 'this device is not part of that session'],
      [404, 'this device is not part of that session'],
      [404, expect.any(String)],
    ]);
  });

  it('refuses a player the teacher has removed', async () => {
    const removed = await send(host, 'host:command', {
      sessionId,
      command: { type: 'remove', playerId: playerIds.Cy },
    });
    expect(removed.ok).toBe(true);
    const refused = await dispute(tokens.Cy);
    expect([refused.status, field(refused.body, 'error')]).toEqual([
      403,
      'the teacher has removed you from this session',
    ]);
  });
});
