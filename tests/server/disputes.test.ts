import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuestionOfType } from '@/domain/question';
import { passageKey } from '@/server/content/server-content';
import { content } from './fixtures';
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

// A short-text question of the real banks, and the first passage it cites.
const question = [...content.current.values()]
  .map((versioned) => versioned.question)
  .find((candidate): candidate is QuestionOfType<'short-text'> => candidate.type === 'short-text');
if (!question) throw new Error('the banks have no short-text question');
const cited = question.citations[0];
if (!cited) throw new Error('the question cites nothing');
const passageText = content.passages.get(passageKey(cited.source, cited.passage)) ?? '';
const otherPassage = [...content.passages.keys()].find(
  (key) => key !== passageKey(cited.source, cited.passage),
);
const right = question.answer[0] ?? '';
const fingerprint = content.current.get(question.id)?.fingerprint ?? '';
const disputed = 'An answer the key left out';

describe.each(DATABASE_KINDS)('disputes and regrading (%s)', (kind) => {
  let server: TestServer;
  let database: TestDatabase;
  let teacher: Client;
  let teacherEmail: string;
  let otherTeacher: Client;
  let student: Client;
  let assignmentId: string;
  const attemptOf: Record<string, string> = {};

  async function answer(name: string, text: string) {
    const started = await student.post(`/api/student/assignments/${assignmentId}/attempts`, { name });
    expect(started.status, started.text).toBe(201);
    const attemptId = String(field(started.body, 'attempt', 'id'));
    attemptOf[name] = attemptId;
    const sent = await student.post(`/api/student/attempts/${attemptId}/answers`, {
      answerId: `answer-${name}`,
      index: 0,
      response: { type: 'short-text', text },
    });
    expect(sent.status, sent.text).toBe(200);
  }

  let sent = 0;
  const dispute = (name: string, body: Record<string, unknown>) =>
    student.post(`/api/student/attempts/${attemptOf[name]}/disputes`, {
      disputeId: `dispute-${(sent += 1)}`,
      index: 0,
      kind: 'second-answer',
      message: 'The passage says this too.',
      ...body,
    });

  /** The points each student has so far on the teacher's live progress page. */
  const progressPoints = async () => {
    const progress = await teacher.get(`/api/assignments/${assignmentId}/progress`);
    const rows = field(progress.body, 'attempts') as { student: string; points: number }[];
    return rows.map((row) => [row.student, row.points]).sort();
  };

  const feedbackGrade = async (name: string) => {
    const view = await student.get(`/api/student/attempts/${attemptOf[name]}`);
    const answers = field(view.body, 'attempt', 'answers');
    if (!Array.isArray(answers)) throw new Error(view.text);
    return field(answers[0], 'feedback', 'grade', 'verdict');
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    server = await startTestServer(kind, { database: database.handle });
    const signed = await signedInTeacher(server.url);
    teacher = signed.client;
    teacherEmail = signed.email;
    otherTeacher = (await signedInTeacher(server.url)).client;
    student = new Client(server.url);
    const created = await teacher.post('/api/assignments', {
      title: 'Disputed',
      ids: [question.id],
      mode: 'practice',
      minutes: 0,
      sameOrder: true,
    });
    expect(created.status, created.text).toBe(201);
    assignmentId = String(field(created.body, 'assignment', 'id'));
    await answer('Ana', disputed);
    await answer('Ben', right);
    await answer('Cy', disputed.toUpperCase());
    // A live session of the same teacher where Dee gave the same answer: stored as the live
    // socket stores it (the response as sent, graded on arrival).
    const me = await teacher.get('/api/auth/me');
    await database.handle.withConnection(async (run) => {
      await run(
        `INSERT INTO live_sessions (id, teacher_id, title, pin, questions, options, phase, question_index,
           locked, distribution_shown, created_at) VALUES ('live-1', $1, 'Live', '123456', $2, '{}', 'ended', 0,
           false, false, now())`,
        [field(me.body, 'teacher', 'id'), JSON.stringify([{ fingerprint, choiceOrder: [], leftOrder: [] }])],
      );
      await run(`INSERT INTO live_players VALUES ('live-1', 'p1', 'Dee', 'dee', 'h', now(), false)`, []);
      await run(`INSERT INTO live_answers VALUES ('live-1', 0, 'p1', $1, $2, 0, 0, 'wrong', '{}', now())`, [
        fingerprint,
        JSON.stringify({ type: 'short-text', text: disputed }),
      ]);
    });
  });
  afterAll(async () => {
    await server.stop();
    await database.drop();
  });

  it('refuses bad disputes with a message that says what is wrong, and stores nothing', async () => {
    const problems = await Promise.all([
      dispute('Ana', { message: '   ' }),
      dispute('Ana', { message: 'x'.repeat(5000) }),
      dispute('Ana', { kind: 'spelling' }),
      dispute('Ana', { index: 7 }),
      dispute('Ana', {
        selection: { source: cited.source, passage: cited.passage, start: 0, end: passageText.length + 1 },
      }),
      dispute('Ana', { selection: { source: cited.source, passage: cited.passage, start: 5, end: 5 } }),
      dispute('Ana', {
        selection: {
          source: otherPassage?.split('/')[0],
          passage: otherPassage?.split('/')[1],
          start: 0,
          end: 3,
        },
      }),
      dispute('Ana', { extra: true }),
    ]);
    expect(problems.map((reply) => [reply.status, field(reply.body, 'error')])).toEqual([
      [400, 'message: the message is empty: say in a line what is wrong'],
      [400, 'message: the message is over 1000 characters'],
      [400, 'kind: kind must be one of key, wording, second-answer, explanation'],
      [400, 'index: this attempt has 1 questions'],
      [400, `selection: the selection ends after the passage, which has ${passageText.length} characters`],
      [400, 'selection.end: the selection is empty: select at least one character'],
      [400, 'selection: select words in the passage shown with this question'],
      [400, 'unknown field extra'],
    ]);
    const listed = await student.get(`/api/student/attempts/${attemptOf.Ana}/disputes`);
    expect(field(listed.body, 'disputes')).toEqual([]);
  });

  it('keeps markup as text, with the selected words, and lets a student file at most three per question', async () => {
    const markup = '<b>Key</b> is wrong <script>alert(1)</script>';
    const filed = await dispute('Ana', {
      message: markup,
      selection: { source: cited.source, passage: cited.passage, start: 0, end: 10 },
    });
    expect(filed.status, filed.text).toBe(201);
    expect(field(filed.body, 'dispute')).toMatchObject({
      message: markup,
      status: 'open',
      selection: { source: cited.source, passage: cited.passage, start: 0, end: 10 },
    });
    expect((await dispute('Ana', {})).status).toBe(201);
    expect((await dispute('Ana', {})).status).toBe(201);
    const fourth = await dispute('Ana', {});
    expect([fourth.status, field(fourth.body, 'error')]).toEqual([
      409,
      'you have already filed 3 disputes on this question; your teacher will answer them',
    ]);
    // Another student's attempt sees none of Ana's disputes.
    const others = await student.get(`/api/student/attempts/${attemptOf.Ben}/disputes`);
    expect(field(others.body, 'disputes')).toEqual([]);
  });

  it('shows disputes only to the teacher whose assignment it is', async () => {
    const mine = await teacher.get('/api/disputes');
    const list = field(mine.body, 'disputes');
    if (!Array.isArray(list)) throw new Error(mine.text);
    expect(list).toHaveLength(3);
    expect(list[2]).toMatchObject({
      student: 'Ana',
      kind: 'second-answer',
      assignment: { id: assignmentId, title: 'Disputed' },
      asked: { question: { id: question.id, answer: question.answer } },
      response: { type: 'short-text', text: disputed },
      grade: { verdict: 'wrong' },
      passage: { source: cited.source, passage: cited.passage, text: passageText },
      selection: { start: 0, end: 10 },
      rightCount: { right: 1, answered: 3 },
      change: null,
    });
    expect(field((await otherTeacher.get('/api/disputes')).body, 'disputes')).toEqual([]);
    const id = String(list[0].id);
    const foreign = await otherTeacher.post(`/api/disputes/${id}/reject`, { reply: 'No.' });
    expect(foreign.status).toBe(404);
    expect((await new Client(server.url).get('/api/disputes')).status).toBe(401);
  });

  it('rejects a dispute with a reply the student sees, once', async () => {
    const list = field((await teacher.get('/api/disputes')).body, 'disputes') as { id: string }[];
    const id = list[0]?.id ?? '';
    expect((await teacher.post(`/api/disputes/${id}/reject`, { reply: '' })).status).toBe(400);
    const rejected = await teacher.post(`/api/disputes/${id}/reject`, {
      reply: 'The key follows the passage.',
    });
    expect(rejected.status, rejected.text).toBe(200);
    expect((await teacher.post(`/api/disputes/${id}/reject`, { reply: 'Again.' })).status).toBe(409);
    const seen = field(
      (await student.get(`/api/student/attempts/${attemptOf.Ana}/disputes`)).body,
      'disputes',
    );
    expect(seen).toContainEqual(
      expect.objectContaining({ id, status: 'rejected', reply: 'The key follows the passage.' }),
    );
  });

  it('accepts an additional answer and regrades every stored answer, with the report saying who changed what', async () => {
    const list = field((await teacher.get('/api/disputes')).body, 'disputes') as {
      id: string;
      status: string;
    }[];
    const id = list.find((item) => item.status === 'open')?.id ?? '';
    expect(await feedbackGrade('Ana')).toBe('wrong');
    expect(await progressPoints()).toEqual([
      ['Ana', 0],
      ['Ben', 1],
      ['Cy', 0],
    ]);
    const refused = await teacher.post(`/api/disputes/${id}/accept`, {
      reply: 'Right.',
      change: { kind: 'accept-answer', answer: right },
    });
    expect([refused.status, field(refused.body, 'error')]).toEqual([
      400,
      `change: "${right}" is already accepted`,
    ]);
    const accepted = await teacher.post(`/api/disputes/${id}/accept`, {
      reply: 'You are right: accepted.',
      change: { kind: 'accept-answer', answer: disputed },
    });
    expect(accepted.status, accepted.text).toBe(200);
    // Ana, Ben and Cy in the assignment, and Dee in the live session.
    expect(accepted.body).toMatchObject({ dispute: { status: 'accepted' }, regraded: 4, changed: 3 });
    const live = await database.handle.withConnection((run) =>
      run(
        `SELECT student_name, old_points, new_points, new_verdict FROM regrades WHERE live_session_id = 'live-1'`,
        [],
      ),
    );
    expect(
      live.map((row) => [row.student_name, Number(row.old_points), Number(row.new_points), row.new_verdict]),
    ).toEqual([['Dee', 0, 1, 'correct']]);

    // The students' own results change, and so does the class report.
    expect(await feedbackGrade('Ana')).toBe('correct');
    expect(await feedbackGrade('Cy')).toBe('correct');
    expect(await feedbackGrade('Ben')).toBe('correct');
    const report = await teacher.get(`/api/assignments/${assignmentId}/report`);
    const students = field(report.body, 'report', 'students') as { student: string; points: number }[];
    expect(students.map((s) => [s.student, s.points]).sort()).toEqual([
      ['Ana', 1],
      ['Ben', 1],
      ['Cy', 1],
    ]);
    expect(await progressPoints()).toEqual([
      ['Ana', 1],
      ['Ben', 1],
      ['Cy', 1],
    ]);
    const regrades = await teacher.get(`/api/assignments/${assignmentId}/regrades`);
    expect(field(regrades.body, 'changes')).toEqual([
      {
        id: expect.any(String),
        questionId: question.id,
        change: { kind: 'accept-answer', answer: disputed },
        changedBy: teacherEmail,
        changedAt: expect.any(String),
        answers: [
          {
            student: 'Ana',
            attemptNumber: 1,
            before: { points: 0, verdict: 'wrong' },
            after: { points: 1, verdict: 'correct' },
          },
          {
            student: 'Ben',
            attemptNumber: 1,
            before: { points: 1, verdict: 'correct' },
            after: { points: 1, verdict: 'correct' },
          },
          {
            student: 'Cy',
            attemptNumber: 1,
            before: { points: 0, verdict: 'wrong' },
            after: { points: 1, verdict: 'correct' },
          },
        ],
      },
    ]);
    expect((await otherTeacher.get(`/api/assignments/${assignmentId}/regrades`)).status).toBe(404);

    // The teacher's list shows the change, who made it, and the count of right answers now.
    const after = field((await teacher.get('/api/disputes')).body, 'disputes') as Record<string, unknown>[];
    expect(after.find((item) => item.id === id)).toMatchObject({
      status: 'accepted',
      reply: 'You are right: accepted.',
      rightCount: { right: 3, answered: 3 },
      change: { changedBy: teacherEmail },
    });
    // A second change revises the revision: the chain is followed, nothing is overwritten.
    const next = after.find((item) => item.status === 'open');
    const again = await teacher.post(`/api/disputes/${String(next?.id)}/accept`, {
      reply: 'Also this.',
      change: { kind: 'accept-answer', answer: 'Yet another form' },
    });
    expect(again.body).toMatchObject({ regraded: 4, changed: 0 });
    expect(await feedbackGrade('Ana')).toBe('correct');
    // A student answering after the changes is counted by the revision too, on the progress page.
    await answer('Eve', 'Yet another form');
    expect(await progressPoints()).toEqual([
      ['Ana', 1],
      ['Ben', 1],
      ['Cy', 1],
      ['Eve', 1],
    ]);
  });

  it('stores a dispute sent twice (its first reply lost) once, and answers the second send as the first', async () => {
    const rows = async (attemptId: string | undefined) =>
      Number(
        (
          await database.handle.withConnection((run) =>
            run('SELECT count(*) AS n FROM disputes WHERE attempt_id = $1', [attemptId]),
          )
        )[0]?.n,
      );
    const body = { disputeId: 'retried-dispute-1', kind: 'wording', message: 'Sent twice.' };
    const before = await rows(attemptOf.Ben);
    const first = await dispute('Ben', body);
    expect(first.status, first.text).toBe(201);
    const again = await dispute('Ben', body);
    expect([again.status, again.body]).toEqual([first.status, first.body]);
    expect(field(first.body, 'dispute', 'disputeId')).toBe('retried-dispute-1');
    expect(await rows(attemptOf.Ben)).toBe(before + 1);
    // Sent at once twice, as a device's two retries may be: still one row.
    const racing = await Promise.all([
      dispute('Ben', { ...body, disputeId: 'retried-dispute-2' }),
      dispute('Ben', { ...body, disputeId: 'retried-dispute-2' }),
    ]);
    expect(racing.map((reply) => reply.status)).toEqual([201, 201]);
    expect(racing[1]?.body).toEqual(racing[0]?.body);
    expect(await rows(attemptOf.Ben)).toBe(before + 2);
    // The same id with other words is the device's mistake, not a retry; another attempt may use it.
    const reused = await dispute('Ben', { ...body, message: 'Other words.' });
    expect([reused.status, field(reused.body, 'error')]).toEqual([
      409,
      'this disputeId was already used for another dispute',
    ]);
    expect((await dispute('Cy', body)).status).toBe(201);
    expect(await rows(attemptOf.Ben)).toBe(before + 2);
    // A retry is answered even past the limit of three: it files nothing new.
    expect((await dispute('Ben', { ...body, disputeId: 'retried-dispute-3' })).status).toBe(201);
    expect((await dispute('Ben', { ...body, disputeId: 'retried-dispute-4' })).status).toBe(409);
    expect((await dispute('Ben', body)).status).toBe(201);
    const missing = await dispute('Ben', { disputeId: undefined });
    expect([missing.status, field(missing.body, 'error')]).toEqual([
      400,
      'disputeId: disputeId is missing: the app gives each dispute an id',
    ]);
  });
});
