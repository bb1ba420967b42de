import type { LearnerResponse } from '@/domain/learner-response';
import { updateHistory } from '@/stores/history-later';
import { api } from './api-client';
import { attemptAsSession } from './attempt-as-session';
import type { DisputeInput } from './dispute-responses';
import { newAnswerId } from './pending-answers';
import { useStudentAttemptStore } from './student-attempt-store';

/** What came of sending the answers waiting on this device. */
export type SyncOutcome = { isOffline: boolean; problem: string | null };

const sendsUnderWay = new Map<string, Promise<SyncOutcome>>();
const sendsWaiting = new Map<string, Promise<SyncOutcome>>();

/**
 * Sends the waiting answers of one attempt, oldest first, one send at a time. A call made while a
 * send is under way waits for it and then sends what is still waiting (calls made meanwhile share
 * that one follow-up): the answer given a moment ago is never skipped, and a hand-in never overtakes it.
 */
export function sendPendingAnswers(assignmentId: string): Promise<SyncOutcome> {
  const underWay = sendsUnderWay.get(assignmentId);
  if (!underWay) return startSending(assignmentId);
  let waiting = sendsWaiting.get(assignmentId);
  if (!waiting) {
    waiting = underWay.then(() => {
      sendsWaiting.delete(assignmentId);
      return startSending(assignmentId);
    });
    sendsWaiting.set(assignmentId, waiting);
  }
  return waiting;
}

function startSending(assignmentId: string): Promise<SyncOutcome> {
  const sending = sendQueue(assignmentId).finally(() => sendsUnderWay.delete(assignmentId));
  sendsUnderWay.set(assignmentId, sending);
  return sending;
}

/**
 * An answer the server acknowledges leaves the queue (with its practice feedback); one it refuses
 * for good (handed in, out of time) leaves it too, and the refusal is reported; with no network the
 * rest wait for the next try.
 */
async function sendQueue(assignmentId: string): Promise<SyncOutcome> {
  let problem: string | null = null;
  for (;;) {
    const local = useStudentAttemptStore.getState().attempts[assignmentId];
    const next = local?.pending[0];
    if (!local || !next) {
      // A refusal (handed in elsewhere, time up, closed) may mean the attempt has ended: show it as it is.
      if (problem) await refreshAttempt(assignmentId);
      return { isOffline: false, problem };
    }
    const sent = await api.answer(local.attemptId, next);
    const store = useStudentAttemptStore.getState();
    if (sent.ok) {
      const { feedback } = sent.data;
      store.answerSettled(
        assignmentId,
        next.answerId,
        feedback ? { index: next.index, feedback } : undefined,
      );
    } else if (sent.isOffline || sent.status === 429 || sent.status === 503) {
      return { isOffline: true, problem };
    } else {
      store.answerSettled(assignmentId, next.answerId);
      problem = sent.message;
    }
  }
}

/** Keeps an answer on the device first (nothing is lost offline), then tries to send it. */
export function giveAnswer(
  assignmentId: string,
  index: number,
  response: LearnerResponse,
): Promise<SyncOutcome> {
  const answerId = newAnswerId(crypto.getRandomValues(new Uint8Array(12)));
  useStudentAttemptStore.getState().answerGiven(assignmentId, { answerId, index, response });
  return sendPendingAnswers(assignmentId);
}

/** The server's current view of the attempt; the device's copy stays when the network is down. */
export async function refreshAttempt(assignmentId: string): Promise<SyncOutcome> {
  const local = useStudentAttemptStore.getState().attempts[assignmentId];
  if (!local) return { isOffline: false, problem: null };
  const fetched = await api.attempt(local.attemptId);
  if (!fetched.ok)
    return { isOffline: fetched.isOffline, problem: fetched.isOffline ? null : fetched.message };
  useStudentAttemptStore.getState().attemptRefreshed(assignmentId, fetched.data);
  recordInHistory(assignmentId);
  return { isOffline: false, problem: null };
}

/**
 * Hands the attempt in. The wish is kept on the device first, so with no network it waits with the
 * answers and goes out by itself (see `syncAttempt`); the result comes back graded by the server.
 */
export async function handIn(assignmentId: string): Promise<SyncOutcome> {
  useStudentAttemptStore.getState().handInRequested(assignmentId);
  return sendHandIn(assignmentId);
}

