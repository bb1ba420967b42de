// Browsers drop tab, newline and carriage return from URLs (WHATWG URL parser), so "/%09/evil.example"
// becomes "//evil.example" once decoded and opened in a new tab: strip every control character first.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;

/** Percent-decoding that never throws: a malformed `%` leaves the text as it was. */
function decodeOnce(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * A `back` link parameter, accepted only as a path inside this app: a tampered link cannot send the
 * learner to another site ("//evil.example", "https:…", "javascript:…", "/%09/evil.example"). The
 * check runs on the value both as given and decoded, after removing control characters, and what is
 * returned is the cleaned value, so what was checked is what the link points to.
 */
export function safeBackPath(value: string | null): string | undefined {
  if (!value || value.length > 2000) return undefined;
  const cleaned = value.replace(CONTROL_CHARACTERS, '');
  const decoded = decodeOnce(cleaned).replace(CONTROL_CHARACTERS, '');
  for (const form of [cleaned, decoded]) {
    if (!form.startsWith('/') || form.startsWith('//') || form.includes('\\')) return undefined;
  }
  // The path part must also survive the URL parser as a same-origin path.
  const base = 'https://app.invalid';
  let parsed: URL;
  try {
    parsed = new URL(cleaned, base);
  } catch {
    return undefined;
  }
  return parsed.origin === base ? cleaned : undefined;
}
