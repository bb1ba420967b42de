import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classInputSchema, personNameSchema, studentResponseSchema } from '@/server/api-schemas';
import { oneOfEachType } from './fixtures';
import {
  Client,
  DATABASE_KINDS,
  field,
  signedInTeacher,
  startTestServer,
  type TestServer,
} from './test-server';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);

/** Values a route might be sent: anything JSON, and near-misses of the right shape. */
const wild = fc.oneof(
  fc.jsonValue(),
  fc.string(),
  fc.constantFrom(
    null,
    true,
    0,
    -1,
    1e308,
    '',
    '<script>alert(1)</script>',
    'c1',
    'l1',
    '\u0000',
    'x'.repeat(300),
  ),
  fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 60 }),
);

function nearMiss(valid: Record<string, unknown>) {
  const keys = Object.keys(valid);
  return fc.oneof(
    fc.jsonValue(),
    fc.record(Object.fromEntries(keys.map((key) => [key, fc.oneof(fc.constant(valid[key]), wild)])), {
      requiredKeys: [],
    }),
    fc.tuple(fc.string({ maxLength: 12 }), wild).map(([key, value]) => ({ ...valid, [key]: value })),
  );
}

describe.each(DATABASE_KINDS)('fuzzing every route (%s)', (kind) => {
  let server: TestServer;
  let teacher: Client;
  let assignmentId: string;
  let attemptId: string;
  let classId: string;
  const statuses = new Map<number, number>();
  const questions = oneOfEachType();

  beforeAll(async () => {
    server = await startTestServer(kind, {
      limits: { signInPerAddress: 1e6, signUpPerAddress: 1e6, resumePerAddress: 1e6, triesPerAccount: 1e6 },
    });
    teacher = (await signedInTeacher(server.url)).client;
    classId = String(field((await teacher.post('/api/classes', { name: 'Fuzz' })).body, 'class', 'id'));
    const created = await teacher.post('/api/assignments', {
      title: 'Fuzz',
      ids: questions.map((q) => q.id),
      mode: 'practice',
      minutes: 0,
      sameOrder: true,
    });
    assignmentId = String(field(created.body, 'assignment', 'id'));
    const started = await new Client(server.url).post(`/api/student/assignments/${assignmentId}/attempts`, {
      name: 'Fuzz',
    });
    attemptId = String(field(started.body, 'attempt', 'id'));
  });
  afterAll(() => server.stop());

  async function fuzz(method: string, path: () => string, valid: Record<string, unknown>) {
    await fc.assert(
      fc.asyncProperty(nearMiss(valid), async (body) => {
        const reply = await teacher.request(method, path(), body);
        statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
        expect(reply.status, reply.text).toBeLessThan(500);
      }),
      { numRuns: RUNS },
    );
  }

  it('never answers 500, whatever the body', async () => {
    const q = questions[0]!.id;
    await fuzz('POST', () => '/api/auth/signin', { email: 'a@b.example', password: 'whatever it is' });
    await fuzz('POST', () => '/api/auth/reset-password', { token: 'A'.repeat(43), password: 'x' });
    await fuzz('POST', () => '/api/classes', { name: 'A', roster: 'Ana\nBo' });
    await fuzz('PATCH', () => `/api/classes/${classId}`, { name: 'A', roster: ['Ana'] });
    await fuzz('POST', () => '/api/assignments', {
      title: 'T',
      ids: [q],
      mode: 'test',
      minutes: 0,
      sameOrder: true,
      opensAt: null,
      closesAt: '2030-01-01T00:00:00Z',
      attemptsAllowed: 2,
      classId,
    });
    await fuzz('PATCH', () => `/api/assignments/${assignmentId}`, {
      title: 'T',
      closesAt: '2031-01-01T00:00:00Z',
    });
    await fuzz('POST', () => `/api/student/assignments/${assignmentId}/attempts`, { name: 'Ana' });
    await fuzz('POST', () => '/api/student/resume', { assignmentId, resumeCode: 'ABCDE-23456' });
    await fuzz('POST', () => `/api/student/attempts/${attemptId}/answers`, {
      answerId: 'abcdefgh',
      index: 3,
      response: { type: 'single', choice: 'c1' },
    });
    await fuzz('POST', () => `/api/student/attempts/${attemptId}/disputes`, {
      disputeId: 'dispute-1',
      index: 3,
      kind: 'key',
      message: 'The passage says otherwise.',
      selection: { source: 'development-cooperation', passage: 'p1', start: 0, end: 4 },
    });
    await fuzz('POST', () => `/api/disputes/${'A'.repeat(22)}/accept`, {
      reply: 'Yes.',
      change: { kind: 'change-key', key: ['c1'] },
    });
    await fuzz('POST', () => `/api/student/attempts/${attemptId}/submit`, {});
    expect([...statuses.keys()].every((status) => status < 500)).toBe(true);
  });

  it('refuses bodies that are not JSON objects, too large, or of the wrong type, with a 4xx', async () => {
    const path = '/api/classes';
    expect((await teacher.request('POST', path, '{"name":')).status).toBe(400);
    expect(
      (await teacher.request('POST', path, 'name=x', { 'content-type': 'application/x-www-form-urlencoded' }))
        .status,
    ).toBe(415);
    expect((await teacher.request('POST', path, { name: 'x', roster: 'a\n'.repeat(100_000) })).status).toBe(
      413,
    );
    expect((await teacher.request('POST', path, '{"__proto__":{"x":1},"name":"P"}')).status).toBe(400);
    expect((await teacher.request('POST', path, { name: 'x', extra: 1 })).status).toBe(400);
  });

  it('stored only rows that pass the schemas', async () => {
    await server.database.withConnection(async (run) => {
      for (const row of await run('SELECT name, roster FROM classes', [])) {
        expect(classInputSchema.safeParse({ name: row.name, roster: row.roster }).success).toBe(true);
        expect(classInputSchema.parse({ name: row.name, roster: row.roster }).roster).toEqual(row.roster);
      }
      for (const row of await run('SELECT student_name FROM attempts', [])) {
        expect(personNameSchema.parse(row.student_name)).toBe(row.student_name);
      }
      for (const row of await run('SELECT response, question_index FROM answers', [])) {
        expect(studentResponseSchema.safeParse(row.response).success).toBe(true);
        expect(Number(row.question_index)).toBeLessThan(questions.length);
      }
      for (const row of await run('SELECT title, mode, minutes, opens_at, closes_at FROM assignments', [])) {
        expect(String(row.title).trim().length).toBeGreaterThan(0);
        expect(['practice', 'test']).toContain(row.mode);
        if (row.opens_at && row.closes_at)
          expect(new Date(String(row.opens_at)) < new Date(String(row.closes_at))).toBe(true);
      }
    });
  });
});
