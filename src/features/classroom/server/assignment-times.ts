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

export function formatTime(at: number): string {
  return new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A `datetime-local` field's value (local time, no zone) as an ISO instant; empty stays null. */
export function localInputToIso(value: string): string | null | 'invalid' {
  if (!value) return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? 'invalid' : at.toISOString();
}
