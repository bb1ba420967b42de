import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadContent } from '@/build/load-content';
import type { Question } from '@/domain/question';
import { readContentFiles } from '@/build/read-content-files';
import { drawQuestions } from '@/engine/draw-questions';
import type { DrawSettings } from '@/engine/draw-settings';
import { createRandom } from '@/engine/random';

const { content } = loadContent(readContentFiles(process.cwd()));
const pool = content.questions;
const bankIds = content.banks.map((bank) => bank.id);
const questionIds = pool.map((question) => question.id);

/** Two questions that must not meet, from what the authors wrote: a common fact, or a declaration either way. */
function mustNotMeet(a: Question, b: Question): boolean {
  return (
    (a.facts ?? []).some((fact) => (b.facts ?? []).includes(fact)) ||
    (a.related ?? []).includes(b.id) ||
    (b.related ?? []).includes(a.id)
  );
}

// Every way the app draws: a quiz (banks and a count), a projector quick quiz (one bank), an
// assignment or a review practice (listed ids, shuffled or in order), a quiz of recently seen ones.
const settingsArbitrary: fc.Arbitrary<DrawSettings> = fc.oneof(
  fc.record({
    banks: fc.subarray(bankIds),
    count: fc.constantFrom<number | 'all'>(5, 10, 20, 'all'),
    excludeIds: fc.shuffledSubarray(questionIds, { maxLength: 30 }),
  }),
  fc.record({ banks: fc.constantFrom(...bankIds).map((id) => [id]), count: fc.integer({ min: 1, max: 50 }) }),
  fc.record({
    ids: fc.shuffledSubarray(questionIds, { minLength: 1 }),
    count: fc.constantFrom<number | 'all'>('all', 10),
    keepOrder: fc.boolean(),
  }),
);

describe('draws from the real banks', () => {
  it('never put two related questions, or two on the same fact, in one quiz (2,000 draws, every mode)', () => {
    fc.assert(
      fc.property(settingsArbitrary, fc.string(), (settings, seed) => {
        const { questions } = drawQuestions(pool, settings, createRandom(seed));
        const pairs = questions.flatMap((a, index) =>
          questions.slice(index + 1).flatMap((b) => (mustNotMeet(a, b) ? [`${a.id} with ${b.id}`] : [])),
        );
        expect(pairs).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  }, 60_000);

  it('still give 20-question quizzes from all banks, and 10 (or as close as the bank allows, saying so) from each', () => {
    for (let seed = 0; seed < 50; seed += 1) {
      expect(drawQuestions(pool, { count: 20 }, createRandom(seed)).questions).toHaveLength(20);
      for (const bank of bankIds) {
        const { questions, heldBack } = drawQuestions(pool, { banks: [bank], count: 10 }, createRandom(seed));
        // The smallest banks (one short chapter each) hold at most 9 questions that may all meet.
        expect(questions.length).toBeGreaterThanOrEqual(9);
        expect(questions.length + heldBack).toBe(10);
      }
    }
  });
});
