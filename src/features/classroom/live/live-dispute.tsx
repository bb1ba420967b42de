import { useEffect, useState } from 'react';
import { DISPUTE_KIND_NAMES } from '@/domain/dispute';
import type { Question } from '@/domain/question';
import { api } from '../server/api-client';
import { DisputeReplies, SendDispute } from '../server/dispute-form';
import type { StudentDispute } from '../server/dispute-responses';
import { readSeat } from './live-client';
import { fileLiveDispute, useDisputesVersion, useWaitingDisputes } from './live-dispute-queue';

/** While one of them is still open, the player's disputes are read again this often. */
const OPEN_DISPUTES_POLL_MS = 30_000;

/**
 * The player's own disputes in this session, with their status and the teacher's reply, read with
 * the seat's rejoin token. Asked for only once this device has filed one, again after each one
 * filed, at each new `moment` of the session (a question, a reveal, the end: a teacher often
 * answers between two), and every half minute while one is still open.
 */
export function useOwnLiveDisputes(sessionId: string, moment: string): StudentDispute[] {
  const version = useDisputesVersion();
  const [disputes, setDisputes] = useState<StudentDispute[]>([]);
  useEffect(() => {
    const seat = readSeat();
    if (seat?.sessionId !== sessionId || !seat.hasDisputes) return;
    let isGone = false;
    let timer: number | undefined;
    const load = async () => {
      const read = await api.liveDisputes(sessionId, seat.token);
      if (isGone || !read.ok) return;
      setDisputes(read.data);
      if (read.data.some((dispute) => dispute.status === 'open')) {
        timer = window.setTimeout(() => void load(), OPEN_DISPUTES_POLL_MS);
      }
    };
    void load();
    return () => {
      isGone = true;
      window.clearTimeout(timer);
    };
  }, [sessionId, version, moment]);
  return disputes;
}

type Props = {
  sessionId: string;
  index: number;
  question: Question;
  /** The player's disputes on this question, as the server has them. */
  disputes: readonly StudentDispute[];
};

/**
 * "Dispute this question" beside a live player's feedback, once revealed, with the replies to those
 * already filed. The seat's rejoin token, the device's proof of which player it is, goes with the
 * dispute; without that seat nothing shows. With no network the dispute waits on the device.
 */
export function LiveDispute({ sessionId, index, question, disputes }: Props) {
  const isWaiting = useWaitingDisputes(sessionId).some((pending) => pending.index === index);
  if (readSeat()?.sessionId !== sessionId) return null;
  return (
    <>
      <DisputeReplies disputes={disputes} />
      <SendDispute
        index={index}
        question={question}
        isWaiting={isWaiting}
        file={(input) => fileLiveDispute(sessionId, input)}
      />
    </>
  );
}

/** At the end of the session: every dispute the player filed, its status and the teacher's reply. */
export function LiveDisputeList({
  sessionId,
  disputes,
}: {
  sessionId: string;
  disputes: readonly StudentDispute[];
}) {
  const waiting = useWaitingDisputes(sessionId);
  if (disputes.length === 0 && waiting.length === 0) return null;
  return (
    <section aria-labelledby="live-disputes-title">
      <h2 id="live-disputes-title">Your disputes</h2>
      <ul className="dispute__replies">
        {disputes.map((dispute) => (
          <li key={dispute.id}>
            Question {dispute.index + 1} ({DISPUTE_KIND_NAMES[dispute.kind].toLowerCase()}):{' '}
            {dispute.status === 'open'
              ? 'waiting for your teacher.'
              : `${dispute.status === 'accepted' ? 'accepted' : 'not accepted'}. “${dispute.reply ?? ''}”`}
          </li>
        ))}
        {waiting.map((dispute) => (
          <li key={dispute.disputeId}>
            Question {dispute.index + 1} ({DISPUTE_KIND_NAMES[dispute.kind].toLowerCase()}): saved on this
            device, sent to your teacher when the connection is back.
          </li>
        ))}
      </ul>
    </section>
  );
}
