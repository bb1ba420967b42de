/**
 * The code a link carries after `#`, decoded defensively: a malformed `%` sequence ("#%", "#%E0%A4")
 * is kept as typed instead of throwing, so the page can say the code is wrong rather than crash.
 */
export function readHashCode(hash: string): string {
  const raw = hash.replace(/^#/, '');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
