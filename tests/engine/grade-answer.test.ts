import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { comparableText } from '@/domain/fold-text';
import { gradeAnswer } from '@/engine/grade-answer';
import { comparableAnswer, formatNumber } from '@/engine/grade-typed-answer';
import type { LearnerResponse } from '@/domain/learner-response';
import type { PresentedQuestion } from '@/engine/present-question';
import {
  billionQuestion,
  matchingQuestion,
  multipleQuestion,
  numericQuestion,
  orderingQuestion,
  shortTextQuestion,
  singleQuestion,
  studentsQuestion,
  trueFalseQuestion,
  yearQuestion,
} from './fixtures';

describe('single choice', () => {
  it('is all or nothing', () => {
    expect(gradeAnswer(singleQuestion, { type: 'single', choice: 'a' })).toMatchObject({
      questionId: 'capital-city',
      points: 1,
      maxPoints: 1,
      verdict: 'correct',
      isCorrect: true,
      given: 'Hanoi',
      expected: 'Hanoi',
    });
    expect(gradeAnswer(singleQuestion, { type: 'single', choice: 'b' })).toMatchObject({
      points: 0,
      verdict: 'wrong',
      isCorrect: false,
      given: 'Ho Chi Minh City',
    });
  });

  it('lists every choice in the order shown, marking what was chosen and what was right', () => {
    const presented: PresentedQuestion = {
      question: singleQuestion,
      choiceOrder: ['c', 'a', 'b'],
      leftOrder: [],
    };
    expect(gradeAnswer(presented, { type: 'single', choice: 'c' }).parts).toEqual([
      { kind: 'choice', choiceId: 'c', text: 'Da Nang', isSelected: true, isAnswer: false, isRight: false },
      { kind: 'choice', choiceId: 'a', text: 'Hanoi', isSelected: false, isAnswer: true, isRight: false },
      {
        kind: 'choice',
        choiceId: 'b',
        text: 'Ho Chi Minh City',
        isSelected: false,
        isAnswer: false,
        isRight: true,
      },
    ]);
  });

  it('grades an unknown choice as wrong and no choice as unanswered', () => {
    expect(gradeAnswer(singleQuestion, { type: 'single', choice: 'zz' })).toMatchObject({
      points: 0,
      verdict: 'wrong',
    });
    expect(gradeAnswer(singleQuestion, { type: 'single', choice: null })).toMatchObject({
      points: 0,
      verdict: 'unanswered',
      given: 'No answer',
    });
  });
});

describe('multiple choice (right choices a, c; wrong b, d)', () => {
  const grade = (...choices: string[]) => gradeAnswer(multipleQuestion, { type: 'multiple', choices });
  it('gives full points for exactly the right choices', () => {
    expect(grade('c', 'a')).toMatchObject({
      points: 1,
      verdict: 'correct',
      given: 'Water and sanitation; Agriculture',
    });
  });
  it('earns 1/2 per right choice and costs 1/2 per wrong one', () => {
    expect(grade('a')).toMatchObject({ points: 0.5, verdict: 'partial' });
    expect(grade('a', 'c', 'b')).toMatchObject({ points: 0.5, verdict: 'partial' });
    expect(grade('a', 'c', 'b', 'd')).toMatchObject({ points: 0, verdict: 'wrong' });
  });
  it('never drops below zero', () => {
    expect(grade('b', 'd')).toMatchObject({ points: 0, verdict: 'wrong' });
    expect(grade('a', 'b', 'd')).toMatchObject({ points: 0, verdict: 'wrong' });
  });
  it('counts a choice once and ignores ids the question lacks', () => {
    expect(grade('a', 'a', 'zz')).toMatchObject({ points: 0.5 });
  });
  it('weighs by the number of right and wrong choices', () => {
    const oneRight = { ...multipleQuestion, answer: ['a'] };
    // 1 right of 1 (+1), 1 wrong of 3 (-1/3).
    expect(gradeAnswer(oneRight, { type: 'multiple', choices: ['a', 'b'] }).points).toBeCloseTo(2 / 3, 12);
    const allRight = { ...multipleQuestion, answer: ['a', 'b', 'c', 'd'] };
    expect(gradeAnswer(allRight, { type: 'multiple', choices: ['a', 'b', 'c', 'd'] }).points).toBe(1);
  });
  it('grades no choice as unanswered', () => {
    expect(grade()).toMatchObject({ points: 0, verdict: 'unanswered' });
  });
});

