import { fnv1a32 } from '../domain/hash';
import type { Question } from '../domain/question';
import type { QuizMode } from '../domain/quiz-mode';
import type { Grade } from './grade';
import type { LearnerResponse } from '../domain/learner-response';
import type { QuizSession } from './quiz-session';

/** One quiz a learner took: when it started and, once finished, when it ended. */
export type AttemptRecord = {
  id: string;
  seed: string;
  mode: QuizMode;
  questionIds: string[];
  startedAt: number;
  finishedAt?: number;
};

/** One answer as it was submitted. In test mode a learner may change an answer: each change is kept. */
export type AnswerRecord = {
  attemptId: string;
  questionId: string;
  /** Key into `History.questions`: the question exactly as it was asked. */
  asked: string;
  response: LearnerResponse;
  grade: Grade;
  answeredAt: number;
};

/**
 * An answer graded again after its question changed in the banks (`regrade-history.ts`): the answer
 * itself is kept as it was, with its first grade; this says what it is graded now, and against what.
 */
export type RegradeRecord = {
  /** The answer's `answerKey`. */
  answer: string;
  questionId: string;
  /** The version (a key into `History.questions`) it was graded against until now. */
  from: string;
  /** The version it is graded against now. */
  to: string;
  grade: Grade;
  regradedAt: number;
};

/**
 * Everything a learner did, as plain JSON. Questions are kept as they were asked, keyed by id and
 * content, so an answer stays readable after its question is changed or removed from the banks.
 */
export type History = {
  /** Oldest first. */
  attempts: AttemptRecord[];
  /** Oldest first. */
  answers: AnswerRecord[];
  questions: Record<string, Question>;
  /** Oldest first. Absent in histories saved before regrading existed, and when there is none. */
  regrades?: RegradeRecord[];
};

/** A history with nothing in it. */
export function emptyHistory(): History {
  return { attempts: [], answers: [], questions: {} };
}

/** The attempt id of a quiz session: its start time and seed, the same on every device that imports it. */
export function attemptIdOf(session: Pick<QuizSession, 'seed' | 'startedAt'>): string {
  return `${session.startedAt.toString(36)}-${session.seed}`;
}

/** What identifies an answer across devices: two records with the same key are the same answer. */
export function answerKey(answer: Pick<AnswerRecord, 'attemptId' | 'questionId' | 'answeredAt'>): string {
  return `${answer.attemptId}/${answer.questionId}/${answer.answeredAt}`;
}

// JSON with object keys sorted, so that equal questions always hash alike whatever their key order.
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The key a question is kept under: its id and a hash of its content, so each version is kept once. */
export function questionKeyOf(question: Question): string {
  return `${question.id}@${fnv1a32(canonicalJson(question)).toString(16).padStart(8, '0')}`;
}

function hasAttempt(history: History, id: string): boolean {
  return history.attempts.some((attempt) => attempt.id === id);
}

/** Adds the attempt of `session` unless it is already there. A quiz with no questions is no attempt. */
export function recordAttemptStart(history: History, session: QuizSession): History {
  const id = attemptIdOf(session);
  if (session.questions.length === 0 || hasAttempt(history, id)) return history;
  const attempt: AttemptRecord = {
    id,
    seed: session.seed,
    mode: session.mode,
    questionIds: session.questions.map(({ question }) => question.id),
    startedAt: session.startedAt,
  };
  return { ...history, attempts: insertSorted(history.attempts, attempt, compareAttempts) };
}

/** Adds the answer `session` holds for `questionId`, with the question as asked; nothing when there is none. */
export function recordAnswer(history: History, session: QuizSession, questionId: string): History {
  const submission = Object.hasOwn(session.submissions, questionId)
    ? session.submissions[questionId]
    : undefined;
  const question = session.questions.find((presented) => presented.question.id === questionId)?.question;
  if (!submission || !question) return history;
  const started = withQuestionListed(recordAttemptStart(history, session), session, questionId);
  const answer: AnswerRecord = {
    attemptId: attemptIdOf(session),
    questionId,
    asked: questionKeyOf(question),
    response: submission.response,
    grade: submission.grade,
    answeredAt: submission.submittedAt,
  };
  const key = answerKey(answer);
  if (started.answers.some((existing) => answerKey(existing) === key)) return started;
  const questions = Object.hasOwn(started.questions, answer.asked)
    ? started.questions
    : { ...started.questions, [answer.asked]: question };
  return { ...started, questions, answers: insertSorted(started.answers, answer, compareAnswers) };
}

