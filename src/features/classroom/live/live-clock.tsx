import { useEffect, useState } from 'react';

/** A countdown as a view brought it: the time left then, and when that time runs out on this device's clock. */
export type LiveCountdownView = { remainingMs: number; paused: boolean; endsAt: number };

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

/**
 * The time left on a countdown on this device's clock, kept current while it runs (null without
 * one): the clock shows it, and the question's form closes when it runs out.
 */
export function useTimeLeft(countdown: LiveCountdownView | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  const left = countdown === null ? null : countdown.paused ? countdown.remainingMs : countdown.endsAt - now;
  const isTicking = countdown !== null && !countdown.paused && left !== null && left > 0;

  useEffect(() => {
    if (!isTicking) return undefined;
    // At once, then four times a second: a clock resumed after a pause starts from the right time.
    const first = setTimeout(() => setNow(Date.now()), 0);
    const tick = setInterval(() => setNow(Date.now()), 250);
    return () => {
      clearTimeout(first);
      clearInterval(tick);
    };
  }, [isTicking, countdown?.endsAt]);
  return left;
}

type Props = { countdown: LiveCountdownView; className?: string };

/**
 * The countdown of a live question, ticking on every device. The server keeps the real clock: each
 * view says how much time was left when it was sent, and pausing or extending comes as a new view.
 * The status stays in place from view to view, so a screen reader hears each message once.
 */
export function LiveClock({ countdown, className = 'live-clock' }: Props) {
  const left = useTimeLeft(countdown) ?? 0;
  const isOver = left <= 0;

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
