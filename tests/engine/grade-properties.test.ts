import type { Question } from '@/domain/question';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradeAnswer } from '@/engine/grade-answer';
import type { LearnerResponse } from '@/domain/learner-response';
import { presentQuestion } from '@/engine/present-question';
import { createRandom } from '@/engine/random';
import { everyTypePool } from './fixtures';

function perfectResponse(question: Question): LearnerResponse {
  switch (question.type) {
    case 'single':
      return { type: 'single', choice: question.answer };
    case 'multiple':
      return { type: 'multiple', choices: question.answer };
    case 'true-false':
      return { type: 'true-false', value: question.answer };
    case 'numeric':
      return { type: 'numeric', text: String(question.answer.value) };
    case 'year':
      return { type: 'year', text: String(question.answer) };
    case 'ordering':
      return { type: 'ordering', order: question.answer };
    case 'matching':
      return {
        type: 'matching',
        pairs: Object.fromEntries(question.answer.map((pair) => [pair.left, pair.choice])),
      };
    case 'short-text':
      return { type: 'short-text', text: question.answer[0] ?? '' };
  }
}

function blankResponse(question: Question): LearnerResponse {
  switch (question.type) {
    case 'single':
      return { type: 'single', choice: null };
    case 'multiple':
      return { type: 'multiple', choices: [] };
    case 'true-false':
      return { type: 'true-false', value: null };
    case 'ordering':
      return { type: 'ordering', order: [] };
    case 'matching':
      return { type: 'matching', pairs: {} };
    case 'numeric':
    case 'year':
    case 'short-text':
      return { type: question.type, text: ' ' };
  }
}

const ids = fc.constantFrom('a', 'b', 'c', 'd', 'e', '1', '2', '3', '4', 'zz', '');
const responseArbitrary: fc.Arbitrary<LearnerResponse> = fc.oneof(
  fc.record({ type: fc.constant('single'), choice: fc.option(ids) }),
  fc.record({ type: fc.constant('multiple'), choices: fc.array(ids) }),
  fc.record({ type: fc.constant('true-false'), value: fc.option(fc.boolean()) }),
  fc.record({ type: fc.constantFrom('numeric', 'year', 'short-text'), text: fc.string() }),
  fc.record({ type: fc.constant('ordering'), order: fc.array(ids) }),
  fc.record({ type: fc.constant('matching'), pairs: fc.dictionary(ids, ids) }),
);
const questionArbitrary = fc.constantFrom(...everyTypePool);

describe('gradeAnswer (properties)', () => {
  it('keeps points in [0, 1], with a verdict that agrees, and never throws', () => {
    fc.assert(
      fc.property(questionArbitrary, responseArbitrary, fc.string(), (question, response, seed) => {
        const grade = gradeAnswer(presentQuestion(question, createRandom(seed)), response);
        expect(grade.points).toBeGreaterThanOrEqual(0);
        expect(grade.points).toBeLessThanOrEqual(1);
        expect(grade.maxPoints).toBe(1);
        expect(grade.questionId).toBe(question.id);
        expect(grade.isCorrect).toBe(grade.points === 1);
        const verdict =
          grade.points === 1 ? 'correct' : grade.points > 0 ? 'partial' : ['wrong', 'unanswered'];
        expect([verdict].flat()).toContain(grade.verdict);
        expect(JSON.parse(JSON.stringify(grade))).toEqual(grade);
      }),
    );
  });

  it('gives a perfect answer 1 and a blank one 0, however the question is shown', () => {
    fc.assert(
      fc.property(questionArbitrary, fc.string(), (question, seed) => {
        const presented = presentQuestion(question, createRandom(seed));
        expect(gradeAnswer(presented, perfectResponse(question))).toMatchObject({
          points: 1,
          verdict: 'correct',
        });
        expect(gradeAnswer(presented, blankResponse(question))).toMatchObject({
          points: 0,
          verdict: 'unanswered',
        });
      }),
    );
  });

  it('gives the presented order of an ordering question less than full points', () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const question = everyTypePool.find((candidate) => candidate.type === 'ordering')!;
        const presented = presentQuestion(question, createRandom(seed));
        expect(
          gradeAnswer(presented, { type: 'ordering', order: presented.choiceOrder }).points,
        ).toBeLessThan(1);
      }),
    );
  });
});
