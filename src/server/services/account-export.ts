import { asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/open-database';
import { answers, assignments, attempts, classes, questionVersions, teachers } from '../db/schema';
import { assignmentView } from './assignments';
import { classView } from './classes';

/**
 * Everything a teacher owns, as one JSON document: their account (without the password hash),
 * classes, assignments, every attempt with every answer, and the question versions asked.
 */
export async function exportAccount(db: Database, teacherId: string, now: Date) {
  const [teacher] = await db
    .select({ id: teachers.id, email: teachers.email, createdAt: teachers.createdAt })
    .from(teachers)
    .where(eq(teachers.id, teacherId));
  const classRows = await db
    .select()
    .from(classes)
    .where(eq(classes.teacherId, teacherId))
    .orderBy(asc(classes.createdAt));
  const assignmentRows = await db
    .select()
    .from(assignments)
    .where(eq(assignments.teacherId, teacherId))
    .orderBy(asc(assignments.createdAt));
  const attemptRows = assignmentRows.length
    ? await db
        .select()
        .from(attempts)
        .where(
          inArray(
            attempts.assignmentId,
            assignmentRows.map((row) => row.id),
          ),
        )
        .orderBy(asc(attempts.startedAt))
    : [];
  const answerRows = attemptRows.length
    ? await db
        .select()
        .from(answers)
        .where(
          inArray(
            answers.attemptId,
            attemptRows.map((row) => row.id),
          ),
        )
        .orderBy(asc(answers.seq))
    : [];
  const fingerprints = [...new Set(attemptRows.flatMap((row) => row.questions.map((q) => q.fingerprint)))];
  const versionRows = fingerprints.length
    ? await db.select().from(questionVersions).where(inArray(questionVersions.fingerprint, fingerprints))
    : [];
  return {
    format: 'source-quiz-account',
    version: 1,
    exportedAt: now.toISOString(),
    teacher: teacher && { ...teacher, createdAt: teacher.createdAt.toISOString() },
    classes: classRows.map(classView),
    assignments: assignmentRows.map((row) => ({
      ...assignmentView(row),
      attempts: attemptRows
        .filter((attempt) => attempt.assignmentId === row.id)
        .map((attempt) => ({
          id: attempt.id,
          studentName: attempt.studentName,
          number: attempt.number,
          questions: attempt.questions,
          startedAt: attempt.startedAt.toISOString(),
          deadlineAt: attempt.deadlineAt?.toISOString() ?? null,
          submittedAt: attempt.submittedAt?.toISOString() ?? null,
          answers: answerRows
            .filter((answer) => answer.attemptId === attempt.id)
            .map((answer) => ({
              answerId: answer.answerId,
              questionIndex: answer.questionIndex,
              questionFingerprint: answer.questionFingerprint,
              response: answer.response,
              points: answer.points,
              verdict: answer.verdict,
              grade: answer.grade,
              receivedAt: answer.receivedAt.toISOString(),
            })),
        })),
    })),
    questionVersions: versionRows.map((row) => ({ ...row, firstSeenAt: row.firstSeenAt.toISOString() })),
  };
}
