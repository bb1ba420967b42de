import type { Question } from '../../domain/question';
import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { buildClassReport, type StudentResult } from '../../engine/class-report';
import { gradeAnswer } from '../../engine/grade-answer';
import type { LearnerResponse } from '../../domain/learner-response';
import { rowsOf, type Database } from '../db/open-database';
import { answers, attempts, questionChanges } from '../db/schema';
import type { AssignmentRow } from './assignments';
import type { AttemptCache } from './attempt-cache';
import { finishedAt } from './attempt-timing';
import { storedResponse } from './attempt-view';
import { teacherRevisions, withRevisions } from './question-revisions';
import { gradedVersion } from './question-versions';

/** Each student's latest attempt (attempts are counted per name, folded). */
function latestPerStudent<AttemptRow extends { studentKey: string; number: number }>(
  rows: readonly AttemptRow[],
): AttemptRow[] {
  const latest = new Map<string, AttemptRow>();
  for (const row of rows) {
    const seen = latest.get(row.studentKey);
    if (!seen || row.number > seen.number) latest.set(row.studentKey, row);
  }
  return [...latest.values()];
}

type AttemptProgress = { answered: number; points: number };

/**
 * Answered questions and points so far per attempt of an assignment, summed by the database from
 * each question's latest answer, except the answers to questions the teacher has changed since
 * (issue 18): those the engine grades again against the revision, as the report does.
 */
async function progressPerAttempt(
  db: Database,
  cache: AttemptCache,
  assignment: AssignmentRow,
): Promise<Map<string, AttemptProgress>> {
  const rows = rowsOf(
    await db.execute(sql`
      SELECT attempt_id, count(*)::integer AS answered,
        coalesce(sum(points) FILTER (WHERE NOT revised), 0) AS points,
        coalesce(json_agg(json_build_object('index', question_index, 'response', response))
          FILTER (WHERE revised), '[]') AS revised
      FROM (
        SELECT DISTINCT ON (n.attempt_id, n.question_index) n.attempt_id, n.question_index, n.points,
          n.response, EXISTS (SELECT 1 FROM ${questionChanges} c
            WHERE c.teacher_id = ${assignment.teacherId} AND c.from_fingerprint = n.question_fingerprint) AS revised
        FROM ${answers} n JOIN ${attempts} a ON a.id = n.attempt_id
        WHERE a.assignment_id = ${assignment.id}
        ORDER BY n.attempt_id, n.question_index, n.seq DESC
      ) latest
      GROUP BY attempt_id`),
  ) as {
    attempt_id: string;
    answered: number;
    points: number | string;
    revised: { index: number; response: unknown }[];
  }[];
  const progress = new Map<string, AttemptProgress>();
  const revisions = rows.some((row) => row.revised.length > 0)
    ? await teacherRevisions(db, assignment.teacherId)
    : undefined;
  for (const row of rows) {
    let points = Number(row.points);
    const cached = revisions && row.revised.length > 0 ? await cache.get(row.attempt_id) : undefined;
    if (revisions && cached) {
      const questions = await withRevisions(cache.versions, revisions, cached.questions);
      for (const { index, response } of row.revised) {
        const asked = questions[index];
        if (asked) points += gradeAnswer(gradedVersion(asked), storedResponse(asked, response)).points;
      }
    }
    progress.set(row.attempt_id, { answered: Number(row.answered), points });
  }
  return progress;
}

/** Every attempt of the assignment, with how far it has got: what the teacher's live page polls. */
export async function assignmentProgress(
  db: Database,
  cache: AttemptCache,
  assignment: AssignmentRow,
  now: Date,
) {
  const rows = await db
    .select({
      id: attempts.id,
      studentName: attempts.studentName,
      number: attempts.number,
      startedAt: attempts.startedAt,
      deadlineAt: attempts.deadlineAt,
      submittedAt: attempts.submittedAt,
      questionCount: sql<number>`jsonb_array_length(${attempts.questions})`.mapWith(Number),
    })
    .from(attempts)
    .where(eq(attempts.assignmentId, assignment.id))
    .orderBy(asc(attempts.startedAt));
  const perAttempt = await progressPerAttempt(db, cache, assignment);
  return rows.map((row) => {
    const finished = finishedAt(row, assignment.closesAt, now);
    const progress = perAttempt.get(row.id) ?? { answered: 0, points: 0 };
    return {
      student: row.studentName,
      number: row.number,
      startedAt: row.startedAt.toISOString(),
      finishedAt: finished?.toISOString() ?? null,
      questionCount: row.questionCount,
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
      .select({
        id: attempts.id,
        studentName: attempts.studentName,
        studentKey: attempts.studentKey,
        number: attempts.number,
        startedAt: attempts.startedAt,
        submittedAt: attempts.submittedAt,
      })
      .from(attempts)
      .where(eq(attempts.assignmentId, assignment.id))
      .orderBy(desc(attempts.number)),
  );
  // Only what the report reads of each answer: not its stored grade, which the engine recomputes.
  const latest =
    rows.length === 0
      ? []
      : await db
          .selectDistinctOn([answers.attemptId, answers.questionIndex], {
            attemptId: answers.attemptId,
            questionIndex: answers.questionIndex,
            response: answers.response,
          })
          .from(answers)
          .where(
            inArray(
              answers.attemptId,
              rows.map((row) => row.id),
            ),
          )
          .orderBy(asc(answers.attemptId), asc(answers.questionIndex), desc(answers.seq));
  const answersOf = new Map<string, Map<number, unknown>>();
  for (const answer of latest) {
    const map = answersOf.get(answer.attemptId) ?? new Map<number, unknown>();
    map.set(answer.questionIndex, answer.response);
    answersOf.set(answer.attemptId, map);
  }
  // One version per question id: the one the first student was asked (they only differ if a
  // bank changed while the assignment ran), or the revision the teacher accepted since (issue 18).
  const questionsById = new Map<string, Question>();
  const results: StudentResult[] = [];
  const revisions = await teacherRevisions(db, assignment.teacherId);
  for (const row of rows) {
    const cached = await cache.get(row.id);
    if (!cached) continue;
    const questions = await withRevisions(cache.versions, revisions, cached.questions);
    const responsesById = new Map<string, LearnerResponse | null>();
    questions.forEach((question, index) => {
      const id = question.presented.question.id;
      if (!questionsById.has(id)) questionsById.set(id, gradedVersion(question).question);
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
