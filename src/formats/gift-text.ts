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
 * Escaped rich text (a prompt, a choice, feedback). GIFT has no escape for a leading `%` (read as a
 * weight) or `[html]` (read as a text format), so such text is preceded by `[moodle]`, the default
 * format, which both Moodle and gift-pegjs strip before reading the text.
 */
export function giftRichText(text: string): string {
  const escaped = escapeGift(text);
  return text.startsWith('%') || FORMAT_MARKER.test(text) ? `[moodle]${escaped}` : escaped;
}

/** A number GIFT's grammar accepts: optional sign, digits, optional decimals, no exponent. */
export function giftNumber(value: number): string {
  return decimalText(value);
}

/** A weight with at most five decimals, as Moodle lists them (33.33333, 16.66667). */
export function giftWeight(percent: number): string {
  return decimalText(Number(percent.toFixed(5)));
}
