import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { attemptPosition, unfinishedAttempts, type QuizAttempt } from '@/engine/quizzes-in-progress';
import { plural } from '@/lib/plural';
import { paths } from '@/navigation/paths';
import { useQuizStore } from '@/stores/quiz-store';

/**
 * Every quiz the learner started and has not finished, to continue or discard. Loaded after the first
 * page (it reads the saved quizzes), and shows nothing when there are none and nothing was discarded.
 */
export function QuizzesInProgress() {
  const headingId = useId();
  const attempts = useQuizStore((state) => state.attempts);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const statusRef = useRef<HTMLParagraphElement>(null);
  const unfinished = unfinishedAttempts(attempts);

  function discard(attempt: QuizAttempt) {
    useQuizStore.getState().attemptDiscarded(attempt.id);
    setConfirming(null);
    setStatus(`Discarded ${attempt.title}. Its answers stay in your history.`);
    // The row and its buttons are gone: focus goes to the message that says so.
    statusRef.current?.focus();
  }

  if (unfinished.length === 0 && !status) return null;
  return (
    <section aria-labelledby={headingId} className="card quizzes-in-progress">
      <h2 id={headingId}>Continue where you left off</h2>
      <p ref={statusRef} role="status" tabIndex={-1}>
        {status}
      </p>
      {unfinished.length > 0 && (
        <ul className="quizzes-in-progress__list">
          {unfinished.map((attempt) => (
            <AttemptRow
              key={attempt.id}
              attempt={attempt}
              isConfirming={confirming === attempt.id}
              onDiscardAsked={() => {
                setStatus('');
                setConfirming(attempt.id);
              }}
              onDiscardConfirmed={() => discard(attempt)}
              onKept={() => setConfirming(null)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

type RowProps = {
  attempt: QuizAttempt;
  isConfirming: boolean;
  onDiscardAsked(): void;
  onDiscardConfirmed(): void;
  onKept(): void;
};

function AttemptRow({ attempt, isConfirming, onDiscardAsked, onDiscardConfirmed, onKept }: RowProps) {
  const questionId = useId();
  const keepButton = useRef<HTMLButtonElement>(null);
  const discardButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  const { question, of, answered } = attemptPosition(attempt.session);

  // Focus follows the question: onto "Keep it" when asked, back onto "Discard…" when kept.
  useEffect(() => {
    if (isConfirming) keepButton.current?.focus();
    else if (wasConfirming.current) discardButton.current?.focus();
    wasConfirming.current = isConfirming;
  }, [isConfirming]);

  return (
    <li className="quizzes-in-progress__item">
      <p className="quizzes-in-progress__title">{attempt.title}</p>
      <p className="card__meta">
        Question {question} of {of} · {plural(answered, 'answer')} given
      </p>
      {isConfirming ? (
        <div role="group" aria-labelledby={questionId} className="quizzes-in-progress__actions">
          <p id={questionId}>
            Discard this quiz? It cannot be continued afterwards; the answers you gave stay in your history.
          </p>
          <button type="button" className="button" onClick={onDiscardConfirmed}>
            Discard quiz
          </button>
          <button ref={keepButton} type="button" className="button button--secondary" onClick={onKept}>
            Keep it
          </button>
        </div>
      ) : (
        <p className="quizzes-in-progress__actions">
          <Link
            className="button"
            to={paths.quizPlay(new URLSearchParams(attempt.key))}
            aria-label={`Continue ${attempt.title}, question ${question} of ${of}`}
          >
            Continue
          </Link>
          <button
            ref={discardButton}
            type="button"
            className="button button--secondary"
            onClick={onDiscardAsked}
            aria-label={`Discard ${attempt.title}…`}
          >
            Discard…
          </button>
        </p>
      )}
    </li>
  );
}
