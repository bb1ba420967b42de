import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawQuestions } from '@/engine/draw-questions';
import { createRandom } from '@/engine/random';
import { drawPool } from './fixtures';

const idsOf = (result: ReturnType<typeof drawQuestions>) => result.questions.map((question) => question.id);

describe('drawing listed questions in their order (keepOrder)', () => {
  it('returns the named questions in the order listed, whatever the seed', () => {
    const ids = ['q09', 'q02', 'q11', 'q05'];
    for (const seed of ['a', 'b', 'c']) {
      expect(
        idsOf(drawQuestions(drawPool, { ids, keepOrder: true, count: 'all' }, createRandom(seed))),
      ).toEqual(ids);
    }
  });

  it('takes the first `count`, skips unknown and repeated ids, and still applies the other filters', () => {
    const ids = ['q07', 'gone', 'q04', 'q07', 'q10', 'q01'];
    const firstTwo = drawQuestions(drawPool, { ids, keepOrder: true, count: 2 }, createRandom(1));
    expect(idsOf(firstTwo)).toEqual(['q07', 'q04']);
    expect(firstTwo).toMatchObject({ available: 4, requested: 2, isShort: false });
    const bankA = drawQuestions(
      drawPool,
      { ids, keepOrder: true, banks: ['bank-a'], count: 'all' },
      createRandom(1),
    );
    expect(idsOf(bankA)).toEqual(['q07', 'q04', 'q01']);
  });

  it('does not leave out recently seen questions the learner listed', () => {
    const result = drawQuestions(
      drawPool,
      { ids: ['q03', 'q06'], keepOrder: true, excludeIds: ['q03'], count: 'all' },
      createRandom(1),
    );
    expect(idsOf(result)).toEqual(['q03', 'q06']);
  });

  it('without ids, draws as before', () => {
    expect(idsOf(drawQuestions(drawPool, { count: 5, keepOrder: true }, createRandom('abc')))).toEqual(
      idsOf(drawQuestions(drawPool, { count: 5 }, createRandom('abc'))),
    );
  });

  it('always keeps the listed order of any ids drawn from the pool', () => {
    const poolIds = drawPool.map((question) => question.id);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...poolIds), { maxLength: 12 }),
        fc.string(),
        (ids, seed) => {
          expect(
            idsOf(drawQuestions(drawPool, { ids, keepOrder: true, count: 'all' }, createRandom(seed))),
          ).toEqual(
            ids.length > 0 ? ids : idsOf(drawQuestions(drawPool, { count: 'all' }, createRandom(seed))),
          );
        },
      ),
    );
  });
});
