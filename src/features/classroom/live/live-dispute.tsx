import type { Question } from '@/domain/question';
import { api } from '../server/api-client';
import { SendDispute } from '../server/dispute-form';
import { readSeat } from './live-client';

type Props = { sessionId: string; index: number; question: Question };

/**
 * "Dispute this question" beside a live player's feedback, once revealed. The seat's rejoin token,
 * the device's proof of which player it is, goes with the dispute; without that seat nothing shows.
 */
export function LiveDispute({ sessionId, index, question }: Props) {
  const seat = readSeat();
  if (!seat || seat.sessionId !== sessionId) return null;
  const { token } = seat;
  return (
    <SendDispute
      index={index}
      question={question}
      file={(input) => api.fileLiveDispute(sessionId, token, input)}
    />
  );
}
