import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/server/db/open-database';
import { oneOfEachType, rightAnswer } from './fixtures';
import {
  Client,
  DATABASE_KINDS,
  field,
  signedInTeacher,
  startTestServer,
  type TestServer,
} from './test-server';

const questions = oneOfEachType();

type Shown = { index: number; prompt: string; choices: { id: string; text: string }[]; left: [] };

// Answers that arrive together are written together (answer-writer.ts): a burst from a whole class
// must still store each answer once, and count the same as answers given one at a time.
describe.each(DATABASE_KINDS)('a burst of answers from a class (%s)', (kind) => {
  let server: TestServer;
  let teacher: Client;
  beforeAll(async () => {
    server = await startTestServer(kind);
    teacher = (await signedInTeacher(server.url)).client;
  });
  afterAll(() => server.stop());

  it('stores every answer once, retries included, and counts each student whole', async () => {
    const created = await teacher.post('/api/assignments', {
      title: 'Burst',
      ids: questions.map((q) => q.id),
      mode: 'test',
      minutes: 0,
      sameOrder: false,
    });
    const assignmentId = String(field(created.body, 'assignment', 'id'));
    const students = await Promise.all(
      ['Ana', 'Bo', 'Chi', 'Dee', 'Eve', 'Fay'].map(async (name) => {
        const client = new Client(server.url);
        const started = await client.post(`/api/student/assignments/${assignmentId}/attempts`, { name });
        const shown = field(started.body, 'attempt', 'questions') as Shown[];
        return { client, attemptId: String(field(started.body, 'attempt', 'id')), shown };
      }),
    );

    // Every answer sent twice at once (a retry overtaking its first try), all students together.
    const replies = await Promise.all(
      students.flatMap(({ client, attemptId, shown }) =>
        shown.flatMap((q) => {
          const question = questions.find((c) => c.prompt === q.prompt)!;
          const body = {
            answerId: `burst-answer-${q.index}`,
            index: q.index,
            response: rightAnswer(question, q),
          };
          const path = `/api/student/attempts/${attemptId}/answers`;
          return [client.post(path, body), client.post(path, body)];
        }),
      ),
    );
    expect(replies.map((reply) => reply.status)).toEqual(replies.map(() => 200));
    for (let at = 0; at < replies.length; at += 2) {
      expect(field(replies[at]!.body, 'recorded', 'receivedAt')).toBe(
        field(replies[at + 1]!.body, 'recorded', 'receivedAt'),
      );
    }

    const [count] = rowsOf(
      await server.database.db.execute(sql`SELECT count(*)::integer AS stored FROM answers`),
    ) as { stored: number }[];
    expect(Number(count?.stored)).toBe(students.length * questions.length);

    const progress = await teacher.get(`/api/assignments/${assignmentId}/progress`);
    for (let at = 0; at < students.length; at += 1) {
      expect(field(progress.body, 'attempts', at, 'answered')).toBe(questions.length);
      expect(field(progress.body, 'attempts', at, 'points')).toBe(questions.length);
      expect(field(progress.body, 'attempts', at, 'questionCount')).toBe(questions.length);
    }
    const report = await teacher.get(`/api/assignments/${assignmentId}/report`);
    for (let at = 0; at < students.length; at += 1) {
      expect(field(report.body, 'report', 'students', at, 'percent')).toBe(100);
    }
  });

  it('counts the latest of two answers to a question, and none after the attempt is handed in', async () => {
    const created = await teacher.post('/api/assignments', {
      title: 'Changed minds',
      ids: questions.map((q) => q.id),
      mode: 'test',
      minutes: 0,
      sameOrder: true,
    });
    const assignmentId = String(field(created.body, 'assignment', 'id'));
    const client = new Client(server.url);
    const started = await client.post(`/api/student/assignments/${assignmentId}/attempts`, { name: 'Gil' });
    const attemptId = String(field(started.body, 'attempt', 'id'));
    const shown = field(started.body, 'attempt', 'questions') as Shown[];
    const question = questions.find((q) => q.type === 'true-false')!;
    const asked = shown.find((q) => q.prompt === question.prompt)!;
    const trueFalse = asked.index;
    const right = rightAnswer(question, asked);
    const path = `/api/student/attempts/${attemptId}/answers`;
    const wrong = { type: 'true-false', value: !field(right, 'value') };
    expect(
      (await client.post(path, { answerId: 'first-answer', index: trueFalse, response: wrong })).status,
    ).toBe(200);
    expect(
      (await client.post(path, { answerId: 'second-answer', index: trueFalse, response: right })).status,
    ).toBe(200);

    const progress = await teacher.get(`/api/assignments/${assignmentId}/progress`);
    expect(field(progress.body, 'attempts', 0, 'answered')).toBe(1);
    expect(field(progress.body, 'attempts', 0, 'points')).toBe(1);

    expect((await client.post(`/api/student/attempts/${attemptId}/submit`, {})).status).toBe(200);
    const late = await client.post(path, { answerId: 'third-answer', index: trueFalse, response: wrong });
    expect(late.status).toBe(409);
    const after = await teacher.get(`/api/assignments/${assignmentId}/progress`);
    expect(field(after.body, 'attempts', 0, 'points')).toBe(1);
  });
});