/**
 * The attempt lists the question it now has an answer to: an attempt that grows as it goes (a live
 * session, whose questions arrive one reveal at a time) lists every question it asked, not the first.
 */
function withQuestionListed(history: History, session: QuizSession, questionId: string): History {
  const id = attemptIdOf(session);
  const attempt = history.attempts.find((candidate) => candidate.id === id);
  if (!attempt || attempt.questionIds.includes(questionId)) return history;
  const listed = { ...attempt, questionIds: [...attempt.questionIds, questionId] };
  return {
    ...history,
    attempts: history.attempts.map((candidate) => (candidate === attempt ? listed : candidate)),
  };
}

/** Marks the attempt of a finished `session` as finished; the first finishing time stands. */
export function recordAttemptFinish(history: History, session: QuizSession): History {
  const { finishedAt } = session;
  if (finishedAt === undefined) return history;
  const started = recordAttemptStart(history, session);
  const id = attemptIdOf(session);
  return {
    ...started,
    attempts: started.attempts.map((attempt) =>
      attempt.id === id && attempt.finishedAt === undefined ? { ...attempt, finishedAt } : attempt,
    ),
  };
}

/** Attempts in time order; equal times by id, so that any two devices list them alike. */
export function compareAttempts(left: AttemptRecord, right: AttemptRecord): number {
  return left.startedAt - right.startedAt || compareText(left.id, right.id);
}

/** Answers in time order; equal times by key. */
export function compareAnswers(left: AnswerRecord, right: AnswerRecord): number {
  return left.answeredAt - right.answeredAt || compareText(answerKey(left), answerKey(right));
}

function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

// Answers arrive in time order, so this is almost always an append.
function insertSorted<T>(items: readonly T[], item: T, compare: (left: T, right: T) => number): T[] {
  let at = items.length;
  for (; at > 0; at -= 1) {
    const before = items[at - 1];
    if (before === undefined || compare(before, item) <= 0) break;
  }
  return [...items.slice(0, at), item, ...items.slice(at)];
}

/**
 * The answer that counts for each question in each attempt: the last one given. A test-mode answer
 * changed three times is one answer, not three. In time order.
 */
export function finalAnswers(answers: readonly AnswerRecord[]): AnswerRecord[] {
  // Places by attempt, then question, rather than by a joined key: Progress and every schedule's
  // replay run this over the whole history, a hundred thousand answers in a long one.
  const places = new Map<string, Map<string, number>>();
  const finals: AnswerRecord[] = [];
  for (const answer of answers) {
    let ofAttempt = places.get(answer.attemptId);
    if (!ofAttempt) places.set(answer.attemptId, (ofAttempt = new Map()));
    const place = ofAttempt.get(answer.questionId);
    if (place === undefined) ofAttempt.set(answer.questionId, finals.push(answer) - 1);
    else if (answer.answeredAt >= (finals[place]?.answeredAt ?? -Infinity)) finals[place] = answer;
  }
  // Answers come in time order, and then so do these: sorted only when they are not.
  return isInOrder(finals) ? finals : finals.sort(compareAnswers);
}

function isInOrder(answers: readonly AnswerRecord[]): boolean {
  for (let index = 1; index < answers.length; index += 1) {
    const before = answers[index - 1];
    const answer = answers[index];
    if (before && answer && compareAnswers(before, answer) > 0) return false;
  }
  return true;
}

/** Each question's most recent answer, keyed by question id. */
export function latestAnswers(answers: readonly AnswerRecord[]): Map<string, AnswerRecord> {
  const latest = new Map<string, AnswerRecord>();
  for (const answer of answers) {
    const kept = latest.get(answer.questionId);
    if (!kept || compareAnswers(answer, kept) >= 0) latest.set(answer.questionId, answer);
  }
  return latest;
}
