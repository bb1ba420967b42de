import { isDeepStrictEqual } from 'node:util';
import { and, eq } from 'drizzle-orm';
import { gradeAnswer } from '../../engine/grade-answer';
import type { Grade } from '../../engine/grade';
import type { LearnerResponse } from '../../domain/learner-response';
import type { PresentedQuestion } from '../../engine/present-question';
import type { StudentResponse } from '../api-schemas';
import { translateResponse } from '../content/student-question';
import type { Database } from '../db/open-database';
import { answers, assignments, attempts } from '../db/schema';
import { HttpError, notFound } from '../errors';
import type { AnswerWriter } from './answer-writer';
import type { AttemptCache } from './attempt-cache';
import { endOf, GRACE_MS } from './attempt-timing';

/** What a student learns after answering in practice mode: the question whole, and the grade. */
export type Feedback = { presented: PresentedQuestion; response: LearnerResponse; grade: Grade };

export type RecordedAnswer = { answerId: string; index: number; receivedAt: string; feedback?: Feedback };

type AnswerInput = { answerId: string; index: number; response: StudentResponse };

/**
 * Grades an answer with the engine and stores it; the reply is sent only once the row is in the
 * database. The writer's one statement checks that the attempt is still going on (not submitted,
 * not out of time, assignment not closed) and inserts (see answer-writer.ts). A retried request
 * with the same answerId gets the first reply again.
 */
export async function recordAnswer(
  db: Database,
  writer: AnswerWriter,
  cache: AttemptCache,
  attemptId: string,
  input: AnswerInput,
  now: Date,
): Promise<RecordedAnswer> {
  const attempt = await cache.get(attemptId);
  if (!attempt) throw notFound();
  const asked = attempt.questions[input.index];
  if (!asked) throw new HttpError(400, `index: this attempt has ${attempt.questions.length} questions`);
  const translated = translateResponse(asked.presented, input.response);
  if (!translated.ok) throw new HttpError(400, `response: ${translated.problem}`);
  const grade = gradeAnswer(asked.presented, translated.response);
  const cutoff = new Date(now.getTime() - GRACE_MS).toISOString();
  const stored = await writer.write({
    attemptId,
    answerId: input.answerId,
    index: input.index,
    fingerprint: asked.fingerprint,
    response: input.response,
    points: grade.points,
    verdict: grade.verdict,
    grade,
    locksQuestion: attempt.mode === 'practice',
    receivedAt: now.toISOString(),
    cutoff,
  });
  const feedback =
    attempt.mode === 'practice'
      ? { presented: asked.presented, response: translated.response, grade }
      : undefined;
  if (stored) {
    return { answerId: input.answerId, index: input.index, receivedAt: now.toISOString(), feedback };
  }
  return replayOrRefuse(db, attempt.mode, attemptId, input, now, feedback);
}

/** Nothing was inserted: a retry of an answer already stored, or an attempt that takes no more. */
async function replayOrRefuse(
  db: Database,
  mode: 'practice' | 'test',
  attemptId: string,
  input: AnswerInput,
  now: Date,
  feedback: Feedback | undefined,
): Promise<RecordedAnswer> {
  const [earlier] = await db
    .select()
    .from(answers)
    .where(and(eq(answers.attemptId, attemptId), eq(answers.answerId, input.answerId)));
  if (earlier) {
    // jsonb keeps keys in an order of its own ({ text, type }): compared as values, not as text.
    if (earlier.questionIndex !== input.index || !isDeepStrictEqual(earlier.response, input.response)) {
      throw new HttpError(409, 'this answerId was already used for another answer');
    }
    return {
      answerId: input.answerId,
      index: input.index,
      receivedAt: earlier.receivedAt.toISOString(),
      feedback,
    };
  }
  const [state] = await db
    .select({
      submittedAt: attempts.submittedAt,
      deadlineAt: attempts.deadlineAt,
      closesAt: assignments.closesAt,
    })
    .from(attempts)
    .innerJoin(assignments, eq(assignments.id, attempts.assignmentId))
    .where(eq(attempts.id, attemptId));
  if (!state) throw notFound();
  if (state.submittedAt)
    throw new HttpError(409, 'this attempt has been handed in; it takes no more answers');
  const end = endOf(state, state.closesAt);
  if (end && now.getTime() >= end.getTime() + GRACE_MS) {
    throw new HttpError(409, 'time is up: this answer came after the attempt ended');
  }
  if (mode === 'practice') throw new HttpError(409, 'this question has already been answered');
  throw new Error('an answer was neither stored nor refused');
}
