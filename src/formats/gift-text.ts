import { normalizeNewlines } from './cite';
import { decimalText } from './number-text';

/**
 * Escapes text for GIFT the way Moodle's own exporter does: a backslash before \ ~ = # { } : and
 * a line break written as `\n`, so that every question stays on its own lines.
 */
export function escapeGift(text: string): string {
  return normalizeNewlines(text)
    .replace(/[\\~=#{}:]/g, (char) => `\\${char}`)
    .replace(/\n/g, '\\n');
}

const FORMAT_MARKER = /^\s*\[(html|markdown|plain|moodle)\]/;

/**
 * Escaped text. GIFT has no escape for a leading `%` (read as a weight) or `[html]` (read as a text
 * format), so such text is preceded by `[moodle]`, the default format, which both Moodle and
 * gift-pegjs strip before reading the text.
 */
function giftText(text: string): string {
  const escaped = escapeGift(text);
  return text.startsWith('%') || FORMAT_MARKER.test(text) ? `[moodle]${escaped}` : escaped;
}

/** `<`, `>` and `&` as entities: Moodle shows its default text format as HTML, and our text is never HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Rich text (a prompt, a choice, feedback): shown by Moodle as HTML, so HTML characters are escaped too. */
export function giftRichText(text: string): string {
  return giftText(escapeHtml(text));
}

/** A short answer Moodle compares with what the learner types, where `*` is a wildcard unless escaped. */
export function giftShortAnswer(text: string): string {
  return giftText(text.replace(/\*/g, '\\*'));
}

/** A number GIFT's grammar accepts: optional sign, digits, optional decimals, no exponent. */
export function giftNumber(value: number): string {
  return decimalText(value);
}

/** A weight with at most five decimals, as Moodle lists them (33.33333, 16.66667). */
export function giftWeight(percent: number): string {
  return decimalText(Number(percent.toFixed(5)));
}
