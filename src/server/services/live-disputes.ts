import { and, asc, count, desc, eq, isNotNull } from 'drizzle-orm';
import { gradeAnswer } from '../../engine/grade-answer';
import { presentRevision } from '../../engine/regrade-answers';
import type { ServerContent } from '../content/server-content';
import type { Database } from '../db/open-database';
import { disputes, liveAnswers, livePlayers, liveSessions } from '../db/schema';
import type { LiveDisputeInput } from '../dispute-schemas';
import { HttpError } from '../errors';
import { newId, sha256 } from '../ids';
import { lastCountedQuestion } from '../live/live-store';
import { storedResponse } from './attempt-view';
import {
  acceptedChanges,
  checkSelection,
  citedPassage,
  newDisputeColumns,
  refuseOverLimit,
  repeatedDispute,
  studentDisputeView,
} from './disputes';
import { latestFingerprint, teacherRevisions } from './question-revisions';
import { askedVersions, type QuestionVersions } from './question-versions';

/** The player of this session a rejoin token belongs to; anyone else is refused alike. */
async function playerOf(db: Database, sessionId: string, token: string) {
  const [player] = await db
    .select({ id: livePlayers.id, removed: livePlayers.removed })
    .from(livePlayers)
    .where(and(eq(livePlayers.sessionId, sessionId), eq(livePlayers.tokenHash, sha256(token))));
  // An unknown session and a token of another session look the same from outside.
  if (!player) throw new HttpError(404, 'this device is not part of that session');
  return player;
}

/**
 * Files a dispute from a player of a live session, who proves who they are with the rejoin token
 * their device keeps (the same secret that lets them back into the session). The token is checked
 * before anything else, so an outsider learns nothing of the session (not even how many questions
 * it has). The question must be revealed and answered by them; at most a few per player per
 * question (`refuseOverLimit`), counted with the player's row locked so that two quick sends
 * cannot pass the limit together. The same `disputeId` sent again gets the dispute already stored.
 */
export async function fileLiveDispute(
  db: Database,
  versions: QuestionVersions,
  content: ServerContent,
  sessionId: string,
  input: LiveDisputeInput,
  now: Date,
) {
  await playerOf(db, sessionId, input.token);
  const [session] = await db.select().from(liveSessions).where(eq(liveSessions.id, sessionId));
  if (!session) throw new HttpError(404, 'this device is not part of that session');
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
    if (!player) throw new HttpError(404, 'this device is not part of that session');
    if (player.removed) throw new HttpError(403, 'the teacher has removed you from this session');
    const [earlier] = await tx
      .select()
      .from(disputes)
      .where(
        and(
          eq(disputes.liveSessionId, sessionId),
          eq(disputes.livePlayerId, player.id),
          eq(disputes.clientId, input.disputeId),
        ),
      );
    if (earlier) return repeatedDispute(earlier, input);
    if (input.index > lastCountedQuestion(session)) {
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
 * The disputes one player filed in a session, oldest first, with their status and the teacher's
 * reply: only the device holding that player's rejoin token sees them (a removed player too: they
 * are still theirs).
 */
export async function playerDisputes(db: Database, sessionId: string, token: string) {
  const player = await playerOf(db, sessionId, token);
  const rows = await db
    .select()
    .from(disputes)
    .where(and(eq(disputes.liveSessionId, sessionId), eq(disputes.livePlayerId, player.id)))
    .orderBy(asc(disputes.createdAt));
  return rows.map(studentDisputeView);
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
