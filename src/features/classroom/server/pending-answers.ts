import type { LearnerResponse } from '@/domain/learner-response';
import type { DisputeInput } from './dispute-responses';

/** An answer given on the device and not yet acknowledged by the server. */
export type PendingAnswer = { answerId: string; index: number; response: LearnerResponse };

/** A new answer joins the queue; an earlier unsent answer to the same question is replaced by it. */
export function withAnswerQueued(queue: readonly PendingAnswer[], answer: PendingAnswer): PendingAnswer[] {
  return [...queue.filter((pending) => pending.index !== answer.index), answer];
}

/** The queue without the answer the server has now acknowledged (or refused for good). */
export function withAnswerSettled(queue: readonly PendingAnswer[], answerId: string): PendingAnswer[] {
  return queue.filter((pending) => pending.answerId !== answerId);
}

/** A fresh id for one answer, so a retried request is stored once (the server's `answerId`). */
export function newAnswerId(randomBytes: Uint8Array): string {
  return Array.from(randomBytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * A dispute with the id the device gave it (the server's `disputeId`), made before its first send:
 * while there is no network it waits on the device, until the server takes it (or refuses it).
 */
export type PendingDispute = DisputeInput & { disputeId: string };
