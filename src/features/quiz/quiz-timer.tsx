import { useEffect, useState } from 'react';
import type { QuizTimer as Timer } from '@/stores/quiz-store';

type Props = { timer: Timer; onExpire: () => void; onExtend: () => void; onTurnOff: () => void };

function clock(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * A visible countdown that the learner can extend or switch off (WCAG 2.2.1). Screen readers hear
 * only the one-minute warning, not every second.
 */
export function QuizTimer({ timer, onExpire, onExtend, onTurnOff }: Props) {
  const [now, setNow] = useState(() => Date.now());
  const left = timer.deadline - now;

  useEffect(() => {
    if (timer.isOff) return;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [timer.isOff]);

  useEffect(() => {
    if (!timer.isOff && left <= 0) onExpire();
  }, [left, timer.isOff, onExpire]);

  if (timer.isOff) return null;
  return (
    <div className="quiz-timer">
      <span>
        Time left: <strong className="quiz-timer__clock">{clock(left)}</strong>
      </span>
      <button type="button" className="button button--secondary button--small" onClick={onExtend}>
        Add 5 minutes
      </button>
      <button type="button" className="button button--secondary button--small" onClick={onTurnOff}>
        Turn off the timer
      </button>
      <span className="visually-hidden" role="status">
        {left <= 60_000 && left > 0 ? 'One minute left. You can add time or turn the timer off.' : ''}
      </span>
    </div>
  );
}
