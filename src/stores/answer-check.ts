import type { AnswerRecord } from '@/engine/history';
import { answerRecordSchema } from './history-schema';
import { LATEST_TIME } from './latest-time';

/**
 * Checks saved answers as `answerRecordSchema` does, at a fraction of the cost for a large history:
 * the shapes the app writes most (plain responses, grades without parts, no other keys) are checked
 * by hand without copying; anything else, right or wrong, goes through the schema, which decides.
 * So a value taken here is one the schema takes, and as it is (`tests/stores/answer-check.test.ts`).
 * `seen` holds responses and grades already found plain: a page's answers share them, so each is
 * checked once (they are read, never changed).
 */
export function checkedAnswer(value: unknown, seen?: WeakSet<object>): AnswerRecord | undefined {
  if (isPlainAnswer(value, seen)) return value;
  const parsed = answerRecordSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

type Fields = Readonly<Record<string, unknown>>;

function isRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own keys all among `allowed`, counted without making an array. */
function hasOnlyKeys(value: Fields, allowed: ReadonlySet<string>): boolean {
  for (const key in value) if (!Object.hasOwn(value, key) || !allowed.has(key)) return false;
  return true;
}

const isText = (value: unknown): value is string => typeof value === 'string';
const isName = (value: unknown): boolean => typeof value === 'string' && value.length > 0;

function isTextList(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (const item of value) if (typeof item !== 'string') return false;
  return true;
}

function isTime(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= LATEST_TIME;
}

const ANSWER_KEYS = new Set(['attemptId', 'questionId', 'asked', 'response', 'grade', 'answeredAt']);
const GRADE_KEYS = new Set([
  'questionId',
  'points',
  'maxPoints',
  'verdict',
  'isCorrect',
  'given',
  'expected',
]);
const VERDICTS = new Set(['correct', 'partial', 'wrong', 'unanswered']);
const RESPONSE_KEYS: Record<string, [ReadonlySet<string>, string, (field: unknown) => boolean]> = {
  single: [new Set(['type', 'choice']), 'choice', (field) => field === null || isText(field)],
  multiple: [new Set(['type', 'choices']), 'choices', isTextList],
  'true-false': [
    new Set(['type', 'value']),
    'value',
    (field) => field === null || typeof field === 'boolean',
  ],
  numeric: [new Set(['type', 'text']), 'text', isText],
  year: [new Set(['type', 'text']), 'text', isText],
  ordering: [new Set(['type', 'order']), 'order', isTextList],
  'short-text': [new Set(['type', 'text']), 'text', isText],
};

function isPlainResponse(value: unknown): boolean {
  if (!isRecord(value) || typeof value.type !== 'string') return false;
  const shape = Object.hasOwn(RESPONSE_KEYS, value.type) ? RESPONSE_KEYS[value.type] : undefined;
  if (!shape) return false;
  const [keys, field, isField] = shape;
  return hasOnlyKeys(value, keys) && Object.hasOwn(value, field) && isField(value[field]);
}

function isPlainGrade(value: unknown): boolean {
  if (!isRecord(value) || !hasOnlyKeys(value, GRADE_KEYS)) return false;
  const { points } = value;
  return (
    isText(value.questionId) &&
    typeof points === 'number' &&
    points >= 0 &&
    points <= 1 &&
    value.maxPoints === 1 &&
    typeof value.verdict === 'string' &&
    VERDICTS.has(value.verdict) &&
    typeof value.isCorrect === 'boolean' &&
    isText(value.given) &&
    isText(value.expected)
  );
}

function isSeenOr(value: unknown, isPlain: (value: unknown) => boolean, seen?: WeakSet<object>): boolean {
  if (seen && isRecord(value) && seen.has(value)) return true;
  if (!isPlain(value)) return false;
  if (seen && isRecord(value)) seen.add(value);
  return true;
}

function isPlainAnswer(value: unknown, seen?: WeakSet<object>): value is AnswerRecord {
  return (
    isRecord(value) &&
    hasOnlyKeys(value, ANSWER_KEYS) &&
    isName(value.attemptId) &&
    isName(value.questionId) &&
    isName(value.asked) &&
    isTime(value.answeredAt) &&
    isSeenOr(value.response, isPlainResponse, seen) &&
    isSeenOr(value.grade, isPlainGrade, seen)
  );
}
