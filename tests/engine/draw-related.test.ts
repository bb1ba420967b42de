import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Question } from '@/domain/question';
import type { Topic } from '@/domain/question';
import { drawPreparation, drawQuestions } from '@/engine/draw-questions';
import type { DrawSettings } from '@/engine/draw-settings';
import { conflictingChoice } from '@/engine/question-conflicts';
import { createRandom } from '@/engine/random';

type Spec = { facts?: string[]; related?: string[]; bank?: string; topics?: Topic[] };

function question(id: string, { facts, related, bank = 'bank-a', topics = ['dates'] }: Spec = {}): Question {
  return {
    id,
    bank,
    prompt: `${id}?`,
    topics,
    difficulty: 1,
    explanation: 'Because.',
    citations: [{ source: 's', passage: 'p', quote: 'q' }],
    type: 'year',
    answer: 1973,
    ...(facts ? { facts } : {}),
    ...(related ? { related } : {}),
  };
}

const ids = (questions: readonly Question[]) => questions.map((q) => q.id);

/** The rule under test, written out plainly: a common fact, or either one naming the other. */
function areRelated(a: Question, b: Question): boolean {
  return (
    (a.related ?? []).includes(b.id) ||
    (b.related ?? []).includes(a.id) ||
    (a.facts ?? []).some((fact) => (b.facts ?? []).includes(fact))
  );
}

function hasRelatedPair(questions: readonly Question[]): boolean {
  return questions.some((a, i) => questions.some((b, j) => i < j && areRelated(a, b)));
}

describe('drawQuestions never puts related questions together (examples)', () => {
  const pool = [
    question('a', { facts: ['x'] }),
    question('b', { facts: ['x', 'y'] }),
    question('c', { facts: ['z'], related: ['d'] }),
    question('d', { facts: ['w'] }),
    question('e', { facts: ['v'] }),
  ];

  it('leaves out one of two questions on the same fact, or declared related on one side, and counts it', () => {
    for (let seed = 0; seed < 200; seed += 1) {
      const result = drawQuestions(pool, { count: 'all' }, createRandom(seed));
      expect(hasRelatedPair(result.questions)).toBe(false);
      expect(result.questions).toHaveLength(3);
      expect(result).toMatchObject({ available: 5, requested: 5, isShort: false, heldBack: 2 });
    }
  });

  it('with listed ids, keeps the first listed of two related questions and leaves the other for later', () => {
    const listed = { ids: ['d', 'b', 'a', 'c', 'e'], count: 'all' as const };
    const shuffled = drawQuestions(pool, listed, createRandom('x'));
    expect(ids(shuffled.questions).sort()).toEqual(['b', 'd', 'e']);
    expect(shuffled.heldBack).toBe(2);
    const inOrder = drawQuestions(pool, { ...listed, keepOrder: true }, createRandom('x'));
    expect(ids(inOrder.questions)).toEqual(['d', 'b', 'e']);
    expect(inOrder.heldBack).toBe(2);
    // Leaving "d" out of the list lets "c" in: only what is listed and matches counts.
    expect(
      ids(
        drawQuestions(pool, { ids: ['c', 'a', 'b'], count: 'all', keepOrder: true }, createRandom(1))
          .questions,
      ),
    ).toEqual(['c', 'a']);
  });

  it('tries other orders when the first one falls short: a question related to all others does not spoil the draw', () => {
    const star = [
      question('hub', { related: ['l1', 'l2', 'l3', 'l4', 'l5'] }),
      ...['l1', 'l2', 'l3', 'l4', 'l5'].map((id) => question(id)),
    ];
    for (let seed = 0; seed < 500; seed += 1) {
      const result = drawQuestions(star, { count: 5 }, createRandom(seed));
      expect(ids(result.questions).sort()).toEqual(['l1', 'l2', 'l3', 'l4', 'l5']);
      expect(result.heldBack).toBe(0);
    }
  });

  it('names the chosen question a new one conflicts with, for the assignment builder', () => {
    expect(conflictingChoice(pool, 'a', ['e', 'b'])).toBe('b');
    expect(conflictingChoice(pool, 'd', ['c'])).toBe('c');
    expect(conflictingChoice(pool, 'e', ['a', 'c'])).toBeUndefined();
    expect(conflictingChoice([question('p'), question('q')], 'p', ['q'])).toBeUndefined();
  });
});

const IDS = Array.from({ length: 24 }, (_, index) => `q${index}`);
const FACTS = ['f0', 'f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7'];
const TOPIC_CHOICES: Topic[] = ['dates', 'trade', 'education'];

