import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { content, keyLeaks, oneOfEachType, rightAnswer } from './fixtures';
import {
  Client,
  DATABASE_KINDS,
  field,
  signedInTeacher,
  startTestServer,
  type TestServer,
} from './test-server';

const questions = oneOfEachType();
const ids = questions.map((q) => q.id);

type Shown = {
  index: number;
  type: string;
  prompt: string;
  choices: { id: string; text: string }[];
  left: { id: string; text: string }[];
};

function shownQuestions(reply: unknown): Shown[] {
  const list = field(reply, 'attempt', 'questions');
  if (!Array.isArray(list)) throw new Error('no questions in the reply');
  return list;
}

const questionFor = (shown: Shown) => {
  const found = questions.find((q) => q.prompt === shown.prompt);
  if (!found) throw new Error(`no question with prompt ${shown.prompt}`);
  return found;
};

describe.each(DATABASE_KINDS)('a class taking an assignment (%s)', (kind) => {
  let server: TestServer;
  let teacher: Client;
  let student: Client;
  beforeAll(async () => {
    server = await startTestServer(kind);
    teacher = (await signedInTeacher(server.url)).client;
    student = new Client(server.url);
  });
  afterAll(() => server.stop());

  async function createAssignment(extra: Record<string, unknown> = {}) {
    const reply = await teacher.post('/api/assignments', {
      title: 'Belgium and Vietnam',
      ids,
      mode: 'test',
      minutes: 0,
      sameOrder: true,
      ...extra,
    });
    expect(reply.status, reply.text).toBe(201);
    return String(field(reply.body, 'assignment', 'id'));
  }

  it('builds a class from a pasted roster, blank lines and repeats dropped, markup kept as text', async () => {
    const reply = await teacher.post('/api/classes', {
      name: '5B',
      roster: 'Ana\n\n  Bo  \nana\n<b>Chi</b>\n',
    });
    expect(reply.status).toBe(201);
    expect(field(reply.body, 'class', 'roster')).toEqual(['Ana', 'Bo', '<b>Chi</b>']);
    const list = await teacher.get('/api/classes');
    expect(field(list.body, 'classes', 0, 'name')).toBe('5B');
  });

  it('gives a student the questions without any answer key, and grades a test only when handed in', async () => {
    const klass = await teacher.post('/api/classes', { name: '6A', roster: ['Ana', 'Bo'] });
    const assignmentId = await createAssignment({ classId: field(klass.body, 'class', 'id') });

    const opened = await student.get(`/api/student/assignments/${assignmentId}`);
    expect(field(opened.body, 'assignment', 'roster')).toEqual(['Ana', 'Bo']);
    expect(field(opened.body, 'assignment', 'isOpen')).toBe(true);
    expect(opened.text).not.toContain(ids[0]);

    const started = await student.post(`/api/student/assignments/${assignmentId}/attempts`, { name: 'Ana' });
    expect(started.status).toBe(201);
    const attemptId = String(field(started.body, 'attempt', 'id'));
    expect(String(field(started.body, 'resumeCode'))).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    const shown = shownQuestions(started.body);
    expect(shown.map((q) => q.type).sort()).toEqual(questions.map((q) => q.type).sort());
    expect(keyLeaks(started.body, started.text, questions)).toEqual([]);

    for (const q of shown) {
      const reply = await student.post(`/api/student/attempts/${attemptId}/answers`, {
        answerId: `answer-${q.index}-x`,
        index: q.index,
        response: rightAnswer(questionFor(q), q),
      });
      expect(reply.status, reply.text).toBe(200);
      expect(field(reply.body, 'recorded', 'feedback')).toBeUndefined();
      expect(keyLeaks(reply.body, reply.text, questions)).toEqual([]);
    }
    const before = await student.get(`/api/student/attempts/${attemptId}`);
    expect(field(before.body, 'attempt', 'result')).toBeNull();
    expect(keyLeaks(field(before.body, 'attempt', 'answers'), before.text, questions)).toEqual([]);

    const submitted = await student.post(`/api/student/attempts/${attemptId}/submit`, {});
    expect(submitted.status).toBe(200);
    expect(field(submitted.body, 'attempt', 'result', 'points')).toBe(questions.length);
    expect(field(submitted.body, 'attempt', 'result', 'percent')).toBe(100);

    const late = await student.post(`/api/student/attempts/${attemptId}/answers`, {
      answerId: 'late-answer-1',
      index: shown.find((q) => q.type === 'year')!.index,
      response: { type: 'year', text: '1973' },
    });
    expect(late.status).toBe(409);

    const report = await teacher.get(`/api/assignments/${assignmentId}/report`);
    expect(field(report.body, 'report', 'students', 0, 'student')).toBe('Ana');
    expect(field(report.body, 'report', 'students', 0, 'percent')).toBe(100);
    const csv = await teacher.get(`/api/assignments/${assignmentId}/report.csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text).toContain('Ana');
  });

  it('answers practice mode with the grade and the passage, and lets the first answer stand', async () => {
    const assignmentId = await createAssignment({ mode: 'practice' });
    const started = await student.post(`/api/student/assignments/${assignmentId}/attempts`, { name: 'Bo' });
    const attemptId = String(field(started.body, 'attempt', 'id'));
    const first = shownQuestions(started.body).find((q) => q.type === 'single');
    const question = questionFor(first!);
    const answer = {
      answerId: 'practice-first',
      index: first!.index,
      response: rightAnswer(question, first!),
    };
    const reply = await student.post(`/api/student/attempts/${attemptId}/answers`, answer);
    expect(field(reply.body, 'recorded', 'feedback', 'grade', 'verdict')).toBe('correct');
    expect(field(reply.body, 'recorded', 'feedback', 'presented', 'question', 'explanation')).toBe(
      question.explanation,
    );

    // The same request again (a retry after a lost reply) gets the same reply and counts once.
    const retry = await student.post(`/api/student/attempts/${attemptId}/answers`, answer);
    expect(retry.status).toBe(200);
    expect(field(retry.body, 'recorded', 'receivedAt')).toBe(field(reply.body, 'recorded', 'receivedAt'));
    const second = await student.post(`/api/student/attempts/${attemptId}/answers`, {
      ...answer,
      answerId: 'practice-second',
    });
    expect(second.status).toBe(409);
    const other = first!.choices.find((c) => c.id !== field(answer.response, 'choice'))!.id;
    const reused = await student.post(`/api/student/attempts/${attemptId}/answers`, {
      ...answer,
      response: { type: 'single', choice: other },
    });
    expect(reused.status).toBe(409);

    const progress = await teacher.get(`/api/assignments/${assignmentId}/progress`);
    expect(field(progress.body, 'attempts', 0, 'answered')).toBe(1);
    expect(field(progress.body, 'attempts', 0, 'points')).toBe(1);
  });

  it('resumes an attempt on another device with its resume code', async () => {
    const assignmentId = await createAssignment();
    const started = await student.post(`/api/student/assignments/${assignmentId}/attempts`, { name: 'Chi' });
    const code = String(field(started.body, 'resumeCode'));
    const other = new Client(server.url);
    const resumed = await other.post('/api/student/resume', {
      assignmentId,
      resumeCode: code.toLowerCase().replace('-', ' '),
    });
    expect(resumed.status).toBe(200);
    expect(field(resumed.body, 'attempt', 'id')).toBe(field(started.body, 'attempt', 'id'));
    const wrong = await other.post('/api/student/resume', { assignmentId, resumeCode: 'AAAAA-AAAAA' });
    expect(wrong.status).toBe(404);
  });

  it('enforces opening, closing and the number of attempts', async () => {
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const notYet = await createAssignment({ opensAt: future });
    expect((await student.post(`/api/student/assignments/${notYet}/attempts`, { name: 'Ana' })).status).toBe(
      403,
    );

    const closing = await createAssignment({ attemptsAllowed: 1 });
    expect((await student.post(`/api/student/assignments/${closing}/attempts`, { name: 'Dee' })).status).toBe(
      201,
    );
    const again = await student.post(`/api/student/assignments/${closing}/attempts`, { name: ' dee ' });
    expect(again.status).toBe(403);
    expect(String(field(again.body, 'error'))).toContain('every attempt');

    const closed = await teacher.patch(`/api/assignments/${closing}`, {
      closesAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(closed.status).toBe(200);
    const opened = await student.get(`/api/student/assignments/${closing}`);
    expect(field(opened.body, 'assignment', 'isOpen')).toBe(false);
    const refused = await student.post(`/api/student/assignments/${closing}/attempts`, { name: 'Eve' });
    expect(refused.status).toBe(403);
    expect(String(field(refused.body, 'error'))).toBe('this assignment is closed');
  });

  it('keeps a name with markup as plain text', async () => {
    const assignmentId = await createAssignment();
    const name = '<img src=x onerror=alert(1)>';
    const started = await student.post(`/api/student/assignments/${assignmentId}/attempts`, { name });
    expect(field(started.body, 'attempt', 'student')).toBe(name);
    const progress = await teacher.get(`/api/assignments/${assignmentId}/progress`);
    expect(field(progress.body, 'attempts', 0, 'student')).toBe(name);
  });

  it('loads the banks it serves from the same checked files as the app', () => {
    expect(content.current.size).toBeGreaterThan(50);
    expect(questions).toHaveLength(8);
  });
});
