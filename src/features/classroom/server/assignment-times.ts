/** When an assignment takes answers, in words: "open", "opens …", "closed …". */
export function whenOpen(
  assignment: { opensAt: string | null; closesAt: string | null },
  now: number = Date.now(),
): string {
  const opens = assignment.opensAt ? Date.parse(assignment.opensAt) : null;
  const closes = assignment.closesAt ? Date.parse(assignment.closesAt) : null;
  if (opens !== null && now < opens) return `opens ${formatTime(opens)}`;
  if (closes !== null && now >= closes) return `closed ${formatTime(closes)}`;
  return closes !== null ? `open until ${formatTime(closes)}` : 'open';
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const twoDigits = (value: number) => String(value).padStart(2, '0');

/**
 * "3 Dec 2026, 14:05", in the device's time zone. Written out rather than asked of `Intl`: a page's
 * first date formatter costs about 70 ms of its first render with the CPU slowed 4× (the teacher's
 * assignment page, which lists a time per student).
 */
export function formatTime(at: number): string {
  const date = new Date(at);
  const day = `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}`;
  return `${day}, ${twoDigits(date.getHours())}:${twoDigits(date.getMinutes())}`;
}

/** A `datetime-local` field's value (local time, no zone) as an ISO instant; empty stays null. */
export function localInputToIso(value: string): string | null | 'invalid' {
  if (!value) return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? 'invalid' : at.toISOString();
}
