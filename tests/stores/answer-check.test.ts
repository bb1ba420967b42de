import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnswerRecord } from '@/engine/history';
import { checkedAnswer } from '@/stores/answer-check';
import { answerRecordSchema } from '@/stores/history-schema';
import { largeProgress } from './large-history';

const fixture = JSON.parse(readFileSync('tests/fixtures/saved-state/history-v1.json', 'utf8')) as {
  state: { history: { answers: AnswerRecord[] } };
};
const base: AnswerRecord = {
  attemptId: 'attempt-1',
  questionId: 'q-1',
  asked: 'q-1@abc',
  response: { type: 'single', choice: 'a' },
  grade: {
    questionId: 'q-1',
    points: 1,
    maxPoints: 1,
    verdict: 'correct',
    isCorrect: true,
    given: 'A',
    expected: 'A',
  },
  answeredAt: 1_736_154_000_000,
};
const responses: AnswerRecord['response'][] = [
  { type: 'single', choice: null },
  { type: 'multiple', choices: ['a', 'b'] },
  { type: 'true-false', value: false },
  { type: 'numeric', text: '3.5' },
  { type: 'year', text: '1973' },
  { type: 'ordering', order: ['b', 'a'] },
  { type: 'matching', pairs: { l1: 'r1' } },
  { type: 'short-text', text: 'Lomé' },
];
const answers: AnswerRecord[] = [
  base,
  ...responses.map((response) => ({ ...base, response })),
  ...fixture.state.history.answers,
  ...largeProgress(3).history.answers,
];

const FIELDS = [
  [],
  ['attemptId'],
  ['questionId'],
  ['asked'],
  ['answeredAt'],
  ['response'],
  ['response', 'type'],
  ['response', 'choice'],
  ['response', 'choices'],
  ['response', 'value'],
  ['response', 'text'],
  ['response', 'order'],
  ['response', 'pairs'],
  ['grade'],
  ['grade', 'questionId'],
  ['grade', 'points'],
  ['grade', 'maxPoints'],
  ['grade', 'verdict'],
  ['grade', 'isCorrect'],
  ['grade', 'given'],
  ['grade', 'expected'],
  ['grade', 'note'],
  ['grade', 'parts'],
] as const;
const odd = fc.oneof(
  fc.anything(),
  fc.constantFrom(
    '',
    -1,
    0.5,
    2,
    Number.NaN,
    Infinity,
    -0,
    253402300799999,
    253402300800000,
    null,
    undefined,
    [],
    {},
    ['x', 1],
    'partial',
    'matching',
    'true-false',
  ),
);

/** `answer` with one field changed, removed or added beside the others (`__proto__` too). */
function changed(answer: AnswerRecord, path: readonly string[], change: 'set' | 'delete', value: unknown) {
  const copy = structuredClone(answer) as unknown as Record<string, unknown>;
  let target: unknown = copy;
  for (const key of path.slice(0, -1)) target = (target as Record<string, unknown>)[key];
  if (typeof target !== 'object' || target === null) return copy;
  const last = path.at(-1);
  if (last === undefined) {
    Object.defineProperty(copy, '__proto__', { value, enumerable: true, writable: true, configurable: true });
  } else if (change === 'delete') {
    Reflect.deleteProperty(target, last);
  } else {
    Object.defineProperty(target, last, { value, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

describe('the quick check of saved answers', () => {
  it('takes every shape the app writes, as it is', () => {
    for (const answer of answers) expect(checkedAnswer(structuredClone(answer))).toEqual(answer);
  });

  it('never takes what the schema refuses, and takes what it allows exactly as the schema reads it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...answers),
        fc.constantFrom(...FIELDS),
        fc.constantFrom('set' as const, 'delete' as const),
        odd,
        (answer, path, change, value) => {
          const saved = changed(answer, path, change, value);
          const parsed = answerRecordSchema.safeParse(saved);
          const checked = checkedAnswer(saved);
          if (!parsed.success) expect(checked).toBeUndefined();
          else expect(checked).toEqual(parsed.data);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
