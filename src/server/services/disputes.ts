import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import type { Question } from '../../domain/question';
import { MAX_DISPUTES_PER_QUESTION } from '../../engine/dispute-checks';
import { gradeAnswer } from '../../engine/grade-answer';
import { presentRevision } from '../../engine/regrade-answers';
import { passageKey, type ServerContent } from '../content/server-content';
import type { Database } from '../db/open-database';
import { answers, assignments, attempts, disputes, questionChanges, teachers } from '../db/schema';
import type { DisputeInput } from '../dispute-schemas';
import { HttpError, notFound } from '../errors';
import { newId } from '../ids';
import type { AttemptCache } from './attempt-cache';
import { storedResponse } from './attempt-view';
import { latestFingerprint, teacherRevisions } from './question-revisions';
import type { QuestionVersions } from './question-versions';

export type DisputeRow = typeof disputes.$inferSelect;

/** A selection must lie inside a passage the question cites: the passage shown beside it. */
export function checkSelection(
  content: ServerContent,
  question: Question,
  selection: DisputeInput['selection'],
): void {
  if (!selection) return;
  const isCited = question.citations.some(
    (citation) => citation.source === selection.source && citation.passage === selection.passage,
  );
  const text = content.passages.get(passageKey(selection.source, selection.passage));
  if (!isCited || text === undefined) {
    throw new HttpError(400, 'selection: select words in the passage shown with this question');
  }
  if (selection.end > text.length) {
    throw new HttpError(
      400,
      `selection: the selection ends after the passage, which has ${text.length} characters`,
    );
  }
}

/** What the learner who filed a dispute may see of it: their words, its status and the reply. */
export function studentDisputeView(row: DisputeRow) {
  return {
    id: row.id,
    disputeId: row.clientId,
    index: row.questionIndex,
    kind: row.kind,
    message: row.message,
    selection:
      row.sourceId && row.passageId && row.selectionStart !== null && row.selectionEnd !== null
        ? { source: row.sourceId, passage: row.passageId, start: row.selectionStart, end: row.selectionEnd }
        : null,
    status: row.status,
    reply: row.reply,
    createdAt: row.createdAt.toISOString(),
    answeredAt: row.answeredAt?.toISOString() ?? null,
  };
}

/**
 * Files a dispute on a question of an attempt, which the student must have answered. At most
 * MAX_DISPUTES_PER_QUESTION per student (name, folded) per question version of the assignment;
 * the attempt row is locked meanwhile, so two quick clicks cannot pass the limit together.
 */
export async function fileAttemptDispute(
  db: Database,
  cache: AttemptCache,
  content: ServerContent,
  attemptId: string,
  input: DisputeInput,
  now: Date,
) {
  const asked = await cache.get(attemptId);
  if (!asked) throw notFound();
  const question = asked.questions[input.index];
  if (!question) throw new HttpError(400, `index: this attempt has ${asked.questions.length} questions`);
  checkSelection(content, question.presented.question, input.selection);
  return db.transaction(async (tx) => {
    const [attempt] = await tx
      .select({ studentKey: attempts.studentKey, teacherId: assignments.teacherId })
      .from(attempts)
      .innerJoin(assignments, eq(assignments.id, attempts.assignmentId))
      .where(eq(attempts.id, attemptId))
      .for('update', { of: attempts });
    if (!attempt) throw notFound();
    const [earlier] = await tx
      .select()
      .from(disputes)
      .where(and(eq(disputes.attemptId, attemptId), eq(disputes.clientId, input.disputeId)));
    if (earlier) return repeatedDispute(earlier, input);
    const [answered] = await tx
      .select({ seq: answers.seq })
      .from(answers)
      .where(and(eq(answers.attemptId, attemptId), eq(answers.questionIndex, input.index)))
      .limit(1);
    if (!answered) throw new HttpError(409, 'answer this question before disputing it');
    const [filed] = await tx
      .select({ n: count() })
      .from(disputes)
      .innerJoin(attempts, eq(attempts.id, disputes.attemptId))
      .where(
        and(
          eq(attempts.assignmentId, asked.assignmentId),
          eq(attempts.studentKey, attempt.studentKey),
          eq(disputes.questionFingerprint, question.fingerprint),
        ),
      );
    refuseOverLimit(filed?.n ?? 0);
    const [row] = await tx
      .insert(disputes)
      .values({
        id: newId(),
        teacherId: attempt.teacherId,
        attemptId,
        questionIndex: input.index,
        questionFingerprint: question.fingerprint,
        ...newDisputeColumns(input, now),
      })
      .returning();
    if (!row) throw new Error('the dispute was not stored');
    return studentDisputeView(row);
  });
}