describe('true or false', () => {
  it('is all or nothing', () => {
    expect(gradeAnswer(trueFalseQuestion, { type: 'true-false', value: true })).toMatchObject({
      points: 1,
      given: 'True',
      expected: 'True',
    });
    expect(gradeAnswer(trueFalseQuestion, { type: 'true-false', value: false })).toMatchObject({
      points: 0,
      verdict: 'wrong',
    });
    expect(gradeAnswer(trueFalseQuestion, { type: 'true-false', value: null }).verdict).toBe('unanswered');
  });
});

describe('numeric', () => {
  const grade = (question: typeof numericQuestion, text: string) =>
    gradeAnswer(question, { type: 'numeric', text });
  it('accepts any way of writing the right number', () => {
    for (const text of ['46.35', '46,35', '€46.35 million', 'EUR 46.35m', '€46,350,000']) {
      expect(grade(numericQuestion, text)).toMatchObject({ points: 1, given: '46.35 EUR million' });
    }
    for (const text of ['1,1', '1.1', '€1.1 billion', '1 100 million'])
      expect(grade(billionQuestion, text).points).toBe(1);
    for (const text of ['4,000', '4 000', '4000']) expect(grade(studentsQuestion, text).points).toBe(1);
  });
  it('is right within the tolerance and wrong outside it', () => {
    expect(grade(billionQuestion, '1.15')).toMatchObject({ points: 1, expected: '1.1 EUR billion (± 0.05)' });
    expect(grade(billionQuestion, '1.16')).toMatchObject({
      points: 0,
      verdict: 'wrong',
      given: '1.16 EUR billion',
    });
    expect(grade(numericQuestion, '46.36').points).toBe(0);
    expect(grade(studentsQuestion, '2.500').points).toBe(0);
  });
  it('grades text it cannot read as wrong, with the reason as a note', () => {
    expect(grade(numericQuestion, 'about forty')).toMatchObject({
      points: 0,
      verdict: 'wrong',
      given: 'about forty',
      note: 'Type a number, such as 46.35.',
    });
    expect(grade(numericQuestion, '   ')).toMatchObject({ verdict: 'unanswered', given: 'No answer' });
  });
});

describe('year', () => {
  const grade = (text: string) => gradeAnswer(yearQuestion, { type: 'year', text });
  it('must be exact; spaces are ignored', () => {
    expect(grade('1973')).toMatchObject({ points: 1, expected: '1973' });
    expect(grade(' 1973 ').points).toBe(1);
    expect(grade('1973.').points).toBe(1);
    expect(grade('1974')).toMatchObject({ points: 0, verdict: 'wrong' });
  });
  it('grades something that is not a year as wrong, with a note', () => {
    expect(grade('in 1973')).toMatchObject({
      points: 0,
      verdict: 'wrong',
      note: 'Type a year as four digits, such as 1973.',
    });
    expect(grade('')).toMatchObject({ verdict: 'unanswered' });
  });
});

