import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { gradeAnswer } from '../../engine/grade-answer';
import type { LearnerResponse } from '../../domain/learner-response';
import { studentResponseSchema } from '../api-schemas';
import { toStudentQuestion, translateResponse } from '../content/student-question';
import type { Database } from '../db/open-database';
import { answers, assignments, attempts } from '../db/schema';
import { notFound } from '../errors';
import type { AskedQuestionVersion, AttemptCache } from './attempt-cache';
import { endOf, finishedAt } from './attempt-timing';
import { teacherRevisions, withRevisions } from './question-revisions';
import { gradedVersion } from './question-versions';
import type { Feedback } from './record-answer';

export type LatestAnswer = typeof answers.$inferSelect;

/** The answer that counts for each question of each attempt: the latest one given. */
export async function latestAnswers(db: Database, attemptIds: readonly string[]): Promise<LatestAnswer[]> {
  if (attemptIds.length === 0) return [];
  return db
    .selectDistinctOn([answers.attemptId, answers.questionIndex])
    .from(answers)
    .where(inArray(answers.attemptId, [...attemptIds]))
    .orderBy(asc(answers.attemptId), asc(answers.questionIndex), desc(answers.seq));
}

/** A stored response in the question's own ids, or null when it cannot be read (never for our rows). */
export function storedResponse(asked: AskedQuestionVersion, raw: unknown): LearnerResponse | null {
  const parsed = studentResponseSchema.safeParse(raw);
  if (!parsed.success) return null;
  const translated = translateResponse(asked.presented, parsed.data);
  return translated.ok ? translated.response : null;
}

/** Every question with the response that counts and its grade, recomputed by the engine. */
export function gradeAttempt(questions: readonly AskedQuestionVersion[], latest: readonly LatestAnswer[]) {
  const byIndex = new Map(latest.map((row) => [row.questionIndex, row]));
  const results: Feedback[] = questions.map((asked, index) => {
    const row = byIndex.get(index);
    const response = row ? storedResponse(asked, row.response) : null;
    return {
      presented: gradedVersion(asked),
      response: response ?? { type: 'single', choice: null },
      grade: gradeAnswer(gradedVersion(asked), response),
    };
  });
  const points = Math.round(results.reduce((sum, result) => sum + result.grade.points, 0) * 1e6) / 1e6;
  const maxPoints = results.length;
  return { points, maxPoints, percent: maxPoints ? Math.round((100 * points) / maxPoints) : 0, results };
}

/** Everything the student holding the attempt's id may see of it now. */
export async function viewAttempt(db: Database, cache: AttemptCache, attemptId: string, now: Date) {
  const cached = await cache.get(attemptId);
  if (!cached) throw notFound();
  const [row] = await db
    .select({ attempt: attempts, assignment: assignments })
    .from(attempts)
    .innerJoin(assignments, eq(assignments.id, attempts.assignmentId))
    .where(eq(attempts.id, attemptId));
  if (!row) throw notFound();
  const { attempt, assignment } = row;
  // A change the teacher accepted after a dispute regrades this attempt too (issue 18).
  const revisions = await teacherRevisions(db, assignment.teacherId);
  const asked = { ...cached, questions: await withRevisions(cache.versions, revisions, cached.questions) };
  const latest = await latestAnswers(db, [attemptId]);
  const finished = finishedAt(attempt, assignment.closesAt, now);
  const graded = finished ? gradeAttempt(asked.questions, latest) : undefined;
  return {
    id: attempt.id,
    student: attempt.studentName,
    number: attempt.number,
    assignment: {
      id: assignment.id,
      title: assignment.title,
      mode: assignment.mode,
      minutes: assignment.minutes,
    },
    startedAt: attempt.startedAt.toISOString(),
    /** When answers stop being taken (time limit or closing), or null. */
    endsAt: endOf(attempt, assignment.closesAt)?.toISOString() ?? null,
    finishedAt: finished?.toISOString() ?? null,
    questions: asked.questions.map((question, index) => toStudentQuestion(question.presented, index)),
    answers: latest.map((answer) => {
      const question = asked.questions[answer.questionIndex];
      const showFeedback = question && (asked.mode === 'practice' || finished);
      const response = question ? storedResponse(question, answer.response) : null;
      return {
        index: answer.questionIndex,
        answerId: answer.answerId,
        response: answer.response,
        receivedAt: answer.receivedAt.toISOString(),
        ...(showFeedback
          ? {
              feedback: {
                presented: gradedVersion(question),
                response,
                grade: gradeAnswer(gradedVersion(question), response),
              },
            }
          : {}),
      };
    }),
    result: graded ?? null,
  };
}

/** Hands the attempt in (once); an attempt that already ended is left as it is. */
export async function submitAttempt(db: Database, cache: AttemptCache, attemptId: string, now: Date) {
  const asked = await cache.get(attemptId);
  if (!asked) throw notFound();
  await db
    .update(attempts)
    .set({ submittedAt: now })
    .where(and(eq(attempts.id, attemptId), isNull(attempts.submittedAt)));
  return viewAttempt(db, cache, attemptId, now);
}
