import { useEffect, useState } from 'react';

type Props = { endsAt: number; onTimeUp: () => void };

function clock(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * The time left on a timed server attempt. The server enforces the limit, so unlike the practice
 * timer it cannot be extended; the clock can be hidden for anyone it distracts or worries (WCAG
 * 2.2.1 asks for a way to turn timing off where possible; here only its display can go). Screen
 * readers hear the one-minute warning and the time-up, politely, not every second.
 */
export function AttemptCountdown({ endsAt, onTimeUp }: Props) {
  const [now, setNow] = useState(() => Date.now());
  const [isHidden, setIsHidden] = useState(false);
  const left = endsAt - now;
  const isOver = left <= 0;

  useEffect(() => {
    if (isOver) return undefined;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [isOver]);

  // `onTimeUp` should keep its identity (useCallback), so it runs once when time is up.
  useEffect(() => {
    if (isOver) onTimeUp();
  }, [isOver, onTimeUp]);

  return (
    <div className="quiz-timer">
      {!isHidden && (
        <span>
          Time left: <strong className="quiz-timer__clock">{clock(left)}</strong>
        </span>
      )}
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => setIsHidden(!isHidden)}
      >
        {isHidden ? 'Show the timer' : 'Hide the timer'}
      </button>
      <span className="visually-hidden" role="status">
        {isOver
          ? 'Time is up. The answers the server received before now count.'
          : left <= 60_000
            ? 'One minute left.'
            : ''}
      </span>
    </div>
  );
}
