import { IGNORED_WORDS, PERCENT_WORDS, SCALE_EXPONENTS } from './number-words';

export type ParsedNumber = { ok: true; value: number } | { ok: false; reason: string };

const REASONS = {
  noNumber: 'Type a number, such as 46.35.',
  severalNumbers: 'Type one number only, not a range or a list.',
  separators: 'Check the separators: write thousands as 4,000 or 4 000 and decimals as 46.35 or 46,35.',
  severalScales: 'Use one scale word at most, such as "million".',
  tooLarge: 'That number is too large to read.',
} as const;

// A number: optional sign, optional leading decimal mark, digits with separators. A space joins two
// digit groups only when exactly three digits follow ("1 100"), so "46 35" stays two numbers.
const NUMBER_PATTERN = /(?<![\p{N}.,])[-+]?(?:[.,](?=\d))?\d(?:[\d.,'’]|\s(?=\d{3}(?!\d)))*/gu;
const WORD_PATTERN = /\p{L}+|[^\p{L}\s]/gu;

type Unit = { exponent: number; isPercent: boolean; words: ReadonlySet<string> };

function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : word;
}

function readUnit(unit: string): Unit {
  const words = [...unit.normalize('NFKC').toLowerCase().matchAll(WORD_PATTERN)].map(([word]) => word);
  const scale = words.find((word) => word.length > 1 && SCALE_EXPONENTS.has(word));
  return {
    exponent: (scale && SCALE_EXPONENTS.get(scale)) || 0,
    isPercent: words.some((word) => PERCENT_WORDS.has(word)),
    words: new Set(words.map(singular)),
  };
}

/**
 * The digits of one number token as a plain decimal string ("-1234.5"), or null when its separators
 * cannot be read. `isThousands` settles the one ambiguous case, a single "," or "." with three digits after.
 */
function readDigits(token: string, isThousands: boolean): string | null {
  const sign = token.startsWith('-') ? '-' : '';
  const body = token.replace(/^[-+]/, '');
  const groups = body.split(/[.,'’\s]/);
  const separators = body.replace(/\d/g, '').split('');
  if (separators.length === 0) return sign + body;

  const last = separators[separators.length - 1] ?? '';
  const lastGroup = groups[groups.length - 1] ?? '';
  const marks: string[] = separators.filter((separator) => separator === '.' || separator === ',');
  let hasDecimal = false;
  if (new Set(marks).size === 2) {
    // Both kinds, as in 1,234.5 or 1.234,5: the last one, used once and last of all, is the decimal mark.
    if (marks.indexOf(last) !== marks.length - 1) return null;
    hasDecimal = true;
  } else if (marks.length === 1 && marks[0] === last) {
    const firstGroup = groups[0] ?? '';
    const cannotBeThousands = separators.length > 1 || firstGroup.length > 3 || /^0*$/.test(firstGroup);
    hasDecimal = lastGroup.length !== 3 || cannotBeThousands || !isThousands;
  }

  const whole = hasDecimal ? groups.slice(0, -1) : groups;
  const [first = '', ...rest] = whole;
  const isFirstGroupValid =
    whole.length === 1 ? first.length > 0 || hasDecimal : first.length >= 1 && first.length <= 3;
  if (!isFirstGroupValid || rest.some((group) => group.length !== 3)) return null;
  return `${sign}${whole.join('') || '0'}${hasDecimal ? `.${lastGroup}` : ''}`;
}

function powerOfTen(value: number, exponent: number): number {
  // Dividing by an exact power of ten keeps 1100 / 1000 at exactly 1.1, where 1100 * 0.001 would not.
  return exponent >= 0 ? value * 10 ** exponent : value / 10 ** -exponent;
}

/**
 * Reads a number as a learner types it, in the question's unit (e.g. "EUR billion", "%", "students"):
 * decimal comma or point, thousands separators, currency signs, and scale words that convert
 * ("1 100 million" is 1.1 when the unit is in billions). Never throws. Rules: docs/grading.md.
 */
export function parseNumber(text: string, unit = ''): ParsedNumber {
  if (typeof text !== 'string') return { ok: false, reason: REASONS.noNumber };
  const cleaned = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2212\u2012\u2013]/g, '-')
    .trim();
  const tokens = [...cleaned.matchAll(NUMBER_PATTERN)].map(([token]) => token.replace(/[.,'’\s]+$/, ''));
  if (tokens.length === 0) return { ok: false, reason: REASONS.noNumber };
  if (tokens.length > 1) return { ok: false, reason: REASONS.severalNumbers };
  const token = tokens[0] ?? '';

  const expected = readUnit(unit);
  let typedExponent: number | null = null;
  for (const [word] of cleaned.replace(NUMBER_PATTERN, ' ').matchAll(WORD_PATTERN)) {
    const exponent = SCALE_EXPONENTS.get(word);
    if (exponent !== undefined) {
      if (typedExponent !== null) return { ok: false, reason: REASONS.severalScales };
      typedExponent = exponent;
    } else if (!IGNORED_WORDS.has(word) && !PERCENT_WORDS.has(word) && !expected.words.has(singular(word))) {
      return {
        ok: false,
        reason: `Type only the number and its unit: "${word}" is not something we can read.`,
      };
    }
  }

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
