import type { Question } from '../../domain/question';
import { asc, desc, eq } from 'drizzle-orm';
import { buildClassReport, type StudentResult } from '../../engine/class-report';
import type { LearnerResponse } from '../../domain/learner-response';
import type { Database } from '../db/open-database';
import { attempts } from '../db/schema';
import type { AssignmentRow } from './assignments';
import type { AttemptCache } from './attempt-cache';
import { finishedAt } from './attempt-timing';
import { latestAnswers, storedResponse } from './attempt-view';

type AttemptRow = typeof attempts.$inferSelect;

/** Each student's latest attempt (attempts are counted per name, folded). */
function latestPerStudent(rows: readonly AttemptRow[]): AttemptRow[] {
  const latest = new Map<string, AttemptRow>();
  for (const row of rows) {
    const seen = latest.get(row.studentKey);
    if (!seen || row.number > seen.number) latest.set(row.studentKey, row);
  }
  return [...latest.values()];
}

/** Every attempt of the assignment, with how far it has got: what the teacher's live page polls. */
export async function assignmentProgress(db: Database, assignment: AssignmentRow, now: Date) {
  const rows = await db
    .select()
    .from(attempts)
    .where(eq(attempts.assignmentId, assignment.id))
    .orderBy(asc(attempts.startedAt));
  const latest = await latestAnswers(
    db,
    rows.map((row) => row.id),
  );
  const perAttempt = new Map<string, { answered: number; points: number }>();
  for (const answer of latest) {
    const entry = perAttempt.get(answer.attemptId) ?? { answered: 0, points: 0 };
    entry.answered += 1;
    entry.points += answer.points;
    perAttempt.set(answer.attemptId, entry);
  }
  return rows.map((row) => {
    const finished = finishedAt(row, assignment.closesAt, now);
    const progress = perAttempt.get(row.id) ?? { answered: 0, points: 0 };
    return {
      student: row.studentName,
      number: row.number,
      startedAt: row.startedAt.toISOString(),
      finishedAt: finished?.toISOString() ?? null,
      questionCount: row.questions.length,
      answered: progress.answered,
      points: Math.round(progress.points * 1e6) / 1e6,
    };
  });
}

/**
 * The class report from the database, built by the engine's `buildClassReport` exactly as the
 * browser builds it from result codes: each student's latest attempt, their latest answer to each
 * question, graded against the question version they were asked.
 */
export async function assignmentReport(db: Database, cache: AttemptCache, assignment: AssignmentRow) {
  const rows = latestPerStudent(
    await db
      .select()
      .from(attempts)
      .where(eq(attempts.assignmentId, assignment.id))
      .orderBy(desc(attempts.number)),
  );
  const latest = await latestAnswers(
    db,
    rows.map((row) => row.id),
  );
  const answersOf = new Map<string, Map<number, unknown>>();
  for (const answer of latest) {
    const map = answersOf.get(answer.attemptId) ?? new Map<number, unknown>();
    map.set(answer.questionIndex, answer.response);
    answersOf.set(answer.attemptId, map);
  }
  // One version per question id: the one the first student was asked (they only differ if a
  // bank changed while the assignment ran; regrading across versions is issue 18's business).
  const questionsById = new Map<string, Question>();
  const results: StudentResult[] = [];
  for (const row of rows) {
    const asked = await cache.get(row.id);
    if (!asked) continue;
    const responsesById = new Map<string, LearnerResponse | null>();
    asked.questions.forEach((question, index) => {
      const id = question.presented.question.id;
      if (!questionsById.has(id)) questionsById.set(id, question.presented.question);
      const raw = answersOf.get(row.id)?.get(index);
      responsesById.set(id, raw === undefined ? null : storedResponse(question, raw));
    });
    results.push({
      student: row.studentName,
      responses: assignment.questionIds.map((id) => responsesById.get(id) ?? null),
      finishedAt: (row.submittedAt ?? row.startedAt).getTime(),
    });
  }
  return buildClassReport(assignment.questionIds, results, questionsById);
}
