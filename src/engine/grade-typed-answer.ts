import { comparableText } from '@/content/fold-text';
import type { QuestionOfType } from '@/content/question-schema';
import { NO_ANSWER, toGrade, type Grade } from './grade';
import type { ResponseOfType } from './learner-response';
import { parseNumber } from './parse-number';

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

/** A number as the app shows it: "4,000", "46.35", "1.1". */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
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

/** Right when the text equals an accepted answer once case, accents, punctuation and spacing are set aside. */
export function gradeShortText(
  question: QuestionOfType<'short-text'>,
  response: ResponseOfType<'short-text'>,
  isBlank: boolean,
): Grade {
  const [first = '', ...others] = question.answer;
  const expected = others.length > 0 ? `${first} (also accepted: ${others.join('; ')})` : first;
  if (isBlank) return toGrade({ questionId: question.id, given: NO_ANSWER, expected }, 0, true);
  const given = response.text.trim();
  const comparable = comparableText(given);
  const isRight =
    comparable !== '' && question.answer.some((answer) => comparableText(answer) === comparable);
  return toGrade({ questionId: question.id, given, expected }, isRight ? 1 : 0);
}