async function sendHandIn(assignmentId: string): Promise<SyncOutcome> {
  const sent = await sendPendingAnswers(assignmentId);
  if (sent.isOffline) return sent;
  const local = useStudentAttemptStore.getState().attempts[assignmentId];
  if (!local) return sent;
  const submitted = await api.submit(local.attemptId);
  const store = useStudentAttemptStore.getState();
  if (!submitted.ok) {
    const isOffline = submitted.isOffline || submitted.status === 429 || submitted.status === 503;
    if (isOffline) return { isOffline: true, problem: sent.problem };
    // Refused for good (handed in elsewhere, time up): the server's view says what the attempt is now.
    store.handInSettled(assignmentId);
    await refreshAttempt(assignmentId);
    return { isOffline: false, problem: submitted.message };
  }
  store.handInSettled(assignmentId);
  store.attemptRefreshed(assignmentId, submitted.data);
  recordInHistory(assignmentId);
  return sent;
}

/**
 * Sends whatever waits on the device: the answers, then the hand-in when one was asked for, then
 * the disputes (the server takes a dispute only on a question it holds an answer to).
 */
export async function syncAttempt(assignmentId: string): Promise<SyncOutcome> {
  const local = useStudentAttemptStore.getState().attempts[assignmentId];
  const sent = local?.isHandInPending
    ? await sendHandIn(assignmentId)
    : await sendPendingAnswers(assignmentId);
  if (sent.isOffline) return sent;
  return sendPendingDisputes(assignmentId, sent.problem);
}

/** No answer, too many requests, or the server unavailable: worth sending again later. */
export const isUnreachable = (result: { isOffline: boolean; status: number }) =>
  result.isOffline || result.status === 429 || result.status === 503;

/**
 * Files a dispute on a question of the attempt. With no network it is kept on the device and goes
 * out with the next sync (the `online` event, or the page's retries); the learner is told so.
 */
export async function fileDispute(
  assignmentId: string,
  input: DisputeInput,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const local = useStudentAttemptStore.getState().attempts[assignmentId];
  if (!local) return { ok: false, message: 'This attempt is no longer on this device.' };
  // The id is made once, before the first send, and kept while the dispute waits: a send whose
  // reply was lost and the retry that follows are the same dispute to the server.
  const dispute = { ...input, disputeId: newAnswerId(crypto.getRandomValues(new Uint8Array(12))) };
  const hasWaiting = (local.pendingDisputes ?? []).length > 0 || local.pending.length > 0;
  // Behind disputes or answers still waiting, it waits too: they go out in order.
  const sent = hasWaiting ? null : await api.fileDispute(local.attemptId, dispute);
  if (sent && (sent.ok || !isUnreachable(sent))) return sent;
  useStudentAttemptStore.getState().disputeQueued(assignmentId, dispute);
  if (hasWaiting) void syncAttempt(assignmentId);
  return { ok: true };
}

/** The disputes waiting on the device, oldest first; a refusal for good is reported and dropped. */
async function sendPendingDisputes(assignmentId: string, earlier: string | null): Promise<SyncOutcome> {
  let problem = earlier;
  for (;;) {
    const local = useStudentAttemptStore.getState().attempts[assignmentId];
    const next = local?.pendingDisputes?.[0];
    if (!local || !next) return { isOffline: false, problem };
    const sent = await api.fileDispute(local.attemptId, next);
    if (!sent.ok && isUnreachable(sent)) return { isOffline: true, problem };
    useStudentAttemptStore.getState().disputeSettled(assignmentId, next.disputeId);
    if (!sent.ok) problem = `Your dispute was not taken: ${sent.message}`;
  }
}

/** A finished attempt joins the student's history once, so Review and spaced repetition see it. */
export function recordInHistory(assignmentId: string): void {
  const local = useStudentAttemptStore.getState().attempts[assignmentId];
  if (!local || local.isInHistory) return;
  const session = attemptAsSession(local.attempt);
  if (!session) return;
  // Recording twice changes nothing in the history, so a second call before the first is applied is harmless.
  updateHistory((store) => {
    const history = store.getState();
    history.attemptStarted(session);
    for (const questionId of Object.keys(session.submissions)) history.answerRecorded(session, questionId);
    history.attemptFinished(session);
    useStudentAttemptStore.getState().recordedInHistory(assignmentId);
  });
}