/**
 * The dispute a device sends again (its first reply lost on the way): the one stored, as the first
 * reply gave it. The same id with other content is a mistake of the device, not a retry.
 */
export function repeatedDispute(earlier: DisputeRow, input: DisputeInput) {
  const selection = input.selection;
  const isSame =
    earlier.questionIndex === input.index &&
    earlier.kind === input.kind &&
    earlier.message === input.message &&
    earlier.sourceId === (selection?.source ?? null) &&
    earlier.passageId === (selection?.passage ?? null) &&
    earlier.selectionStart === (selection?.start ?? null) &&
    earlier.selectionEnd === (selection?.end ?? null);
  if (!isSame) throw new HttpError(409, 'this disputeId was already used for another dispute');
  return studentDisputeView(earlier);
}

/** A learner's disputes on one question are few: past the limit, the teacher already has them. */
export function refuseOverLimit(filedBefore: number): void {
  if (filedBefore >= MAX_DISPUTES_PER_QUESTION) {
    throw new HttpError(
      409,
      `you have already filed ${MAX_DISPUTES_PER_QUESTION} disputes on this question; your teacher will answer them`,
    );
  }
}

/** What every new dispute row holds besides where it came from: the learner's words, the selection. */
export function newDisputeColumns(
  input: Pick<DisputeInput, 'disputeId' | 'kind' | 'message' | 'selection'>,
  now: Date,
) {
  return {
    clientId: input.disputeId,
    kind: input.kind,
    message: input.message,
    sourceId: input.selection?.source ?? null,
    passageId: input.selection?.passage ?? null,
    selectionStart: input.selection?.start ?? null,
    selectionEnd: input.selection?.end ?? null,
    status: 'open' as const,
    createdAt: now,
  };
}

/** The disputes filed from one attempt: only its holder (who has the attempt's id) sees them. */
export async function attemptDisputes(db: Database, cache: AttemptCache, attemptId: string) {
  if (!(await cache.get(attemptId))) throw notFound();
  const rows = await db
    .select()
    .from(disputes)
    .where(eq(disputes.attemptId, attemptId))
    .orderBy(asc(disputes.createdAt));
  return rows.map(studentDisputeView);
}

/** A dispute of the teacher's own (from their assignment or live session); anything else is a 404. */
export async function findOwnDispute(db: Database, teacherId: string, disputeId: string) {
  const [row] = await db
    .select()
    .from(disputes)
    .where(and(eq(disputes.id, disputeId), eq(disputes.teacherId, teacherId)));
  if (!row) throw notFound();
  return row;
}

export async function rejectDispute(
  db: Database,
  teacherId: string,
  disputeId: string,
  reply: string,
  now: Date,
) {
  const [row] = await db
    .update(disputes)
    .set({ status: 'rejected', reply, answeredAt: now })
    .where(and(eq(disputes.id, disputeId), eq(disputes.teacherId, teacherId), eq(disputes.status, 'open')))
    .returning();
  if (row) return row;
  await findOwnDispute(db, teacherId, disputeId);
  throw new HttpError(409, 'this dispute has already been answered');
}

type TeacherDisputeContext = {
  db: Database;
  cache: AttemptCache;
  versions: QuestionVersions;
  content: ServerContent;
};

/**
 * Every dispute on the teacher's assignments (live sessions: `teacherLiveDisputes`), newest first, with what judging it needs: the
 * question as it was asked (whole, with its key), the learner's response and its grade now, the
 * cited passage with the selection, how many of the assignment's answers to that version are
 * right now, and the change accepted, if any.
 */
