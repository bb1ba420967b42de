import type { Question, Difficulty, Topic } from '@/domain/question';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countMatches, drawQuestions } from '@/engine/draw-questions';
import { TOPICS } from './fixtures';
import type { DrawSettings } from '@/engine/draw-settings';
import { createRandom } from '@/engine/random';
import { drawPool } from './fixtures';

const ids = (questions: readonly Question[]) => questions.map((question) => question.id);

describe('drawQuestions (examples)', () => {
  it('gives pinned ids for the seed "abc"', () => {
    expect(ids(drawQuestions(drawPool, { count: 5 }, createRandom('abc')).questions)).toEqual([
      'q05',
      'q01',
      'q09',
      'q12',
      'q11',
    ]);
  });

  it('filters by bank, type, difficulty and topic', () => {
    const settings: DrawSettings = { count: 'all', banks: ['bank-a'], types: ['year'], difficulties: [2, 3] };
    const result = drawQuestions(drawPool, settings, createRandom(1));
    expect(ids(result.questions).sort()).toEqual(['q02', 'q06', 'q08']);
    const education = drawQuestions(drawPool, { count: 'all', topics: ['education'] }, createRandom(1));
    expect(ids(education.questions).sort()).toEqual(['q03', 'q07', 'q11']);
  });

  it('says when fewer questions match than were asked for', () => {
    const result = drawQuestions(drawPool, { count: 7, topics: ['education'] }, createRandom(1));
    expect(result).toMatchObject({ available: 3, requested: 7, isShort: true });
    expect(result.questions).toHaveLength(3);
    const all = drawQuestions(drawPool, { count: 'all' }, createRandom(1));
    expect(all).toMatchObject({ available: 12, requested: 12, isShort: false });
  });

  it('reads a count that is not a positive integer as 0, or rounds it down', () => {
    expect(drawQuestions(drawPool, { count: -3 }, createRandom(1)).questions).toEqual([]);
    expect(drawQuestions(drawPool, { count: Number.NaN }, createRandom(1)).requested).toBe(0);
    expect(drawQuestions(drawPool, { count: 2.9 }, createRandom(1)).questions).toHaveLength(2);
  });

  it('spreads a draw across the chosen topics', () => {
    // Education has 3 questions, dates 6: a draw of 6 over both takes all 3 education ones.
    for (const seed of ['a', 'b', 'c', 'd']) {
      const result = drawQuestions(
        drawPool,
        { count: 6, topics: ['education', 'dates'] },
        createRandom(seed),
      );
      const education = result.questions.filter((question) => question.topics.includes('education'));
      expect(education).toHaveLength(3);
    }
    // Without the dates-and-trade questions, 3 trade and 3 education remain: a draw of 4 takes 2 and 2.
    const pool = drawPool.filter(
      (question) => !(question.topics.includes('trade') && question.topics.includes('dates')),
    );
    const result = drawQuestions(pool, { count: 4, topics: ['trade', 'education'] }, createRandom('spread'));
    expect(result.questions.filter((question) => question.topics.includes('trade'))).toHaveLength(2);
  });

  it('leaves out recently seen questions while enough others match', () => {
    const excludeIds = ['q01', 'q02', 'q03', 'q04'];
    const result = drawQuestions(drawPool, { count: 8, excludeIds }, createRandom(7));
    expect(ids(result.questions).some((id) => excludeIds.includes(id))).toBe(false);
    expect(result).toMatchObject({ available: 12, isShort: false });
  });

  it('brings recently seen questions back, seen longest ago first, when too few others match', () => {
    // Most recent first: q01 was seen last, q04 longest ago.
    const excludeIds = ['q01', 'q02', 'q03', 'q04'];
    const result = drawQuestions(drawPool, { count: 10, excludeIds }, createRandom(7));
    const back = ids(result.questions).filter((id) => excludeIds.includes(id));
    expect(back.sort()).toEqual(['q03', 'q04']);
  });

  it('draws only the questions named by ids, when other filters allow them', () => {
    const ids = ['q02', 'q03', 'q09', 'unknown'];
    const named = drawQuestions(drawPool, { count: 'all', ids }, createRandom(1));
    expect(named.questions.map((question) => question.id).sort()).toEqual(['q02', 'q03', 'q09']);
    const narrowed = drawQuestions(drawPool, { count: 'all', ids, banks: ['bank-a'] }, createRandom(1));
    expect(narrowed.questions.map((question) => question.id).sort()).toEqual(['q02', 'q03']);
  });

  it('lets nothing through a filter on values the pool does not have', () => {
    expect(drawQuestions(drawPool, { count: 'all', banks: ['nope'] }, createRandom(1)).available).toBe(0);
    expect(drawQuestions(drawPool, { count: 'all', topics: ['science'] }, createRandom(1)).available).toBe(0);
  });

  it('gives the same draw whatever order the filter values are listed in', () => {
    const one = drawQuestions(
      drawPool,
      { count: 5, topics: ['trade', 'education'], difficulties: [3, 1] },
      createRandom(4),
    );
    const other = drawQuestions(
      drawPool,
      { count: 5, topics: ['education', 'trade'], difficulties: [1, 3] },
      createRandom(4),
    );
    expect(ids(other.questions)).toEqual(ids(one.questions));
  });

  it('indexes a new pool array afresh', () => {
    const first = drawQuestions(drawPool.slice(0, 6), { count: 'all', topics: ['dates'] }, createRandom(1));
    const second = drawQuestions(drawPool.slice(6), { count: 'all', topics: ['dates'] }, createRandom(1));
    expect(ids(first.questions).sort()).toEqual(['q01', 'q04', 'q05']);
    expect(ids(second.questions).sort()).toEqual(['q08', 'q09', 'q12']);
  });

  it('never changes its inputs', () => {
    const pool = structuredClone(drawPool);
    const settings: DrawSettings = { count: 5, topics: ['dates', 'trade'], excludeIds: ['q01'] };
    const frozenSettings = structuredClone(settings);
    drawQuestions(pool, settings, createRandom(3));
    expect(pool).toEqual(drawPool);
    expect(settings).toEqual(frozenSettings);
  });
});

