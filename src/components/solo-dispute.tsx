import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { LearnerResponse } from '@/domain/learner-response';
import type { Question } from '@/domain/question';
import { questionKeyOf } from '@/engine/history';
import { paths } from '@/navigation/paths';
import type { useSoloDisputeStore } from '@/stores/solo-dispute-store';
import { DisputeForm, type CheckedDispute } from './dispute-form';

type Props = {
  /** The question exactly as it was asked: its version is what the authors need. */
  question: Question;
  response: LearnerResponse | null;
  /** The response as the feedback shows it. */
  given: string;
};

/**
 * "Dispute this question" in solo practice and review: there is no server, so the dispute is kept on
 * this device (and in its backups) until the learner exports it for the bank's authors.
 */
export function SoloDisputeQuestion({ question, response, given }: Props) {
  const [state, setState] = useState<'closed' | 'open' | 'filed'>('closed');
  const openButton = useRef<HTMLButtonElement>(null);
  const filedNote = useRef<HTMLParagraphElement>(null);
  const wasOpen = useRef(false);

  useEffect(() => {
    if (state === 'filed') filedNote.current?.focus();
    // Back where the learner was once the form closes without filing.
    if (state === 'closed' && wasOpen.current) openButton.current?.focus();
    wasOpen.current = state === 'open';
  }, [state]);

  async function save({ kind, note, selection }: CheckedDispute): Promise<string | null> {
    const filedAt = Date.now();
    // Loaded when a dispute is saved: the saved disputes (and zod, which checks them) stay off the
    // quiz's first paint, where this button shows.
    let store: typeof useSoloDisputeStore;
    try {
      store = (await import('@/stores/solo-dispute-store')).useSoloDisputeStore;
    } catch {
      return 'The dispute could not be saved: part of the app did not load. Reload the page and try again; what you wrote is still here.';
    }
    const asked = questionKeyOf(question);
    const filed = store.getState().disputeFiled({
      id: `${asked}/${filedAt.toString(36)}`,
      questionId: question.id,
      bank: question.bank,
      asked,
      prompt: question.prompt,
      response,
      given,
      kind,
      note,
      selection,
      filedAt,
    });
    if (!filed.ok) return filed.problem;
    setState('filed');
    return null;
  }

  if (state === 'filed') {
    return (
      <p className="notice dispute__sent" role="status" ref={filedNote} tabIndex={-1}>
        Your dispute is saved on this device. <Link to={paths.myDisputes()}>My disputes</Link> lists it, to
        send to the bank’s authors.
      </p>
    );
  }
  if (state === 'closed') {
    return (
      <button
        ref={openButton}
        type="button"
        className="button button--secondary dispute__open"
        onClick={() => setState('open')}
      >
        Dispute this question
      </button>
    );
  }
  return (
    <DisputeForm
      question={question}
      sendLabel="Save on this device"
      onSend={save}
      onCancel={() => setState('closed')}
    />
  );
}
