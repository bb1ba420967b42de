import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../db/open-database';
import { answers, attempts, questionChanges, questionVersions, regrades, teachers } from '../db/schema';

/**
 * Every accepted change that regraded answers of this assignment: what changed, who changed it and
 * when, and each answer's points before and after. Answers of several attempts are all listed.
 */
export async function assignmentRegrades(db: Database, assignmentId: string) {
  const rows = await db
    .select({
      changeId: questionChanges.id,
      change: questionChanges.change,
      changedAt: questionChanges.createdAt,
      changedBy: teachers.email,
      questionId: questionVersions.questionId,
      student: regrades.studentName,
      attemptNumber: attempts.number,
      oldPoints: regrades.oldPoints,
      newPoints: regrades.newPoints,
      oldVerdict: regrades.oldVerdict,
      newVerdict: regrades.newVerdict,
    })
    .from(regrades)
    .innerJoin(answers, eq(answers.seq, regrades.answerSeq))
    .innerJoin(attempts, eq(attempts.id, answers.attemptId))
    .innerJoin(questionChanges, eq(questionChanges.id, regrades.changeId))
    .innerJoin(teachers, eq(teachers.id, questionChanges.teacherId))
    .innerJoin(questionVersions, eq(questionVersions.fingerprint, questionChanges.toFingerprint))
    .where(and(eq(attempts.assignmentId, assignmentId)))
    .orderBy(asc(questionChanges.createdAt), asc(regrades.studentName), asc(answers.seq));
  const changes = new Map<string, ChangeReport>();
  for (const row of rows) {
    const report = changes.get(row.changeId) ?? {
      id: row.changeId,
      questionId: row.questionId,
      change: row.change,
      changedBy: row.changedBy,
      changedAt: row.changedAt.toISOString(),
      answers: [],
    };
    report.answers.push({
      student: row.student,
      attemptNumber: row.attemptNumber,
      before: { points: row.oldPoints, verdict: row.oldVerdict },
      after: { points: row.newPoints, verdict: row.newVerdict },
    });
    changes.set(row.changeId, report);
  }
  return [...changes.values()];
}

type Scored = { points: number; verdict: string };
type ChangeReport = {
  id: string;
  questionId: string;
  change: unknown;
  changedBy: string;
  changedAt: string;
  answers: { student: string; attemptNumber: number; before: Scored; after: Scored }[];
};
