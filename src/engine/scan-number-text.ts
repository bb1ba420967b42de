/**
 * Lexing for `parse-number.ts`: where the number is in an answer, and what words surround it.
 * Scanned by hand, character by character: grading a numeric answer is mostly this scan, and the
 * regular expressions it replaces cost several times more.
 */

const LETTER = /\p{L}/u;
const SPACE = /\s/;

function isDigitAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 48 && code <= 57;
}

function isMarkAt(text: string, index: number): boolean {
  const char = text.charAt(index);
  return char === '.' || char === ',';
}

function isSpace(char: string): boolean {
  if (char === ' ' || char === '\t' || char === '\n' || char === '\r') return true;
  return char > '\x7f' && SPACE.test(char);
}

function isLetter(char: string): boolean {
  return (char >= 'a' && char <= 'z') || (char > '\x7f' && LETTER.test(char));
}

export type Span = { start: number; end: number };

/**
 * The next number at or after `from`: an optional sign, an optional leading decimal mark, then
 * digits joined by ".", ",", "'" or "’". A space joins two digit groups only when exactly three
 * digits follow ("1 100"), so "46 35" is two numbers. A number never starts right after a digit
 * or a mark. The span includes any separators trailing the number ("4,000." ends after the dot).
 */
export function findNumberSpan(text: string, from = 0): Span | null {
  for (let start = from; start < text.length; start += 1) {
    if (start > 0 && (isDigitAt(text, start - 1) || isMarkAt(text, start - 1))) continue;
    let index = start;
    if (text.charAt(index) === '-' || text.charAt(index) === '+') index += 1;
    if (isMarkAt(text, index) && isDigitAt(text, index + 1)) index += 1;
    if (!isDigitAt(text, index)) continue;
    let end = index + 1;
    while (end < text.length) {
      const char = text.charAt(end);
      const joinsGroup =
        isSpace(char) &&
        isDigitAt(text, end + 1) &&
        isDigitAt(text, end + 2) &&
        isDigitAt(text, end + 3) &&
        !isDigitAt(text, end + 4);
      if (!(isDigitAt(text, end) || isMarkAt(text, end) || char === "'" || char === '’' || joinsGroup)) break;
      end += 1;
    }
    return { start, end };
  }
  return null;
}

/** The number in a span, without the separators that may trail it. */
export function numberIn(text: string, span: Span): string {
  let end = span.end;
  while (end > span.start && !isDigitAt(text, end - 1)) end -= 1;
  return text.slice(span.start, end);
}

/** Runs of letters, and every other non-space character on its own ("us$" is "us" and "$"). */
export function wordsOf(text: string): string[] {
  const words: string[] = [];
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    // A character outside the Basic Multilingual Plane takes two UTF-16 units.
    let end = index + (code >= 0xd800 && code <= 0xdbff ? 2 : 1);
    const char = text.slice(index, end);
    if (isLetter(char)) {
      while (end < text.length && isLetter(text.charAt(end))) end += 1;
      words.push(text.slice(index, end));
    } else if (!isSpace(char)) {
      words.push(char);
    }
    index = end;
  }
  return words;
}
