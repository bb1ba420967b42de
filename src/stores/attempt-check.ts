import type { AttemptRecord } from '@/engine/history';
import { attemptRecordSchema } from './history-schema';
import { LATEST_TIME } from './latest-time';

/**
 * Checks a saved attempt as `attemptRecordSchema` does, without its cost for the thousands a long
 * history holds: the shape the app writes (no other keys) is checked by hand and taken as it is;
 * anything else goes through the schema, which decides. So a value taken here is one the schema
 * takes, and as the schema reads it (`tests/stores/attempt-check.test.ts`).
 */
export function checkedAttempt(value: unknown): AttemptRecord | undefined {
  if (isPlainAttempt(value)) return value;
  const parsed = attemptRecordSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

const KEYS = new Set(['id', 'seed', 'mode', 'questionIds', 'startedAt', 'finishedAt']);

function isTime(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= LATEST_TIME;
}

function isPlainAttempt(value: unknown): value is AttemptRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const fields = value as Readonly<Record<string, unknown>>;
  for (const key in fields) if (!Object.hasOwn(fields, key) || !KEYS.has(key)) return false;
  const { id, seed, mode, questionIds, startedAt } = fields;
  if (typeof id !== 'string' || id.length === 0 || typeof seed !== 'string') return false;
  if (mode !== 'practice' && mode !== 'test') return false;
  if (!Array.isArray(questionIds) || !isTime(startedAt)) return false;
  for (const questionId of questionIds) if (typeof questionId !== 'string') return false;
  // An own key holding undefined is one the schema would drop: left to the schema.
  return Object.hasOwn(fields, 'finishedAt') ? isTime(fields.finishedAt) : true;
}
