import type { Question } from '@/domain/question';
import { describe, expect, it } from 'vitest';
import { buildClassReport, type StudentResult } from '@/engine/class-report';

const cite = (passage: string) => [{ source: 'doc', passage, quote: 'q' }];
const common = { bank: 'b', topics: ['dates' as const], difficulty: 1 as const, explanation: 'Because.' };
const single: Question = {
  ...common,
  id: 'q-single',
  type: 'single',
  prompt: 'Which year?',
  choices: [
    { id: 'a', text: '1973' },
    { id: 'b', text: '1977' },
    { id: 'c', text: '1979' },
  ],
  answer: 'a',
  citations: cite('p-relations'),
};
const year: Question = {
  ...common,
  id: 'q-year',
  type: 'year',
  prompt: 'When?',
  answer: 1977,
  citations: cite('p-framework'),
};
const both: Question = {
  ...common,
  id: 'q-both',
  type: 'true-false',
  prompt: 'True?',
  answer: true,
  citations: [...cite('p-relations'), ...cite('p-framework')],
};
const questions = new Map([single, year, both].map((question) => [question.id, question]));
const ids = ['q-single', 'q-year', 'q-both', 'q-removed'];

// A hand-written class of four: Ana gets everything right, Binh and Chi both pick 1977, Dung answers nothing.
const results: StudentResult[] = [
  {
    student: 'Chi',
    finishedAt: 3,
    responses: [
      { type: 'single', choice: 'b' },
      { type: 'year', text: '1977' },
      { type: 'true-false', value: true },
      null,
    ],
  },
  {
    student: 'Ana',
    finishedAt: 1,
    responses: [
      { type: 'single', choice: 'a' },
      { type: 'year', text: '1977' },
      { type: 'true-false', value: true },
      null,
    ],
  },
  {
    student: 'Binh',
    finishedAt: 2,
    responses: [
      { type: 'single', choice: 'b' },
      { type: 'year', text: '1978' },
      { type: 'true-false', value: false },
      null,
    ],
  },
  { student: 'Dung', finishedAt: 4, responses: [null, null, null, null] },
];

describe('the class report', () => {
  const report = buildClassReport(ids, results, questions);

  it('scores each student on the questions still in the banks', () => {
    expect(
      report.students.map(({ student, points, maxPoints, percent }) => [student, points, maxPoints, percent]),
    ).toEqual([
      ['Ana', 3, 3, 100],
      ['Binh', 0, 3, 0],
      ['Chi', 2, 3, 67],
      ['Dung', 0, 3, 0],
    ]);
    expect(report.missingIds).toEqual(['q-removed']);
  });

  it('counts students per band of ten points', () => {
    const counts = Object.fromEntries(
      report.distribution.map((band) => [`${band.from}-${band.to}`, band.count]),
    );
    expect(counts).toMatchObject({ '0-9': 2, '60-69': 1, '90-100': 1, '10-19': 0 });
  });

  it('analyses each question: share right and the most chosen wrong answer', () => {
    const byId = Object.fromEntries(report.questions.map((q) => [q.id, q]));
    expect(byId['q-single']).toMatchObject({ shareRight: 0.25, mostChosenWrong: { text: '1977', count: 2 } });
    expect(byId['q-year']).toMatchObject({ shareRight: 0.5, mostChosenWrong: { text: '1978', count: 1 } });
    expect(byId['q-both']).toMatchObject({ shareRight: 0.5 });
    expect(byId['q-removed']).toMatchObject({ question: undefined, mostChosenWrong: undefined });
  });

  it('ranks the passages the class has not understood first', () => {
    expect(
      report.passages.map(({ passage, shareWrong, answerCount }) => [passage, shareWrong, answerCount]),
    ).toEqual([
      ['p-relations', 0.625, 8],
      ['p-framework', 0.5, 8],
    ]);
  });
});
