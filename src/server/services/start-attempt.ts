import { and, eq, max } from 'drizzle-orm';
import { startQuiz } from '../../engine/quiz-session';
import { studentSeed } from '../../content/classroom-codes';
import type { ServerContent } from '../content/server-content';
import type { Database } from '../db/open-database';
import { attempts, type AskedQuestion } from '../db/schema';
import { HttpError } from '../errors';
import { newId, newResumeCode, sha256 } from '../ids';
import { findAssignment, type AssignmentRow } from './assignments';

export const resumeCodeHash = (assignmentId: string, code: string) => sha256(`${assignmentId}:${code}`);

/** Why a new attempt cannot start now, or undefined when it can. */
export function whyClosed(assignment: AssignmentRow, now: Date): HttpError | undefined {
  if (assignment.opensAt && now < assignment.opensAt) {
    return new HttpError(403, `this assignment opens at ${assignment.opensAt.toISOString()}`);
  }
  if (assignment.closesAt && now >= assignment.closesAt) {
    return new HttpError(403, 'this assignment is closed');
  }
  return undefined;
}

const isUniqueViolation = (error: unknown): boolean =>
  error instanceof Error &&
  [error, error.cause].some((e) => e instanceof Error && 'code' in e && e.code === '23505');

/**
 * Starts a student's attempt: draws and presents the questions as the browser would for this
 * student (the engine's `startQuiz` with the assignment's seed), counts attempts per name, and
 * returns the attempt's secret id and a resume code for another device.
 */
export async function startAttempt(
  db: Database,
  content: ServerContent,
  assignmentId: string,
  name: string,
  now: Date,
) {
  const assignment = await findAssignment(db, assignmentId);
  const closed = whyClosed(assignment, now);
  if (closed) throw closed;
  const pool = assignment.questionIds.flatMap((id) => {
    const current = content.current.get(id);
    return current ? [current.question] : [];
  });
  const session = startQuiz({
    pool,
    settings: { ids: assignment.questionIds, count: 'all' },
    seed: studentSeed({ ...assignment, ids: assignment.questionIds }, name),
    mode: assignment.mode,
    startedAt: now.getTime(),
  });
  const questions: AskedQuestion[] = session.questions.map(({ question, choiceOrder, leftOrder }) => ({
    fingerprint: content.current.get(question.id)?.fingerprint ?? '',
    choiceOrder,
    leftOrder,
  }));
  const studentKey = name.toLowerCase();
  const deadlineAt = assignment.minutes > 0 ? new Date(now.getTime() + assignment.minutes * 60_000) : null;

  // Two starts at once under one name race for the same number; the loser tries the next one.
  for (let tries = 0; tries < 3; tries += 1) {
    const [previous] = await db
      .select({ last: max(attempts.number) })
      .from(attempts)
      .where(and(eq(attempts.assignmentId, assignmentId), eq(attempts.studentKey, studentKey)));
    const number = (previous?.last ?? 0) + 1;
    if (number > assignment.attemptsAllowed) {
      throw new HttpError(403, `${name} has already used every attempt this assignment allows`);
    }
    const resumeCode = newResumeCode();
    const id = newId();
    try {
      await db.insert(attempts).values({
        id,
        assignmentId,
        studentName: name,
        studentKey,
        number,
        resumeCodeHash: resumeCodeHash(assignmentId, resumeCode),
        questions,
        startedAt: now,
        deadlineAt,
      });
      return { attemptId: id, resumeCode };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new HttpError(409, 'too many attempts started at once under this name; try again');
}

/** The attempt a resume code names in this assignment, or 404. */
export async function resumeAttempt(db: Database, assignmentId: string, code: string) {
  const [row] = await db
    .select({ id: attempts.id })
    .from(attempts)
    .where(
      and(
        eq(attempts.assignmentId, assignmentId),
        eq(attempts.resumeCodeHash, resumeCodeHash(assignmentId, code)),
      ),
    );
  if (!row) throw new HttpError(404, 'no attempt has this resume code');
  return { attemptId: row.id };
}
