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

  // Queries made of the real parameter names, each value often right, often just out of range and
  // sometimes anything at all, so that both outcomes are reached many times: a link that reads gives
  // settings the app can use and write back, and one that does not names what is wrong.
  const maybe = (good: fc.Arbitrary<string>, ...bad: string[]) =>
    fc.oneof(
      { weight: 6, arbitrary: good },
      { weight: 1, arbitrary: fc.constantFrom(...bad) },
      { weight: 1, arbitrary: fc.string() },
    );
  const numberText = (from: number, to: number) => fc.integer({ min: from, max: to }).map(String);
  const listOf = (...items: string[]) =>
    fc.subarray(items, { minLength: 1 }).map((chosen) => chosen.join(','));
  const query = fc.record(
    {
      banks: maybe(listOf('starter', 'milestones'), 'Bad_Bank', 'a,,b'),
      topics: maybe(listOf(...TOPICS), 'weather', 'dates,weather'),
      types: maybe(listOf('single', 'numeric', 'year'), 'essay'),
      difficulty: maybe(listOf('1', '2', '3'), '4', '0,1'),
      ids: maybe(listOf('st-one', 'st-two'), 'St Three'),
      count: maybe(fc.oneof(numberText(1, 500), fc.constantFrom('all', '500')), '0', '501', '2.5', 'many'),
      mode: maybe(fc.constantFrom('practice', 'test'), 'exam'),
      minutes: maybe(fc.oneof(numberText(0, 180), fc.constant('180')), '-1', '181', '1.5'),
      seed: maybe(fc.stringMatching(/^[a-z0-9]{1,16}$/), 'ABC', 'seed-with-dash', 'abcdefghijklmnopq'),
      order: maybe(fc.constantFrom('listed', 'shuffled'), 'random'),
    },
    { requiredKeys: ['seed'] },
  );

  it('read any query into usable settings or a sentence naming what is wrong, never throwing', () => {
    let readCount = 0;
    fc.assert(
      fc.property(fc.string(), query, (raw, fields) => {
        const params = new URLSearchParams(raw);
        for (const [key, text] of Object.entries(fields)) params.set(key, text);
        const result = settingsFromParams(params, TOPICS);
        if (!result.ok) {
          expect(result.problem).toMatch(/^(“[a-z]+”: )?\S.{4,}/);
          return;
        }
        readCount += 1;
        const { settings: read } = result;
        expect(
          read.count === 'all' || (Number.isInteger(read.count) && read.count >= 1 && read.count <= 500),
        ).toBe(true);
        expect(Number.isInteger(read.minutes) && read.minutes >= 0 && read.minutes <= 180).toBe(true);
        expect(read.topics.every((topic) => TOPICS.includes(topic))).toBe(true);
        expect(read.seed).toMatch(/^[a-z0-9]{1,16}$/);
        // What the app writes back into the address reads as the same quiz.
        expect(settingsFromParams(settingsToParams(read), TOPICS)).toEqual({ ok: true, settings: read });
      }),
      { numRuns: 2000 },
    );
    // Both outcomes were tried: a run in which no query read would check nothing of the settings.
    expect(readCount).toBeGreaterThan(100);
  });
});