const settingsArbitrary: fc.Arbitrary<DrawSettings> = fc.record(
  {
    banks: fc.subarray(['bank-a', 'bank-b']),
    topics: fc.subarray<Topic>([...TOPICS]),
    types: fc.subarray<Question['type']>(['true-false', 'year']),
    difficulties: fc.subarray<Difficulty>([1, 2, 3]),
    ids: fc.subarray([...ids(drawPool), 'unknown']),
    count: fc.oneof(fc.integer({ min: 0, max: 15 }), fc.constant<'all'>('all')),
    excludeIds: fc.subarray(ids(drawPool)),
  },
  { requiredKeys: ['count'] },
);

function matches(question: Question, settings: DrawSettings): boolean {
  const isIn = <T>(values: readonly T[] | undefined, value: T) => !values?.length || values.includes(value);
  return (
    isIn(settings.ids, question.id) &&
    isIn(settings.banks, question.bank) &&
    isIn(settings.types, question.type) &&
    isIn(settings.difficulties, question.difficulty) &&
    (!settings.topics?.length || question.topics.some((topic) => settings.topics?.includes(topic)))
  );
}

describe('drawQuestions (properties)', () => {
  it('draws distinct questions that match the filters, as many as asked or as match', () => {
    fc.assert(
      fc.property(settingsArbitrary, fc.string(), (settings, seed) => {
        const result = drawQuestions(drawPool, settings, createRandom(seed));
        const drawn = ids(result.questions);
        const matching = drawPool.filter((question) => matches(question, settings));
        expect(new Set(drawn).size).toBe(drawn.length);
        expect(result.questions.every((question) => matches(question, settings))).toBe(true);
        expect(result.available).toBe(matching.length);
        expect(countMatches(drawPool, settings)).toBe(matching.length);
        expect(drawn).toHaveLength(Math.min(result.requested, matching.length));
        expect(result.isShort).toBe(result.requested > matching.length);
        const fresh = matching.filter((question) => !settings.excludeIds?.includes(question.id));
        const recentDrawn = drawn.filter((id) => settings.excludeIds?.includes(id));
        expect(recentDrawn.length).toBe(Math.max(0, drawn.length - fresh.length));
      }),
    );
  });

  it('gives the same draw for the same seed', () => {
    fc.assert(
      fc.property(settingsArbitrary, fc.string(), (settings, seed) => {
        const first = drawQuestions(drawPool, settings, createRandom(seed));
        expect(drawQuestions(drawPool, settings, createRandom(seed))).toEqual(first);
      }),
    );
  });

  it('usually gives different orders for different seeds', () => {
    const orders = new Set<string>();
    for (let seed = 0; seed < 20; seed += 1) {
      orders.add(ids(drawQuestions(drawPool, { count: 'all' }, createRandom(seed)).questions).join());
    }
    expect(orders.size).toBeGreaterThanOrEqual(19);
  });
});

describe('countMatches', () => {
  it('counts over facets alone, without whole questions', () => {
    const facets = drawPool.map(({ id, bank, type, topics, difficulty }) => ({
      id,
      bank,
      type,
      topics,
      difficulty,
    }));
    expect(countMatches(facets, { count: 'all' })).toBe(12);
    expect(countMatches(facets, { count: 3, topics: ['education'], excludeIds: ['q03'] })).toBe(3);
    expect(countMatches(facets, { count: 'all', types: ['year'], banks: ['bank-b'] })).toBe(2);
  });
});