describe('ordering (right order a, b, c, d)', () => {
  const grade = (...order: string[]) => gradeAnswer(orderingQuestion, { type: 'ordering', order });
  it('gives full points only for the right order', () => {
    expect(grade('a', 'b', 'c', 'd')).toMatchObject({
      points: 1,
      verdict: 'correct',
      expected: 'Diplomatic relations → First programme → Trade agreement → Tenth anniversary visit',
    });
  });
  it('gives the share of pairs in the right relative order', () => {
    // One swap of neighbours breaks 1 of the 6 pairs.
    expect(grade('b', 'a', 'c', 'd').points).toBeCloseTo(5 / 6, 12);
    // The reverse order breaks all 6.
    expect(grade('d', 'c', 'b', 'a')).toMatchObject({ points: 0, verdict: 'wrong' });
    // a last: its 3 pairs are wrong, the other 3 right.
    expect(grade('b', 'c', 'd', 'a')).toMatchObject({ points: 0.5, verdict: 'partial' });
  });
  it('counts pairs with a missing item as wrong and ignores unknown and repeated ids', () => {
    expect(grade('a', 'b', 'c').points).toBe(0.5);
    expect(grade('a', 'zz', 'b', 'a', 'c', 'd').points).toBe(1);
  });
  it('shows each item where the learner put it and where it belongs', () => {
    expect(grade('b', 'a', 'c').parts).toEqual([
      {
        kind: 'position',
        choiceId: 'b',
        text: 'First programme',
        givenIndex: 0,
        expectedIndex: 1,
        isRight: false,
      },
      {
        kind: 'position',
        choiceId: 'a',
        text: 'Diplomatic relations',
        givenIndex: 1,
        expectedIndex: 0,
        isRight: false,
      },
      {
        kind: 'position',
        choiceId: 'c',
        text: 'Trade agreement',
        givenIndex: 2,
        expectedIndex: 2,
        isRight: true,
      },
      {
        kind: 'position',
        choiceId: 'd',
        text: 'Tenth anniversary visit',
        givenIndex: null,
        expectedIndex: 3,
        isRight: false,
      },
    ]);
  });
  it('grades an empty order as unanswered', () => {
    expect(grade().verdict).toBe('unanswered');
  });
});

describe('matching (1-a, 2-b, 3-c, 4-d)', () => {
  const grade = (pairs: Record<string, string>) => gradeAnswer(matchingQuestion, { type: 'matching', pairs });
  it('gives the share of pairs matched right', () => {
    expect(grade({ 1: 'a', 2: 'b', 3: 'c', 4: 'd' })).toMatchObject({ points: 1, verdict: 'correct' });
    expect(grade({ 1: 'a', 2: 'c', 3: 'b', 4: 'd' })).toMatchObject({ points: 0.5, verdict: 'partial' });
    expect(grade({ 1: 'a' })).toMatchObject({ points: 0.25, verdict: 'partial' });
    expect(grade({ 1: 'b', 2: 'a', 9: 'c' })).toMatchObject({ points: 0, verdict: 'wrong' });
  });
  it('shows every pair in the order shown', () => {
    const presented: PresentedQuestion = {
      question: matchingQuestion,
      choiceOrder: [],
      leftOrder: ['3', '1', '2', '4'],
    };
    const grade = gradeAnswer(presented, { type: 'matching', pairs: { 3: 'c', 1: 'b' } });
    expect(grade.parts?.[0]).toEqual({
      kind: 'pair',
      leftId: '3',
      leftText: 'ARES',
      givenChoiceId: 'c',
      givenText: 'French-speaking universities',
      expectedChoiceId: 'c',
      expectedText: 'French-speaking universities',
      isRight: true,
    });
    expect(grade.given).toBe(
      'ARES → French-speaking universities; Enabel → Flemish universities; VLIR-UOS → No answer; BIO → No answer',
    );
  });
  it('grades no pair as unanswered', () => {
    expect(grade({}).verdict).toBe('unanswered');
    expect(grade({ 1: '' }).verdict).toBe('unanswered');
  });
});

