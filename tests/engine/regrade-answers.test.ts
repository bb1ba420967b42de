import { describe, expect, it } from 'vitest';
import type { Question } from '@/domain/question';
import type { LearnerResponse } from '@/domain/learner-response';
import type { PresentedQuestion } from '@/engine/present-question';
import { applyQuestionChange, regradeAnswers, type QuestionChange } from '@/engine/regrade-answers';
import {
  multipleQuestion,
  orderingQuestion,
  shortTextQuestion,
  singleQuestion,
  yearQuestion,
} from './fixtures';

function revise(question: Question, change: QuestionChange): Question {
  const outcome = applyQuestionChange(question, change);
  if (!outcome.ok) throw new Error(outcome.problem);
  return outcome.question;
}

function asked(question: Question, choiceOrder: string[] = []): PresentedQuestion {
  return { question, choiceOrder, leftOrder: [] };
}

function scores(presented: PresentedQuestion, revised: Question, responses: (LearnerResponse | null)[]) {
  return regradeAnswers(
    presented,
    revised,
    responses.map((response, id) => ({ id, response })),
  ).map(({ id, before, after, pointsChange }) => ({
    id,
    before: [round(before.points), before.verdict],
    after: [round(after.points), after.verdict],
    pointsChange,
  }));
}

const round = (points: number) => Math.round(points * 1000) / 1000;
const picks = (...choices: string[]): LearnerResponse => ({ type: 'multiple', choices });

describe('regrading after a key change', () => {
  it('moves the point from the old key to the new one and leaves blanks unanswered', () => {
    // Hanoi (a) was the key; the teacher accepts that Ho Chi Minh City (b) is what the passage says.
    const revised = revise(singleQuestion, { kind: 'change-key', key: 'b' });
    expect(
      scores(asked(singleQuestion, ['c', 'a', 'b']), revised, [
        { type: 'single', choice: 'a' },
        { type: 'single', choice: 'b' },
        { type: 'single', choice: 'c' },
        null,
      ]),
    ).toEqual([
      { id: 0, before: [1, 'correct'], after: [0, 'wrong'], pointsChange: -1 },
      { id: 1, before: [0, 'wrong'], after: [1, 'correct'], pointsChange: 1 },
      { id: 2, before: [0, 'wrong'], after: [0, 'wrong'], pointsChange: 0 },
      { id: 3, before: [0, 'unanswered'], after: [0, 'unanswered'], pointsChange: 0 },
    ]);
  });

  it('changes a year', () => {
    const revised = revise(yearQuestion, { kind: 'change-key', key: 1974 });
    expect(scores(asked(yearQuestion), revised, [{ type: 'year', text: '1974' }])[0]?.after).toEqual([
      1,
      'correct',
    ]);
  });
});

describe('regrading after an additional accepted answer', () => {
  it('gives the point to a short text the new answer matches, folded as always', () => {
    // Accepted before: "Enabel", "Belgian Development Agency".
    const revised = revise(shortTextQuestion, {
      kind: 'accept-answer',
      answer: 'Belgian Technical Cooperation',
    });
    expect(
      scores(asked(shortTextQuestion), revised, [
        { type: 'short-text', text: 'belgian technical cooperation' },
        { type: 'short-text', text: 'Enabel' },
        { type: 'short-text', text: 'BTC' },
      ]),
    ).toEqual([
      { id: 0, before: [0, 'wrong'], after: [1, 'correct'], pointsChange: 1 },
      { id: 1, before: [1, 'correct'], after: [1, 'correct'], pointsChange: 0 },
      { id: 2, before: [0, 'wrong'], after: [0, 'wrong'], pointsChange: 0 },
    ]);
  });

  it('re-weighs every multiple-choice response when a third choice becomes right', () => {
    // Before: right a, c (½ each); wrong b, d (−½ each). After: right a, b, c (⅓ each); wrong d (−1).
    const revised = revise(multipleQuestion, { kind: 'accept-answer', answer: 'b' });
    expect(
      scores(asked(multipleQuestion, ['a', 'b', 'c', 'd']), revised, [
        picks('a', 'b'), // ½ − ½ = 0, then ⅓ + ⅓ = ⅔
        picks('a', 'c'), // ½ + ½ = 1, then ⅓ + ⅓ = ⅔
        picks('a', 'b', 'c'), // 1 − ½ = ½, then 1
        picks('a', 'c', 'd'), // 1 − ½ = ½, then ⅔ − 1 < 0, so 0
      ]),
    ).toEqual([
      { id: 0, before: [0, 'wrong'], after: [0.667, 'partial'], pointsChange: 0.666667 },
      { id: 1, before: [1, 'correct'], after: [0.667, 'partial'], pointsChange: -0.333333 },
      { id: 2, before: [0.5, 'partial'], after: [1, 'correct'], pointsChange: 0.5 },
      { id: 3, before: [0.5, 'partial'], after: [0, 'wrong'], pointsChange: -0.5 },
    ]);
  });
});

