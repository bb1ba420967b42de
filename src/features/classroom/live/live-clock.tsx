import { useEffect, useState } from 'react';

export type LiveCountdownView = { remainingMs: number; paused: boolean };

function clock(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** What a screen reader hears: only at the moments that matter, never each second. */
function announcement(left: number, isPaused: boolean): string {
  if (isPaused) return 'The countdown is paused.';
  if (left <= 0) return 'Time is up for this question.';
  if (left <= 10_000) return 'Ten seconds left.';
  if (left <= 60_000) return 'One minute left.';
  return '';
}

type Props = { countdown: LiveCountdownView; className?: string };

/**
 * The countdown of a live question, ticking on every device from the time the server said was left
 * when it sent the view (give the component a new key with each view). The server keeps the real
 * clock: pausing and extending come back as a new view.
 */
export function LiveClock({ countdown, className = 'live-clock' }: Props) {
  const [endsAt] = useState(() => Date.now() + countdown.remainingMs);
  const [now, setNow] = useState(() => Date.now());
  const left = countdown.paused ? countdown.remainingMs : endsAt - now;
  const isOver = left <= 0;

  useEffect(() => {
    if (countdown.paused || isOver) return undefined;
    const tick = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(tick);
  }, [countdown.paused, isOver]);

  return (
    <div className={`${className}${isOver ? ` ${className}--over` : ''}`}>
      {/* Readable on demand; only the status below is live, so the seconds are not read out. */}
      <span>
        {isOver ? 'Time is up' : countdown.paused ? `Paused at ${clock(left)}` : `${clock(left)} left`}
      </span>
      <span className="visually-hidden" role="status">
        {announcement(left, countdown.paused)}
      </span>
    </div>
  );
}