describe('short text', () => {
  const grade = (text: string) => gradeAnswer(shortTextQuestion, { type: 'short-text', text });
  it('ignores case, accents, punctuation and spacing, against every accepted answer', () => {
    for (const text of [
      'Enabel',
      ' enabel ',
      'ÉNABEL!',
      'belgian   development-agency',
      'Belgian Development Agency.',
    ]) {
      expect(grade(text)).toMatchObject({ points: 1, verdict: 'correct' });
    }
    expect(grade('Enabel agency')).toMatchObject({ points: 0, verdict: 'wrong', given: 'Enabel agency' });
    expect(grade('...')).toMatchObject({ points: 0, verdict: 'wrong' });
  });
  it('names every accepted answer', () => {
    expect(grade('x').expected).toBe('Enabel (also accepted: Belgian Development Agency)');
  });
  it('reads "&" as "and" and sets a leading article aside, on both sides', () => {
    const question = {
      ...shortTextQuestion,
      answer: ['Ministry of Science and Technology', 'the Monterrey consensus'],
    };
    const gradeOf = (text: string) => gradeAnswer(question, { type: 'short-text', text }).verdict;
    expect(gradeOf('Ministry of Science & Technology')).toBe('correct');
    expect(gradeOf('ministry of science&technology')).toBe('correct');
    expect(gradeOf('The Ministry of Science and Technology')).toBe('correct');
    expect(gradeOf('Monterrey consensus')).toBe('correct');
    expect(gradeOf('A Monterrey consensus')).toBe('correct');
    // Only a leading article, and only "&": other words still count.
    expect(gradeOf('Ministry of Science Technology')).toBe('wrong');
    expect(gradeOf('Monterrey the consensus')).toBe('wrong');
    expect(gradeOf('the')).toBe('wrong');
  });
});

describe('odd input', () => {
  it('grades an answer of another type as wrong, and null as unanswered', () => {
    expect(gradeAnswer(singleQuestion, { type: 'year', text: '1973' })).toMatchObject({
      points: 0,
      verdict: 'wrong',
      expected: 'Hanoi',
    });
    expect(gradeAnswer(orderingQuestion, null)).toMatchObject({ points: 0, verdict: 'unanswered' });
    expect(gradeAnswer(yearQuestion, { type: 'single', choice: '' }).verdict).toBe('unanswered');
  });

  it('does not throw on shapes the types rule out (say, from old saved data)', () => {
    const broken: unknown[] = [
      { type: 'multiple', choices: 'a' },
      { type: 'ordering', order: null },
      { type: 'matching', pairs: null },
      { type: 'matching', pairs: { 1: 5 } },
      { type: 'numeric', text: 46 },
      { type: 'single', choice: 1 },
      { type: 'unknown' },
    ];
    const questions = [multipleQuestion, orderingQuestion, matchingQuestion, numericQuestion, singleQuestion];
    for (const question of questions) {
      for (const response of broken) {
        const grade = gradeAnswer(question, toResponse(response));
        expect(grade.points).toBe(0);
        expect(['wrong', 'unanswered']).toContain(grade.verdict);
      }
    }
  });
});

/** A value of the wrong shape typed as a response, as JSON read from storage without validation would be. */
function toResponse(value: unknown): LearnerResponse {
  const parsed: LearnerResponse = JSON.parse(JSON.stringify(value));
  return parsed;
}

describe('formatNumber and comparableAnswer', () => {
  it('formats numbers with thousands commas and at most six decimals', () => {
    expect([4000, 46.35, 1.1, -3.5, 0.1 + 0.2, 1234567.891, 1e-7, 2183.5].map(formatNumber)).toEqual([
      '4,000',
      '46.35',
      '1.1',
      '-3.5',
      '0.3',
      '1,234,567.891',
      '0',
      '2,183.5',
    ]);
  });

  it('folds text exactly as the content checker does', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('a', 'B', 'é', 'É', ' ', '\t', '-', '.', '1', 'ß', 'ﬁ', '\u0301'),
        }),
        (text) => {
          expect(comparableAnswer(text)).toBe(comparableText(text));
        },
      ),
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(comparableAnswer(text)).toBe(comparableText(text));
      }),
    );
  });
});
