import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AttemptRecord } from '@/engine/history';
import { checkedAttempt } from '@/stores/attempt-check';
import { attemptRecordSchema } from '@/stores/history-schema';
import { largeProgress } from './large-history';

const attempts: AttemptRecord[] = [
  { id: 'a-1', seed: 's', mode: 'test', questionIds: ['q-1', 'q-2'], startedAt: 0, finishedAt: 5 },
  { id: 'a-2', seed: '', mode: 'practice', questionIds: [], startedAt: 1_736_154_000_000 },
  ...largeProgress(20).history.attempts,
];
const FIELDS = ['', 'id', 'seed', 'mode', 'questionIds', 'startedAt', 'finishedAt', 'other'] as const;
const odd = fc.oneof(
  fc.anything(),
  fc.constantFrom('', -1, 0.5, Number.NaN, 253402300799999, 253402300800000, null, undefined, [], {}),
  fc.constantFrom(['x', 1], ['q'], 'practice', 'test', 'exam'),
);

/** `attempt` with one field changed, removed or added beside the others (`__proto__` for ''). */
function changed(attempt: AttemptRecord, field: string, change: 'set' | 'delete', value: unknown) {
  const copy = structuredClone(attempt) as unknown as Record<string, unknown>;
  const key = field === '' ? '__proto__' : field;
  if (change === 'delete') Reflect.deleteProperty(copy, key);
  else Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

describe('the quick check of saved attempts', () => {
  it('takes every shape the app writes, as it is', () => {
    for (const attempt of attempts) expect(checkedAttempt(structuredClone(attempt))).toEqual(attempt);
  });

  it('never takes what the schema refuses, and takes what it allows exactly as the schema reads it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...attempts),
        fc.constantFrom(...FIELDS),
        fc.constantFrom('set' as const, 'delete' as const),
        odd,
        (attempt, field, change, value) => {
          const saved = changed(attempt, field, change, value);
          const parsed = attemptRecordSchema.safeParse(saved);
          const checked = checkedAttempt(saved);
          if (!parsed.success) expect(checked).toBeUndefined();
          else expect(checked).toEqual(parsed.data);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
