/** The learner's local calendar day of a time, as "YYYY-MM-DD": what "today" and a streak count in. */
export function localDay(at: number): string {
  const date = new Date(at);
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

/** The last millisecond of the learner's local day that `at` falls in: "due today" means due by then. */
export function endOfLocalDay(at: number): number {
  const date = new Date(at);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1).getTime() - 1;
}

/** Whole local days from the day of `from` to the day of `to` (negative when `to` is earlier). */
export function daysBetween(from: number, to: number): number {
  const start = new Date(from);
  const end = new Date(to);
  // Calendar dates in UTC, so a daylight-saving change never makes a day 23 or 25 hours long.
  const utc = (date: Date) => Date.UTC(date.getFullYear(), date.getMonth(), date.getDate());
  return Math.round((utc(end) - utc(start)) / 86_400_000);
}

// Made at the first date shown, not when the module loads: a browser's first date format costs
// tens of milliseconds on a slow phone, and the history store that imports this shows no date.
let dateFormat: Intl.DateTimeFormat | undefined;

/** "3 Jan 2025", in the learner's time zone. */
export function formatDate(at: number): string {
  dateFormat ??= new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
  return dateFormat.format(new Date(at));
}

/** "today", "tomorrow", "in 3 days", "yesterday", "3 days ago": a due date as a learner thinks of it. */
export function relativeDay(at: number, now: number): string {
  const days = daysBetween(now, at);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}
