import { and, eq, inArray } from 'drizzle-orm';
import type { Question } from '../../domain/question';
import { applyQuestionChange, presentRevision, regradeAnswers } from '../../engine/regrade-answers';
import type { PresentedQuestion } from '../../engine/present-question';
import { fingerprintQuestion } from '../content/question-fingerprint';
import type { Database } from '../db/open-database';
import {
  answers,
  assignments,
  attempts,
  disputes,
  liveAnswers,
  livePlayers,
  liveSessions,
  questionChanges,
  questionVersions,
  regrades,
  type AskedQuestion,
} from '../db/schema';
import type { AcceptDisputeInput } from '../dispute-schemas';
import { HttpError } from '../errors';
import { newId } from '../ids';
import { storedResponse } from './attempt-view';
import { findOwnDispute } from './disputes';
import { fingerprintsRevisedTo, latestFingerprint, teacherRevisions } from './question-revisions';
import type { QuestionVersions } from './question-versions';

type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/** One stored answer to regrade: where it is, whose it is, and how its question was shown. */
type StoredAnswer = {
  key: { answerSeq: number } | { liveSessionId: string; liveQuestionIndex: number; livePlayerId: string };
  student: string;
  fingerprint: string;
  shown: AskedQuestion | undefined;
  response: unknown;
};

/** Every stored answer, in the teacher's assignments and live sessions, to one of these versions. */
async function storedAnswers(
  tx: Transaction,
  teacherId: string,
  fingerprints: string[],
): Promise<StoredAnswer[]> {
  const fromAttempts = await tx
    .select({
      seq: answers.seq,
      index: answers.questionIndex,
      fingerprint: answers.questionFingerprint,
      response: answers.response,
      student: attempts.studentName,
      questions: attempts.questions,
    })
    .from(answers)
    .innerJoin(attempts, eq(attempts.id, answers.attemptId))
    .innerJoin(assignments, eq(assignments.id, attempts.assignmentId))
    .where(and(eq(assignments.teacherId, teacherId), inArray(answers.questionFingerprint, fingerprints)));
  const fromLive = await tx
    .select({
      sessionId: liveAnswers.sessionId,
      index: liveAnswers.questionIndex,
      playerId: liveAnswers.playerId,
      fingerprint: liveAnswers.questionFingerprint,
      response: liveAnswers.response,
      student: livePlayers.name,
      questions: liveSessions.questions,
    })
    .from(liveAnswers)
    .innerJoin(liveSessions, eq(liveSessions.id, liveAnswers.sessionId))
    .innerJoin(
      livePlayers,
      and(eq(livePlayers.sessionId, liveAnswers.sessionId), eq(livePlayers.id, liveAnswers.playerId)),
    )
    .where(
      and(eq(liveSessions.teacherId, teacherId), inArray(liveAnswers.questionFingerprint, fingerprints)),
    );
  return [
    ...fromAttempts.map((row) => ({
      key: { answerSeq: row.seq },
      student: row.student,
      fingerprint: row.fingerprint,
      shown: row.questions[row.index],
      response: row.response,
    })),
    ...fromLive.map((row) => ({
      key: { liveSessionId: row.sessionId, liveQuestionIndex: row.index, livePlayerId: row.playerId },
      student: row.student,
      fingerprint: row.fingerprint,
      shown: row.questions[row.index],
      response: row.response,
    })),
  ];
}

/**
 * Accepts a dispute with a change to the question: the change is made to the version its learners
 * are graded against now, the new version is stored (never overwriting one), linked to the one it
 * replaces for this teacher, and every stored answer to it in the teacher's assignments and live
 * sessions is graded again by the engine, each old and new grade recorded. All in one transaction.
 */
export async function acceptDispute(
  db: Database,
  versions: QuestionVersions,
  teacherId: string,
  disputeId: string,
  input: AcceptDisputeInput,
  now: Date,
) {
  const dispute = await findOwnDispute(db, teacherId, disputeId);
  if (dispute.status !== 'open') throw new HttpError(409, 'this dispute has already been answered');
  return db.transaction(async (tx) => {
    const revisions = await teacherRevisions(tx, teacherId);
    const fromFingerprint = latestFingerprint(revisions, dispute.questionFingerprint);
    const current = await versions.get(fromFingerprint);
    if (!current) throw new Error(`question version ${fromFingerprint} is missing`);
    const outcome = applyQuestionChange(current, input.change);
    if (!outcome.ok) throw new HttpError(400, `change: ${outcome.problem}`);
    const revised = outcome.question;
    const toFingerprint = fingerprintQuestion(revised);
    await tx
      .insert(questionVersions)
      .values({ fingerprint: toFingerprint, questionId: revised.id, question: revised, firstSeenAt: now })
      .onConflictDoNothing();
    const changeId = newId();
    await tx.insert(questionChanges).values({
      id: changeId,
      teacherId,
      fromFingerprint,
      toFingerprint,
      change: input.change,
      createdAt: now,
    });
    const affected = fingerprintsRevisedTo(revisions, fromFingerprint);
    const rows = await regradeStored(
      versions,
      { fingerprint: fromFingerprint, question: current },
      revised,
      await storedAnswers(tx, teacherId, affected),
    );
    for (let start = 0; start < rows.length; start += 200) {
      await tx
        .insert(regrades)
        .values(rows.slice(start, start + 200).map((row) => ({ ...row, changeId, regradedAt: now })));
    }
    const [answered] = await tx
      .update(disputes)
      .set({ status: 'accepted', reply: input.reply, changeId, answeredAt: now })
      .where(and(eq(disputes.id, disputeId), eq(disputes.status, 'open')))
      .returning();
    if (!answered) throw new HttpError(409, 'this dispute has already been answered');
    const changed = rows.filter((row) => row.newPoints !== row.oldPoints).length;
    const liveSessionIds = [
      ...new Set(rows.flatMap((row) => ('liveSessionId' in row ? [row.liveSessionId] : []))),
    ];
    return { dispute: answered, changeId, toFingerprint, regraded: rows.length, changed, liveSessionIds };
  });
}

async function regradeStored(
  versions: QuestionVersions,
  current: { fingerprint: string; question: Question },
  revised: Question,
  stored: StoredAnswer[],
) {
  const rows = [];
  for (const answer of stored) {
    const asked = await versions.get(answer.fingerprint);
    if (!asked) throw new Error(`question version ${answer.fingerprint} is missing`);
    const presented: PresentedQuestion = {
      question: asked,
      choiceOrder: answer.shown?.choiceOrder ?? [],
      leftOrder: answer.shown?.leftOrder ?? [],
    };
    const response = storedResponse({ fingerprint: answer.fingerprint, presented }, answer.response);
    // Graded now against `current` (an earlier accepted change may sit between the two).
    const before =
      answer.fingerprint === current.fingerprint ? presented : presentRevision(presented, current.question);
    const [result] = regradeAnswers(before, revised, [{ id: answer.key, response }]);
    if (!result) continue;
    rows.push({
      ...('answerSeq' in answer.key ? { answerSeq: answer.key.answerSeq } : answer.key),
      studentName: answer.student,
      oldPoints: result.before.points,
      newPoints: result.after.points,
      oldVerdict: result.before.verdict,
      newVerdict: result.after.verdict,
      newGrade: result.after,
    });
  }
  return rows;
}
