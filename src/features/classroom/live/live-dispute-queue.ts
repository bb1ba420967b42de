import { useEffect, useSyncExternalStore } from 'react';
import { api } from '../server/api-client';
import { isUnreachable } from '../server/attempt-sync';
import type { DisputeInput } from '../server/dispute-responses';
import { newAnswerId, type PendingDispute } from '../server/pending-answers';
import { keepSeat, readSeat } from './live-client';

// A live player's disputes that wait on the device for the network, kept in the seat (with the
// rejoin token that files them), as an assignment's wait in its saved attempt.

const listeners = new Set<() => void>();
let version = 0;

function changed(): void {
  version += 1;
  for (const listener of listeners) listener();
}

function waitingIn(sessionId: string): PendingDispute[] {
  const seat = readSeat();
  return seat?.sessionId === sessionId ? (seat.pendingDisputes ?? []) : [];
}

function keepWaiting(sessionId: string, update: (waiting: PendingDispute[]) => PendingDispute[]): void {
  const seat = readSeat();
  if (seat?.sessionId !== sessionId) return;
  keepSeat({ ...seat, hasDisputes: true, pendingDisputes: update(seat.pendingDisputes ?? []) });
  changed();
}

export type LiveDisputeSent = { ok: true } | { ok: false; message: string };

/**
 * Files a live player's dispute. It gets its id first; with no network it is kept on the device
 * with that id and sent later (`sendWaitingDisputes`), so a send whose reply was lost and its retry
 * are one dispute to the server.
 */
export async function fileLiveDispute(sessionId: string, input: DisputeInput): Promise<LiveDisputeSent> {
  const seat = readSeat();
  if (seat?.sessionId !== sessionId) {
    return { ok: false, message: 'This device is no longer in this session: join it again.' };
  }
  const dispute = { ...input, disputeId: newAnswerId(crypto.getRandomValues(new Uint8Array(12))) };
  const hasWaiting = (seat.pendingDisputes ?? []).length > 0;
  // Behind disputes still waiting, it waits too: they go out in order.
  const sent = hasWaiting ? null : await api.fileLiveDispute(sessionId, seat.token, dispute);
  if (sent && (sent.ok || !isUnreachable(sent))) {
    if (sent.ok) {
      // Read again: the seat may have changed during the send (the history notes what it recorded).
      const current = readSeat();
      if (current?.sessionId === sessionId) keepSeat({ ...current, hasDisputes: true });
      changed();
    }
    return sent;
  }
  keepWaiting(sessionId, (waiting) => [...waiting, dispute]);
  if (hasWaiting) void sendWaitingDisputes(sessionId);
  return { ok: true };
}

let sending: Promise<string | null> | null = null;

/**
 * Sends the disputes waiting on the device, oldest first, one send at a time. One the server takes
 * or refuses for good leaves the queue (the refusal is returned, to be shown); with no network the
 * rest wait for the next try.
 */
export function sendWaitingDisputes(sessionId: string): Promise<string | null> {
  sending ??= sendQueue(sessionId).finally(() => {
    sending = null;
  });
  return sending;
}

async function sendQueue(sessionId: string): Promise<string | null> {
  let problem: string | null = null;
  for (;;) {
    const seat = readSeat();
    const next = seat?.sessionId === sessionId ? seat.pendingDisputes?.[0] : undefined;
    if (!seat || !next) return problem;
    const sent = await api.fileLiveDispute(sessionId, seat.token, next);
    if (!sent.ok && isUnreachable(sent)) return problem;
    keepWaiting(sessionId, (waiting) => waiting.filter((item) => item.disputeId !== next.disputeId));
    if (!sent.ok) problem = `Your dispute was not taken: ${sent.message}`;
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A counter that moves whenever a dispute is sent or leaves the queue: a cue to read them again. */
export function useDisputesVersion(): number {
  // The join page is built to HTML too; nothing has been sent then.
  return useSyncExternalStore(
    subscribe,
    () => version,
    () => version,
  );
}

/** The disputes of this session waiting on the device; the page redraws when the queue changes. */
export function useWaitingDisputes(sessionId: string): PendingDispute[] {
  useDisputesVersion();
  return waitingIn(sessionId);
}

const RETRY_MS = 5_000;

/**
 * While a dispute waits, tries again when the browser says the network is back, when the session's
 * connection returns, and every few seconds; `onProblem` hears of a dispute refused for good.
 */
export function useSendWaitingDisputes(
  sessionId: string | null,
  isConnected: boolean,
  onProblem: (message: string) => void,
): void {
  const waiting = useWaitingDisputes(sessionId ?? '').length;
  useEffect(() => {
    if (!sessionId || waiting === 0) return;
    const send = () =>
      void sendWaitingDisputes(sessionId).then((problem) => {
        if (problem) onProblem(problem);
      });
    if (isConnected) send();
    window.addEventListener('online', send);
    const timer = window.setInterval(send, RETRY_MS);
    return () => {
      window.removeEventListener('online', send);
      window.clearInterval(timer);
    };
  }, [sessionId, waiting, isConnected, onProblem]);
}
