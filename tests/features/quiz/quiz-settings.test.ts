import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { settingsFromParams, settingsToParams, type QuizSettings } from '@/features/quiz/quiz-settings';

const TOPICS = ['dates', 'amounts', 'history'];

const settings: QuizSettings = {
  banks: ['starter', 'milestones'],
  topics: ['dates', 'amounts'],
  types: ['single', 'numeric'],
  difficulties: [1, 3],
  ids: [],
  count: 20,
  mode: 'test',
  minutes: 15,
  seed: 'k3j9x2ab',
};

describe('quiz links', () => {
  it('carry every setting through the URL and back', () => {
    expect(settingsFromParams(settingsToParams(settings), TOPICS)).toEqual({ ok: true, settings });
    const all = { ...settings, count: 'all' as const, minutes: 0, ids: ['st-one', 'st-two'] };
    expect(settingsFromParams(settingsToParams(all), TOPICS)).toEqual({ ok: true, settings: all });
  });

  it('carry the listed order of particular questions (order=listed)', () => {
    const due: QuizSettings = { ...settings, ids: ['st-two', 'st-one'], keepOrder: true, count: 'all' };
    const params = settingsToParams(due);
    expect(params.get('order')).toBe('listed');
    expect(settingsFromParams(params, TOPICS)).toEqual({ ok: true, settings: due });
    const parsed = settingsFromParams(
      new URLSearchParams('ids=b,a&count=all&order=listed&seed=due1'),
      TOPICS,
    );
    expect(parsed.ok && parsed.settings).toMatchObject({ ids: ['b', 'a'], keepOrder: true });
  });

  it('shuffle unless told otherwise', () => {
    const shuffled = settingsFromParams(new URLSearchParams('ids=b,a&order=shuffled&seed=x'), TOPICS);
    expect(shuffled.ok && shuffled.settings.keepOrder).toBeUndefined();
    expect(settingsToParams(settings).has('order')).toBe(false);
  });

  it.each([
    ['seed=ABC!', /“seed”: the seed must be/],
    ['seed=a&topics=weather', /“topics”: must be one of: dates/],
    ['seed=a&mode=exam', /“mode”: mode must be practice or test/],
    ['seed=a&count=many', /“count”: count must be a number/],
    ['seed=a&minutes=999', /“minutes”: a time limit is at most 180 minutes/],
    ['seed=a&order=random', /“order”: order must be listed or shuffled/],
    ['count=5', /“seed”/],
  ])('explains what is wrong with %s', (query, problem) => {
    const result = settingsFromParams(new URLSearchParams(query), TOPICS);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.problem).toMatch(problem);
  });

  it('never throws on any query string', () => {
    fc.assert(
      fc.property(fc.string(), fc.dictionary(fc.string(), fc.string()), (raw, extra) => {
        const params = new URLSearchParams(raw);
        for (const [key, value] of Object.entries(extra)) params.set(key, value);
        const result = settingsFromParams(params, TOPICS);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });
});
