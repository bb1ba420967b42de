import { IGNORED_WORDS, PERCENT_WORDS, SCALE_EXPONENTS } from './number-words';
import { findNumberSpan, numberIn, wordsOf } from './scan-number-text';

export type ParsedNumber = { ok: true; value: number } | { ok: false; reason: string };

const REASONS = {
  noNumber: 'Type a number, such as 46.35.',
  severalNumbers: 'Type one number only, not a range or a list.',
  separators: 'Check the separators: write thousands as 4,000 or 4 000 and decimals as 46.35 or 46,35.',
  severalScales: 'Use one scale word at most, such as "million".',
  tooLarge: 'That number is too large to read.',
} as const;

type Unit = { exponent: number; isPercent: boolean; words: ReadonlySet<string> };

function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : word;
}

function readUnit(unit: string): Unit {
  const words = wordsOf(unit.normalize('NFKC').toLowerCase());
  const scale = words.find((word) => word.length > 1 && SCALE_EXPONENTS.has(word));
  return {
    exponent: (scale && SCALE_EXPONENTS.get(scale)) || 0,
    isPercent: words.some((word) => PERCENT_WORDS.has(word)),
    words: new Set(words.map(singular)),
  };
}

// A bank has a handful of units; reading each once keeps grading fast. Bounded, and invisible to callers.
const readUnits = new Map<string, Unit>();
function cachedUnit(unit: string): Unit {
  let read = readUnits.get(unit);
  if (!read) {
    if (readUnits.size >= 256) readUnits.clear();
    read = readUnit(unit);
    readUnits.set(unit, read);
  }
  return read;
}

/** Lower case, with full-width digits, odd spaces and minus signs made plain. */
function clean(text: string): string {
  // NFKC only for what it changes that matters here (odd spaces, dashes, full-width forms): it costs
  // more than the rest of the parse, and a currency sign alone does not need it.
  const plain = /[\u00a0\u2000-\u206f\u2212\u3000\uff00-\uffef]/.test(text)
    ? text.normalize('NFKC').replace(/[\u2212\u2012\u2013]/g, '-')
    : text;
  return plain.toLowerCase().trim();
}

/**
 * The digits of one number token as a plain decimal string ("-1234.5"), or null when its separators
 * cannot be read. `isThousands` settles the one ambiguous case, a single "," or "." with three digits after.
 */
function readDigits(token: string, isThousands: boolean): string | null {
  const sign = token.startsWith('-') ? '-' : '';
  const groups: string[] = [];
  let groupStart = token.startsWith('-') || token.startsWith('+') ? 1 : 0;
  let separatorCount = 0;
  let dots = 0;
  let commas = 0;
  let last = '';
  for (let index = groupStart; index < token.length; index += 1) {
    const code = token.charCodeAt(index);
    if (code < 48 || code > 57) {
      groups.push(token.slice(groupStart, index));
      last = token.charAt(index);
      separatorCount += 1;
      if (last === '.') dots += 1;
      if (last === ',') commas += 1;
      groupStart = index + 1;
    }
  }
  const lastGroup = token.slice(groupStart);
  if (separatorCount === 0) return sign + lastGroup;
  groups.push(lastGroup);

  let hasDecimal = false;
  if (dots > 0 && commas > 0) {
    // Both kinds, as in 1,234.5 or 1.234,5: the last separator is the decimal mark, and used once.
    if ((last === '.' ? dots : last === ',' ? commas : 0) !== 1) return null;
    hasDecimal = true;
  } else if (dots + commas === 1 && (last === '.' || last === ',')) {
    const firstGroup = groups[0] ?? '';
    const cannotBeThousands = separatorCount > 1 || firstGroup.length > 3 || /^0*$/.test(firstGroup);
    hasDecimal = lastGroup.length !== 3 || cannotBeThousands || !isThousands;
  }

  // Before the decimal mark: a first group of 1 to 3 digits, then groups of exactly 3. A lone
  // group may be any length, or empty before a decimal mark (".5").
  const wholeCount = hasDecimal ? groups.length - 1 : groups.length;
  let digits = '';
  for (let index = 0; index < wholeCount; index += 1) {
    const group = groups[index] ?? '';
    const isValid =
      index > 0
        ? group.length === 3
        : wholeCount > 1
          ? group.length >= 1 && group.length <= 3
          : group.length > 0 || hasDecimal;
    if (!isValid) return null;
    digits += group;
  }
  return `${sign}${digits || '0'}${hasDecimal ? `.${lastGroup}` : ''}`;
}

function powerOfTen(value: number, exponent: number): number {
  // Dividing by an exact power of ten keeps 1100 / 1000 at exactly 1.1, where 1100 * 0.001 would not.
  return exponent >= 0 ? value * 10 ** exponent : value / 10 ** -exponent;
}

/** The scale word the learner typed (as a power of ten), null for none, or why the words cannot be read. */
function readTypedScale(rest: string, expected: Unit): number | null | string {
  let typedExponent: number | null = null;
  for (const word of wordsOf(rest)) {
    const exponent = SCALE_EXPONENTS.get(word);
    if (exponent !== undefined) {
      if (typedExponent !== null) return REASONS.severalScales;
      typedExponent = exponent;
    } else if (!IGNORED_WORDS.has(word) && !PERCENT_WORDS.has(word) && !expected.words.has(singular(word))) {
      return `Type only the number and its unit: "${word}" is not something we can read.`;
    }
  }
  return typedExponent;
}

/**
 * Reads a number as a learner types it, in the question's unit (e.g. "EUR billion", "%", "students"):
 * decimal comma or point, thousands separators, currency signs, and scale words that convert
 * ("1 100 million" is 1.1 when the unit is in billions). Never throws. Rules: docs/grading.md.
 */
export function parseNumber(text: string, unit = ''): ParsedNumber {
  if (typeof text !== 'string') return { ok: false, reason: REASONS.noNumber };
  const cleaned = clean(text);
  const span = findNumberSpan(cleaned);
  if (!span) return { ok: false, reason: REASONS.noNumber };
  if (findNumberSpan(cleaned, span.end)) return { ok: false, reason: REASONS.severalNumbers };
  const token = numberIn(cleaned, span);
  const rest = `${cleaned.slice(0, span.start)} ${cleaned.slice(span.end)}`;

  const expected = cachedUnit(unit);
  const typedExponent = readTypedScale(rest, expected);
  if (typeof typedExponent === 'string') return { ok: false, reason: typedExponent };

  const exponent = typedExponent ?? expected.exponent;
  // A learner writing in a smaller scale than the unit, or counting things, writes thousands separators.
  const isThousands = exponent < expected.exponent || (expected.exponent === 0 && !expected.isPercent);
  const digits = readDigits(token, isThousands);
  if (digits === null) return { ok: false, reason: REASONS.separators };
  const number = Number(digits);
  if (!Number.isFinite(number)) return { ok: false, reason: REASONS.tooLarge };

  // "€46,350,000" for a unit in millions is a full amount: no answer is a million millions.
  if (typedExponent === null && expected.exponent >= 6 && Math.abs(number) >= 10 ** expected.exponent) {
    return { ok: true, value: powerOfTen(number, -expected.exponent) };
  }
  return { ok: true, value: powerOfTen(number, exponent - expected.exponent) };
}
