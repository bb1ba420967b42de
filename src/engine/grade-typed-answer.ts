import { roundPoints } from '../domain/round';
import type { QuestionOfType } from '../domain/question';
import { comparableText } from '../domain/fold-text';
import { NO_ANSWER, toGrade, type Grade } from './grade';
import type { ResponseOfType } from '../domain/learner-response';
import { parseNumber } from './parse-number';

/** A number as the app shows it: "4,000", "46.35", "1.1", at most six decimals. */
export function formatNumber(value: number): string {
  // By hand rather than with Intl.NumberFormat, which costs more than all the rest of a grade.
  if (!Number.isFinite(value) || Math.abs(value) >= 1e21) return String(value);
  const rounded = roundPoints(Math.abs(value));
  const sign = value < 0 && rounded > 0 ? '-' : '';
  // Rounded to six decimals, String() never switches to exponent notation below 1e21.
  const text = String(rounded);
  const dot = text.indexOf('.');
  const whole = dot < 0 ? text : text.slice(0, dot);
  let grouped = whole.slice(0, ((whole.length - 1) % 3) + 1);
  for (let index = grouped.length; index < whole.length; index += 3)
    grouped += `,${whole.slice(index, index + 3)}`;
  return sign + grouped + (dot < 0 ? '' : text.slice(dot));
}

function withUnit(value: number, unit: string): string {
  return unit === '%' ? `${formatNumber(value)}%` : `${formatNumber(value)} ${unit}`;
}

/** Right when the number read from the text lies within the tolerance (a hair of rounding error allowed). */
export function gradeNumeric(
  question: QuestionOfType<'numeric'>,
  response: ResponseOfType<'numeric'>,
  isBlank: boolean,
): Grade {
  const { value, tolerance, unit } = question.answer;
  const expected =
    tolerance > 0 ? `${withUnit(value, unit)} (± ${formatNumber(tolerance)})` : withUnit(value, unit);
  if (isBlank) return toGrade({ questionId: question.id, given: NO_ANSWER, expected }, 0, true);
  const parsed = parseNumber(response.text, unit);
  if (!parsed.ok) {
    return toGrade(
      { questionId: question.id, given: response.text.trim(), expected, note: parsed.reason },
      0,
    );
  }
  const slack = tolerance + 1e-9 * Math.max(1, Math.abs(value));
  const isRight = Math.abs(parsed.value - value) <= slack;
  return toGrade({ questionId: question.id, given: withUnit(parsed.value, unit), expected }, isRight ? 1 : 0);
}

/** Exact year; spaces around it and a final full stop are ignored. */
export function gradeYear(
  question: QuestionOfType<'year'>,
  response: ResponseOfType<'year'>,
  isBlank: boolean,
): Grade {
  const expected = String(question.answer);
  if (isBlank) return toGrade({ questionId: question.id, given: NO_ANSWER, expected }, 0, true);
  const given = response.text.trim().replace(/\.$/, '');
  const isYear = /^\d{1,4}$/.test(given);
  const note = isYear ? undefined : 'Type a year as four digits, such as 1973.';
  return toGrade(
    { questionId: question.id, given, expected, note },
    isYear && Number(given) === question.answer ? 1 : 0,
  );
}

/**
 * The same folding as `comparableText` (case, accents, punctuation and spacing set aside), with a
 * shortcut for plain ASCII, where Unicode normalisation changes nothing and costs most of a grade.
 */
export function comparableAnswer(text: string): string {
  if (/[^\t\n\r\x20-\x7e]/.test(text)) return comparableText(text);
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * What a short answer is compared on: `comparableAnswer`, with "&" read as "and" and a leading
 * article dropped, so "Monterrey consensus", "the Monterrey consensus" and "active teaching &
 * learning" are the answers they look like.
 */
export function shortAnswerKey(text: string): string {
  const folded = comparableAnswer(text.includes('&') ? text.replaceAll('&', ' and ') : text);
  return folded.replace(/^(?:the|a|an) (?=\S)/, '');
}

// Each question's accepted answers are folded once; questions are never mutated after loading.
const acceptedKeys = new WeakMap<readonly string[], ReadonlySet<string>>();
function keysOf(accepted: readonly string[]): ReadonlySet<string> {
  let keys = acceptedKeys.get(accepted);
  if (!keys) {
    keys = new Set(accepted.map(shortAnswerKey));
    acceptedKeys.set(accepted, keys);
  }
  return keys;
}

/** Right when the text equals an accepted answer once case, accents, punctuation, "&" and a leading article are set aside. */
export function gradeShortText(
  question: QuestionOfType<'short-text'>,
  response: ResponseOfType<'short-text'>,
  isBlank: boolean,
): Grade {
  const [first = '', ...others] = question.answer;
  const expected = others.length > 0 ? `${first} (also accepted: ${others.join('; ')})` : first;
  if (isBlank) return toGrade({ questionId: question.id, given: NO_ANSWER, expected }, 0, true);
  const given = response.text.trim();
  const key = shortAnswerKey(given);
  const isRight = key !== '' && keysOf(question.answer).has(key);
  return toGrade({ questionId: question.id, given, expected }, isRight ? 1 : 0);
}