export async function teacherDisputes(context: TeacherDisputeContext, teacherId: string) {
  const { db, cache, versions, content } = context;
  const rows = await db
    .select({
      dispute: disputes,
      student: attempts.studentName,
      assignmentId: attempts.assignmentId,
      title: assignments.title,
    })
    .from(disputes)
    .innerJoin(attempts, eq(attempts.id, disputes.attemptId))
    .innerJoin(assignments, eq(assignments.id, attempts.assignmentId))
    .where(eq(disputes.teacherId, teacherId))
    .orderBy(desc(disputes.createdAt));
  const revisions = await teacherRevisions(db, teacherId);
  const changes = await acceptedChanges(
    db,
    rows.map((row) => row.dispute.changeId),
  );
  const views = [];
  for (const { dispute, student, assignmentId, title } of rows) {
    if (!dispute.attemptId) continue;
    const asked = (await cache.get(dispute.attemptId))?.questions[dispute.questionIndex];
    if (!asked) continue;
    const nowFingerprint = latestFingerprint(revisions, dispute.questionFingerprint);
    const current = (await versions.get(nowFingerprint)) ?? asked.presented.question;
    const [answer] = await db
      .select({ response: answers.response })
      .from(answers)
      .where(and(eq(answers.attemptId, dispute.attemptId), eq(answers.questionIndex, dispute.questionIndex)))
      .orderBy(desc(answers.seq))
      .limit(1);
    const response = answer ? storedResponse(asked, answer.response) : null;
    const passage = citedPassage(content, dispute);
    const change = dispute.changeId ? changes.get(dispute.changeId) : undefined;
    views.push({
      ...studentDisputeView(dispute),
      student,
      assignment: { id: assignmentId, title },
      live: null,
      isBuiltIn: content.current.has(asked.presented.question.id),
      asked: asked.presented,
      current: nowFingerprint === dispute.questionFingerprint ? null : current,
      response,
      grade: gradeAnswer(asked.presented, response),
      passage,
      rightCount: await rightCount(db, cache, assignmentId, dispute.questionFingerprint, current),
      change: change ?? null,
    });
  }
  return views;
}

/** The passage a dispute quotes, whole, for the teacher to see the selection in place. */
export function citedPassage(content: ServerContent, dispute: DisputeRow) {
  return dispute.sourceId && dispute.passageId
    ? {
        source: dispute.sourceId,
        passage: dispute.passageId,
        text: content.passages.get(passageKey(dispute.sourceId, dispute.passageId)) ?? '',
      }
    : null;
}

/** The accepted changes behind these disputes: what changed, who changed it and when. */
export async function acceptedChanges(db: Database, changeIds: readonly (string | null)[]) {
  const ids = changeIds.filter((id): id is string => id !== null);
  const rows =
    ids.length === 0
      ? []
      : await db
          .select({
            id: questionChanges.id,
            change: questionChanges.change,
            email: teachers.email,
            at: questionChanges.createdAt,
          })
          .from(questionChanges)
          .innerJoin(teachers, eq(teachers.id, questionChanges.teacherId))
          .where(inArray(questionChanges.id, ids));
  return new Map(
    rows.map((row) => [
      row.id,
      { change: row.change, changedBy: row.email, changedAt: row.at.toISOString() } as const,
    ]),
  );
}

/** How many students' latest answers to this version in the assignment are right, graded now. */
async function rightCount(
  db: Database,
  cache: AttemptCache,
  assignmentId: string,
  fingerprint: string,
  current: Question,
) {
  const rows = await db
    .selectDistinctOn([answers.attemptId, answers.questionIndex], {
      attemptId: answers.attemptId,
      questionIndex: answers.questionIndex,
      response: answers.response,
    })
    .from(answers)
    .innerJoin(attempts, eq(attempts.id, answers.attemptId))
    .where(and(eq(attempts.assignmentId, assignmentId), eq(answers.questionFingerprint, fingerprint)))
    .orderBy(asc(answers.attemptId), asc(answers.questionIndex), desc(answers.seq));
  let right = 0;
  for (const row of rows) {
    const asked = (await cache.get(row.attemptId))?.questions[row.questionIndex];
    if (!asked) continue;
    const revision = presentRevision(asked.presented, current);
    if (gradeAnswer(revision, storedResponse(asked, row.response)).isCorrect) right += 1;
  }
  return { right, answered: rows.length };
}
