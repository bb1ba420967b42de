import { useEffect, useRef, useState } from 'react';
import { useHydrated } from '@/hooks/use-hydrated';

type Props = {
  /** The button's words: "Delete this class…". */
  label: string;
  /** What goes with it, said before anything is deleted. */
  warning: string;
  onConfirm: () => Promise<string | null>;
};

/**
 * Deleting in two steps: the first button only asks, the second deletes. Focus moves to the question
 * so keyboard and screen reader users meet it; a refusal from the server is shown, nothing else lost.
 */
export function ConfirmDelete({ label, warning, onConfirm }: Props) {
  const [isAsking, setIsAsking] = useState(false);
  const [problem, setProblem] = useState('');
  const question = useRef<HTMLParagraphElement>(null);
  // In a page the server rendered, until the app runs.
  const canAsk = useHydrated();
  useEffect(() => {
    if (isAsking) question.current?.focus();
  }, [isAsking]);

  if (!isAsking) {
    return (
      <button
        type="button"
        className="button button--secondary"
        disabled={!canAsk}
        onClick={() => setIsAsking(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <div className="notice notice--error" role="group" aria-label={label}>
      <p ref={question} tabIndex={-1}>
        {warning}
      </p>
      <button
        type="button"
        className="button"
        onClick={() => void onConfirm().then((refused) => setProblem(refused ?? ''))}
      >
        Yes, delete
      </button>{' '}
      <button type="button" className="button button--secondary" onClick={() => setIsAsking(false)}>
        Keep it
      </button>
      <p role="alert">{problem}</p>
    </div>
  );
}
