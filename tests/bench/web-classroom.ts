import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Question } from '@/domain/question';
import { readConfig } from '@/server/config';
import { startServer } from '@/server/start-server';
import { content, rightAnswer } from '../server/fixtures';
import { closeDevices, connect, cookieOf, next, phaseIs, send } from '../server/live-test-client';
import { Client, field, signedInTeacher } from '../server/test-server-client';

// bench:web's classroom: the server `npm start` runs (startServer, as src/server/main.ts calls it,
// serving dist/) in this process, as the browser tests run it, on a free local port with a throwaway
// PGlite folder; and the data the classroom pages need, made through the same HTTP and Socket.IO
// calls the browser makes. In this process rather than a child: on the shared machine, a child
// server was stopped by a signal from outside during the bench.

export const ASSIGNMENT_TITLE = 'Bench: Belgium and Vietnam';
export const STUDENTS = ['Ana', 'Bo', 'Chi', 'Dee'];
export const LIVE_PLAYER = 'Ada';

/** What the app keeps in localStorage as `source-quiz-live-seat` (live-client.ts): the player's way back in. */
export type LiveSeat = { sessionId: string; token: string; pin: string; joinedAt: number };

export type Classroom = {
  url: string;
  /** The signed-in teacher's `Cookie` header. */
  teacherCookie: string;
  assignmentId: string;
  pin: string;
  seat: LiveSeat;
  questionCount: number;
  stop(): Promise<void>;
};

type Shown = { index: number; prompt: string; choices: { id: string; text: string }[]; left: [] };

function singleChoiceQuestions(count: number): Question[] {
  const found: Question[] = [];
  for (const { question } of content.current.values())
    if (question.type === 'single' && found.length < count) found.push(question);
  if (found.length < count) throw new Error(`the banks have fewer than ${count} single-choice questions`);
  return found;
}

function ok(reply: { status: number; text: string }, expected: number, what: string) {
  if (reply.status !== expected) throw new Error(`${what}: ${reply.status} ${reply.text.slice(0, 300)}`);
}

/** Students take the assignment: each gets a different number right; all but the last hand in. */
async function studentsAnswer(url: string, assignmentId: string, questions: Question[]) {
  for (const [number, name] of STUDENTS.entries()) {
    const student = new Client(url);
    const started = await student.post(`/api/student/assignments/${assignmentId}/attempts`, { name });
    ok(started, 201, `${name} could not start`);
    const attemptId = String(field(started.body, 'attempt', 'id'));
    const shown = field(started.body, 'attempt', 'questions') as Shown[];
    for (const question of shown) {
      const asked = questions.find((candidate) => candidate.prompt === question.prompt);
      if (!asked) throw new Error(`no bank question has the prompt "${question.prompt}"`);
      const right = rightAnswer(asked, question);
      const rightChoice = 'choice' in right ? right.choice : undefined;
      const wrong = question.choices.find((choice) => choice.id !== rightChoice);
      const isRight = question.index <= number;
      const answered = await student.post(`/api/student/attempts/${attemptId}/answers`, {
        answerId: `bench-${number}-${question.index}`,
        index: question.index,
        response: isRight ? right : { type: 'single', choice: wrong?.id },
      });
      ok(answered, 200, `${name}'s answer ${question.index}`);
    }
    if (number < STUDENTS.length - 1)
      ok(await student.post(`/api/student/attempts/${attemptId}/submit`, {}), 200, `${name}'s hand-in`);
  }
}

export async function startClassroom(): Promise<Classroom> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sq-web-bench-'));
  const read = readConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
  if (!read.ok) throw new Error(read.problems.join('\n'));
  // The server's warnings and errors are printed: a figure measured meanwhile means less.
  const logStream = {
    write(line: string) {
      const entry = JSON.parse(line) as { msg?: string; err?: { message?: string } };
      console.log(`  server: ${entry.msg ?? ''} ${entry.err?.message ?? ''}`);
    },
  };
  const server = await startServer(read.config, { distDir: join(process.cwd(), 'dist'), logStream });
  const stop = async () => {
    closeDevices();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const url = server.url.replace(/\/$/, '');
    const { client: teacher } = await signedInTeacher(url);
    const questions = singleChoiceQuestions(5);
    const created = await teacher.post('/api/assignments', {
      title: ASSIGNMENT_TITLE,
      ids: questions.map((question) => question.id),
      mode: 'practice',
      minutes: 0,
      sameOrder: true,
    });
    ok(created, 201, 'the assignment');
    const assignmentId = String(field(created.body, 'assignment', 'id'));
    await studentsAnswer(url, assignmentId, questions);

    const liveQuestions = questions.slice(0, 3);
    const live = await teacher.post('/api/live', {
      title: 'Bench live',
      questionIds: liveQuestions.map((question) => question.id),
    });
    ok(live, 201, 'the live session');
    const sessionId = String(field(live.body, 'live', 'id'));
    const pin = String(field(live.body, 'live', 'pin'));
    // The host stays connected for the whole bench, as the projector would.
    const host = connect(url, { cookie: cookieOf(teacher) });
    const opened = await send(host, 'host:open', { sessionId });
    if (!opened.ok) throw new Error(`the host could not open the session: ${opened.error}`);
    const device = connect(url);
    const joined = await send(device, 'player:join', { pin, name: LIVE_PLAYER });
    if (!joined.ok || !joined.token) throw new Error(`${LIVE_PLAYER} could not join: ${joined.error}`);
    const onQuestion = next(device, 'live:player', phaseIs('question', 0));
    const started = await send(host, 'host:command', { sessionId, command: { type: 'start' } });
    if (!started.ok) throw new Error(`the host could not start the question: ${started.error}`);
    await onQuestion;
    // The browser takes this seat over; the device that joined leaves.
    device.close();
    return {
      url,
      teacherCookie: cookieOf(teacher),
      assignmentId,
      pin,
      seat: { sessionId, token: joined.token, pin, joinedAt: Date.now() },
      questionCount: liveQuestions.length,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
