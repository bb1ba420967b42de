import { and, count, desc, eq, isNotNull } from 'drizzle-orm';
import { gradeAnswer } from '../../engine/grade-answer';
import { presentRevision } from '../../engine/regrade-answers';
import type { ServerContent } from '../content/server-content';
import type { Database } from '../db/open-database';
import { disputes, liveAnswers, livePlayers, liveSessions } from '../db/schema';
import type { LiveDisputeInput } from '../dispute-schemas';
import { HttpError } from '../errors';
import { newId, sha256 } from '../ids';
import { storedResponse } from './attempt-view';
import {
  acceptedChanges,
  checkSelection,
  citedPassage,
  newDisputeColumns,
  refuseOverLimit,
  studentDisputeView,
} from './disputes';
import { latestFingerprint, teacherRevisions } from './question-revisions';
import { askedVersions, type QuestionVersions } from './question-versions';

/** The last question a live session has revealed: a player may dispute only what they have seen judged. */
function lastRevealed(row: { phase: string; questionIndex: number }): number {
  return row.phase === 'reveal' || row.phase === 'ended' ? row.questionIndex : row.questionIndex - 1;
}

/**
 * Files a dispute from a player of a live session, who proves who they are with the rejoin token
 * their device keeps (the same secret that lets them back into the session). The question must be
 * revealed and answered by them; at most a few per player per question (`refuseOverLimit`), counted
 * with the player's row locked so that two quick sends cannot pass the limit together.
 */
export async function fileLiveDispute(
  db: Database,
  versions: QuestionVersions,
  content: ServerContent,
  sessionId: string,
  input: LiveDisputeInput,
  now: Date,
) {
  const [session] = await db.select().from(liveSessions).where(eq(liveSessions.id, sessionId));
  // An unknown session and a token of another session look the same from outside.
  const refused = new HttpError(404, 'this device is not part of that session');
  if (!session) throw refused;
  const askedQuestion = session.questions[input.index];
  if (!askedQuestion) {
    throw new HttpError(400, `index: this session has ${session.questions.length} questions`);
  }
  const [asked] = await askedVersions(versions, [askedQuestion]);
  if (!asked) throw new Error('the question asked is missing');
  checkSelection(content, asked.presented.question, input.selection);
  return db.transaction(async (tx) => {
    const [player] = await tx
      .select({ id: livePlayers.id, removed: livePlayers.removed })
      .from(livePlayers)
      .where(and(eq(livePlayers.sessionId, sessionId), eq(livePlayers.tokenHash, sha256(input.token))))
      .for('update');
    if (!player) throw refused;
    if (player.removed) throw new HttpError(403, 'the teacher has removed you from this session');
    if (input.index > lastRevealed(session)) {
      throw new HttpError(409, 'wait for the answer to be revealed before disputing this question');
    }
    const [answered] = await tx
      .select({ index: liveAnswers.questionIndex })
      .from(liveAnswers)
      .where(
        and(
          eq(liveAnswers.sessionId, sessionId),
          eq(liveAnswers.playerId, player.id),
          eq(liveAnswers.questionIndex, input.index),
        ),
      );
    if (!answered) throw new HttpError(409, 'answer this question before disputing it');
    const [filed] = await tx
      .select({ n: count() })
      .from(disputes)
      .where(
        and(
          eq(disputes.liveSessionId, sessionId),
          eq(disputes.livePlayerId, player.id),
          eq(disputes.questionIndex, input.index),
        ),
      );
    refuseOverLimit(filed?.n ?? 0);
    const [row] = await tx
      .insert(disputes)
      .values({
        id: newId(),
        teacherId: session.teacherId,
        liveSessionId: sessionId,
        livePlayerId: player.id,
        questionIndex: input.index,
        questionFingerprint: asked.fingerprint,
        ...newDisputeColumns(input, now),
      })
      .returning();
    if (!row) throw new Error('the dispute was not stored');
    return studentDisputeView(row);
  });
}

/**
 * The teacher's disputes from their own live sessions, newest first, in the same shape as those of
 * assignments: the question as asked, the player's response and its grade, the passage with the
 * selection, how many of the session's answers to it are right now, and the change accepted.
 */
export async function teacherLiveDisputes(
  db: Database,
  versions: QuestionVersions,
  content: ServerContent,
  teacherId: string,
) {
  const rows = await db
    .select({
      dispute: disputes,
      student: livePlayers.name,
      title: liveSessions.title,
      questions: liveSessions.questions,
    })
    .from(disputes)
    .innerJoin(liveSessions, eq(liveSessions.id, disputes.liveSessionId))
    .innerJoin(
      livePlayers,
      and(eq(livePlayers.sessionId, disputes.liveSessionId), eq(livePlayers.id, disputes.livePlayerId)),
    )
    .where(and(eq(disputes.teacherId, teacherId), isNotNull(disputes.liveSessionId)))
    .orderBy(desc(disputes.createdAt));
  const revisions = await teacherRevisions(db, teacherId);
  const changes = await acceptedChanges(
    db,
    rows.map((row) => row.dispute.changeId),
  );
  const views = [];
  for (const { dispute, student, title, questions } of rows) {
    const shown = questions[dispute.questionIndex];
    if (!shown || !dispute.liveSessionId) continue;
    const [asked] = await askedVersions(versions, [shown]);
    if (!asked) continue;
    const nowFingerprint = latestFingerprint(revisions, dispute.questionFingerprint);
    const current = (await versions.get(nowFingerprint)) ?? asked.presented.question;
    const answers = await db
      .select({ playerId: liveAnswers.playerId, response: liveAnswers.response })
      .from(liveAnswers)
      .where(
        and(
          eq(liveAnswers.sessionId, dispute.liveSessionId),
          eq(liveAnswers.questionIndex, dispute.questionIndex),
        ),
      );
    const own = answers.find((answer) => answer.playerId === dispute.livePlayerId);
    const response = own ? storedResponse(asked, own.response) : null;
    const revision = presentRevision(asked.presented, current);
    const right = answers.filter(
      (answer) => gradeAnswer(revision, storedResponse(asked, answer.response)).isCorrect,
    ).length;
    views.push({
      ...studentDisputeView(dispute),
      student,
      assignment: null,
      live: { id: dispute.liveSessionId, title },
      isBuiltIn: content.current.has(asked.presented.question.id),
      asked: asked.presented,
      current: nowFingerprint === dispute.questionFingerprint ? null : current,
      response,
      grade: gradeAnswer(asked.presented, response),
      passage: citedPassage(content, dispute),
      rightCount: { right, answered: answers.length },
      change: (dispute.changeId ? changes.get(dispute.changeId) : undefined) ?? null,
    });
  }
  return views;
}
