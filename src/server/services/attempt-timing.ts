/** Answers sent this long after the deadline still count: the request left before time was up. */
export const GRACE_MS = 10_000;

type Timed = { deadlineAt: Date | null; submittedAt: Date | null };

/** When the attempt must end: its own time limit or the assignment's closing, whichever is first. */
export function endOf(attempt: Timed, closesAt: Date | null): Date | null {
  const ends = [attempt.deadlineAt, closesAt].filter((end): end is Date => end !== null);
  return ends.length === 0 ? null : new Date(Math.min(...ends.map((end) => end.getTime())));
}

/** When the attempt finished (submitted, or ran out of time), or null while it is going on. */
export function finishedAt(attempt: Timed, closesAt: Date | null, now: Date): Date | null {
  const end = endOf(attempt, closesAt);
  if (attempt.submittedAt && (!end || attempt.submittedAt <= end)) return attempt.submittedAt;
  if (end && (attempt.submittedAt || now.getTime() >= end.getTime() + GRACE_MS)) return end;
  return attempt.submittedAt;
}