const poolArbitrary: fc.Arbitrary<Question[]> = fc.integer({ min: 1, max: IDS.length }).chain((size) =>
  fc.tuple(
    ...IDS.slice(0, size).map((id) =>
      fc
        .record({
          facts: fc.option(fc.subarray(FACTS, { maxLength: 2 }), { nil: undefined }),
          related: fc.option(fc.subarray(IDS, { maxLength: 2 }), { nil: undefined }),
          bank: fc.constantFrom('bank-a', 'bank-b'),
          topics: fc.subarray(TOPIC_CHOICES, { minLength: 1 }),
        })
        .map((spec) => question(id, spec)),
    ),
  ),
);

const settingsArbitrary: fc.Arbitrary<DrawSettings> = fc.record(
  {
    banks: fc.subarray(['bank-a', 'bank-b']),
    topics: fc.subarray(TOPIC_CHOICES),
    ids: fc.shuffledSubarray(IDS),
    keepOrder: fc.boolean(),
    count: fc.oneof(fc.integer({ min: 0, max: 30 }), fc.constant<'all'>('all')),
    excludeIds: fc.shuffledSubarray(IDS, { maxLength: 8 }),
  },
  { requiredKeys: ['count'] },
);

function isMatch(question: Question, settings: DrawSettings): boolean {
  const isIn = <T>(values: readonly T[] | undefined, value: T) => !values?.length || values.includes(value);
  return (
    isIn(settings.ids, question.id) &&
    isIn(settings.banks, question.bank) &&
    (!settings.topics?.length || question.topics.some((topic) => settings.topics?.includes(topic)))
  );
}

const RUNS = 3000;

describe('drawQuestions never puts related questions together (properties, random pools and settings)', () => {
  it(`holds over ${RUNS} draws: no related pair, only matching questions, and nothing left out needlessly`, () => {
    fc.assert(
      fc.property(poolArbitrary, settingsArbitrary, fc.string(), (pool, settings, seed) => {
        const result = drawQuestions(pool, settings, createRandom(seed));
        const drawn = result.questions;
        const matching = pool.filter((q) => isMatch(q, settings));
        expect(hasRelatedPair(drawn)).toBe(false);
        expect(new Set(ids(drawn)).size).toBe(drawn.length);
        expect(drawn.every((q) => isMatch(q, settings))).toBe(true);
        expect(result.available).toBe(matching.length);
        const wanted = Math.min(result.requested, matching.length);
        expect(result.heldBack).toBe(wanted - drawn.length);
        // Listed ids: what stays is, in the order listed, each question not related to one kept before it.
        const kept: Question[] = [];
        const listed = settings.ids?.length
          ? settings.ids.flatMap((id) => matching.filter((q) => q.id === id))
          : matching;
        for (const q of listed)
          if (!settings.ids?.length || !kept.some((k) => areRelated(k, q))) kept.push(q);
        if (settings.ids?.length) expect(drawn.every((q) => kept.includes(q))).toBe(true);
        // A short draw is a maximal one: every candidate left out is related to one drawn.
        if (drawn.length < Math.min(result.requested, kept.length)) {
          for (const q of kept)
            if (!drawn.includes(q)) expect(drawn.some((d) => areRelated(d, q))).toBe(true);
        }
        if (settings.keepOrder && settings.ids?.length) {
          expect(ids(drawn)).toEqual(ids(kept.slice(0, drawn.length)));
        }
      }),
      { numRuns: RUNS },
    );
  }, 30_000);

  it(`gives the same draw for the same seed (${RUNS} draws)`, () => {
    fc.assert(
      fc.property(poolArbitrary, settingsArbitrary, fc.string(), (pool, settings, seed) => {
        const first = drawQuestions(pool, settings, createRandom(seed));
        expect(drawQuestions(pool, settings, createRandom(seed))).toEqual(first);
      }),
      { numRuns: RUNS },
    );
  }, 30_000);

  it('gives the same draw from a pool prepared ahead, step by step, as from one that was not', () => {
    fc.assert(
      fc.property(poolArbitrary, settingsArbitrary, fc.string(), (pool, settings, seed) => {
        const prepared = [...pool];
        for (const step of drawPreparation(prepared)) step();
        expect(drawQuestions(prepared, settings, createRandom(seed))).toEqual(
          drawQuestions([...pool], settings, createRandom(seed)),
        );
      }),
      { numRuns: 500 },
    );
  });
});
