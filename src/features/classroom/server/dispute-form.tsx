import { useState } from 'react';
import { DISPUTE_KIND_NAMES } from '@/domain/dispute';
import type { Question } from '@/domain/question';
import { DisputeForm, type CheckedDispute } from '@/components/dispute-form';
import { fileDispute } from './attempt-sync';
import type { DisputeInput, StudentDispute } from './dispute-responses';
import { useStudentAttemptStore } from './student-attempt-store';

type Props = { assignmentId: string; index: number; question: Question };

/**
 * "Dispute this question" beside a feedback of a server assignment: sent to the teacher, or kept
 * on the device while there is no network and sent when it is back.
 */
export function DisputeQuestion({ assignmentId, index, question }: Props) {
  const isWaiting = useStudentAttemptStore((state) =>
    (state.attempts[assignmentId]?.pendingDisputes ?? []).some((pending) => pending.index === index),
  );
  return (
    <SendDispute
      index={index}
      question={question}
      isWaiting={isWaiting}
      file={(input) => fileDispute(assignmentId, input)}
    />
  );
}

type SendProps = {
  index: number;
  question: Question;
  /** Where the dispute goes: an attempt's route, or a live session's with the player's token. */
  file: (input: DisputeInput) => Promise<{ ok: true } | { ok: false; message: string }>;
  /** A dispute on this question waits on the device for the network. */
  isWaiting?: boolean;
};

/** "Dispute this question", sent to the teacher through `file`; says so once it is there. */
export function SendDispute({ index, question, file, isWaiting = false }: SendProps) {
  const [isOpen, setIsOpen] = useState(false);
  const [isFiled, setIsFiled] = useState(false);
  if (isWaiting) {
    return (
      <p className="notice dispute__sent" role="status">
        Your dispute is saved on this device: it goes to your teacher by itself when the connection is back.
      </p>
    );
  }
  if (isFiled) {
    return (
      <p className="notice dispute__sent" role="status">
        Your dispute is with your teacher. Their reply appears here.
      </p>
    );
  }
  if (!isOpen) {
    return (
      <button
        type="button"
        className="button button--secondary dispute__open"
        onClick={() => setIsOpen(true)}
      >
        Dispute this question
      </button>
    );
  }
  async function send({ kind, note, selection }: CheckedDispute): Promise<string | null> {
    const evidence = selection && {
      source: selection.source,
      passage: selection.passage,
      start: selection.start,
      end: selection.end,
    };
    const result = await file({ index, kind, message: note, selection: evidence });
    if (!result.ok) return result.message;
    setIsFiled(true);
    return null;
  }
  return (
    <DisputeForm
      question={question}
      sendLabel="Send to my teacher"
      onSend={send}
      onCancel={() => setIsOpen(false)}
    />
  );
}

/** The learner's disputes on one question, with their status and the teacher's reply. */
export function DisputeReplies({ disputes }: { disputes: readonly StudentDispute[] }) {
  if (disputes.length === 0) return null;
  return (
    <ul className="dispute__replies">
      {disputes.map((dispute) => (
        <li key={dispute.id}>
          Your dispute ({DISPUTE_KIND_NAMES[dispute.kind].toLowerCase()}):{' '}
          {dispute.status === 'open'
            ? 'waiting for your teacher.'
            : `${dispute.status === 'accepted' ? 'accepted' : 'not accepted'}. “${dispute.reply ?? ''}”`}
        </li>
      ))}
    </ul>
  );
}