describe('regrading after a removed choice', () => {
  it('stops a removed wrong choice costing anything, and makes the one wrong choice left cost it all', () => {
    // Before: right a, c; wrong b, d (−½ each). After removing b: wrong d alone (−1).
    const revised = revise(multipleQuestion, { kind: 'remove-choice', choiceId: 'b' });
    expect(
      scores(asked(multipleQuestion, ['d', 'b', 'a', 'c']), revised, [
        picks('a', 'b'), // ½ − ½ = 0, then ½ (b is no longer there)
        picks('a', 'c', 'd'), // 1 − ½ = ½, then 1 − 1 = 0
        picks('a', 'c'), // 1, then 1
      ]),
    ).toEqual([
      { id: 0, before: [0, 'wrong'], after: [0.5, 'partial'], pointsChange: 0.5 },
      { id: 1, before: [0.5, 'partial'], after: [0, 'wrong'], pointsChange: -0.5 },
      { id: 2, before: [1, 'correct'], after: [1, 'correct'], pointsChange: 0 },
    ]);
  });

  it('keeps the shown order of the choices left, and a single choice that was removed stays wrong', () => {
    const revised = revise(singleQuestion, { kind: 'remove-choice', choiceId: 'c' });
    const [removedPick] = regradeAnswers(asked(singleQuestion, ['c', 'b', 'a']), revised, [
      { id: 'x', response: { type: 'single', choice: 'c' } },
    ]);
    expect(removedPick?.after).toMatchObject({ points: 0, verdict: 'wrong' });
    expect(
      removedPick?.after.parts?.map((part) => (part.kind === 'choice' ? part.choiceId : part.kind)),
    ).toEqual(['b', 'a']);
  });
});

describe('changes that do not fit', () => {
  it('says why, and leaves the question as it was', () => {
    const problems = [
      applyQuestionChange(singleQuestion, { kind: 'remove-choice', choiceId: 'a' }),
      applyQuestionChange(singleQuestion, { kind: 'accept-answer', answer: 'b' }),
      applyQuestionChange(singleQuestion, { kind: 'change-key', key: 'z' }),
      applyQuestionChange(shortTextQuestion, { kind: 'accept-answer', answer: 'Enabel' }),
      applyQuestionChange(shortTextQuestion, { kind: 'accept-answer', answer: '   ' }),
      applyQuestionChange(orderingQuestion, { kind: 'change-key', key: ['a'] }),
      applyQuestionChange(multipleQuestion, { kind: 'change-key', key: true }),
    ].map((outcome) => (outcome.ok ? 'accepted' : outcome.problem));
    expect(problems).toEqual([
      'the right choice cannot be removed: change the key first',
      'a single question has one right answer: change its key instead',
      'that key does not fit a single question',
      '"Enabel" is already accepted',
      'the accepted answer is empty',
      'the key of this ordering question is changed by editing its bank',
      'that key does not fit a multiple question',
    ]);
    expect(singleQuestion.choices).toHaveLength(3);
  });
});
