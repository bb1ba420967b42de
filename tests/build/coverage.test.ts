import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeCoverage } from '@/build/coverage';
import { loadContent } from '@/build/load-content';
import { formatProblem } from '@/build/problem';

const root = new URL('../..', import.meta.url).pathname;
const fixture = (name: string) => {
  const path = `tests/fixtures/content/${name}`;
  return { path, text: readFileSync(root + path, 'utf8') };
};

function harbourContent() {
  const { content, problems } = loadContent({
    topics: { path: 'questions/topics.yaml', text: readFileSync(`${root}questions/topics.yaml`, 'utf8') },
    sources: [fixture('harbour-history.yaml')],
    documents: [fixture('harbour-history.txt')],
    banks: [fixture('harbour.yaml')],
  });
  // The fixture must pass the checker, or the counts below would be about a different bank.
  if (problems.length > 0) throw new Error(problems.map(formatProblem).join('\n'));
  return content;
}

describe('computeCoverage', () => {
  const coverage = computeCoverage(harbourContent());

  it('lists each passage, by source and section, with the questions citing it once each', () => {
    expect(
      coverage.sources.map((source) =>
        source.sections.map((section) => [
          section.id,
          section.passages.map((p) => [p.passage, p.questionIds]),
        ]),
      ),
    ).toEqual([
      [
        [
          'founding',
          [
            ['founded', ['q-founded-year', 'q-founders', 'q-first-ships']],
            ['first-ships', ['q-first-ships']],
          ],
        ],
        [
          'trade',
          [
            ['cargo', ['q-growth', 'q-peak']],
            ['provinces', []],
            ['ranking', []],
            ['quiet', []],
          ],
        ],
      ],
    ]);
  });

  it('lists the uncited passages that state a number, small counts and ordinals included', () => {
    expect(coverage.uncitedWithNumbers.map((p) => [`${p.source}/${p.passage}`, p.numbers])).toEqual([
      ['harbour-history/provinces', ['3']],
      ['harbour-history/ranking', ['2', '14']],
    ]);
  });

  it('keeps numbers as written, without repeats', () => {
    const cargo = coverage.sources[0]?.sections[1]?.passages[0];
    expect(cargo?.numbers).toEqual(['12', '4,000']);
  });

  it('totals every type, topic and difficulty, zeros included, a question counting under each of its topics', () => {
    expect(Object.fromEntries(coverage.byType.map(({ key, count }) => [key, count]))).toEqual({
      single: 3,
      multiple: 0,
      'true-false': 1,
      numeric: 0,
      year: 1,
      ordering: 0,
      matching: 0,
      'short-text': 0,
    });
    expect(coverage.byTopic.filter(({ count }) => count > 0)).toEqual([
      { key: 'dates', count: 1 },
      { key: 'amounts', count: 2 },
      { key: 'trade', count: 1 },
      { key: 'history', count: 3 },
      { key: 'places', count: 1 },
    ]);
    expect(coverage.byTopic).toHaveLength(10);
    expect(coverage.byDifficulty).toEqual([
      { key: 1, count: 2 },
      { key: 2, count: 2 },
      { key: 3, count: 1 },
    ]);
    expect(coverage.questionCount).toBe(5);
  });

  it('counts single-choice answers that are strictly the longest choice, a tie not counting', () => {
    expect(coverage.longestIsAnswer).toEqual({ count: 1, of: 3 });
  });

  it('gives the item-writing shares: choices, right answers, dates and amounts, and facts asked often', () => {
    expect(coverage.items).toMatchObject({
      multipleRight: [],
      singleChoices: [{ key: 3, count: 3 }],
      trueFalse: { true: 1, false: 0 },
      // The year, and the two single-choice questions whose answer is a number (12%, € 4,000 million).
      datesOrAmounts: { count: 3, of: 5 },
      questionsPerFact: [
        { key: 1, count: 3 },
        { key: 2, count: 2 },
      ],
      factsAskedMoreThanTwice: [],
    });
    const content = harbourContent();
    const repeated = content.questions.map((question) => ({ ...question, facts: ['one-fact'] }));
    const items = computeCoverage({ ...content, questions: repeated }).items;
    expect(items.factsAskedMoreThanTwice).toEqual([
      {
        fact: 'one-fact',
        questionIds: ['q-founded-year', 'q-founders', 'q-growth', 'q-peak', 'q-first-ships'],
      },
    ]);
    expect(items.questionsPerFact).toEqual([{ key: 5, count: 1 }]);
  });

  it('has nothing to list when a bank cites every numbered passage', () => {
    const content = harbourContent();
    const cited = content.questions.map((question) =>
      question.id === 'q-first-ships'
        ? {
            ...question,
            citations: [
              ...question.citations,
              { source: 'harbour-history', passage: 'provinces', quote: 'Goods reached 3 provinces inland.' },
              { source: 'harbour-history', passage: 'ranking', quote: 'ranked 2nd' },
            ],
          }
        : question,
    );
    expect(computeCoverage({ ...content, questions: cited }).uncitedWithNumbers).toEqual([]);
  });
});
