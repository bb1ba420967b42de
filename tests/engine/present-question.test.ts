import type { Question } from '@/domain/question';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  presentedChoices,
  presentedLeft,
  presentQuestion,
  type PresentedQuestion,
} from '@/engine/present-question';
import { createRandom } from '@/engine/random';
import { everyTypePool, matchingQuestion, orderingQuestion, singleQuestion, yearQuestion } from './fixtures';

const sorted = (ids: readonly string[]) => [...ids].sort();

function choiceIds(question: Question): string[] {
  return 'choices' in question ? question.choices.map((choice) => choice.id) : [];
}

describe('presentQuestion', () => {
  it('gives a pinned presentation for a fixed seed', () => {
    expect(presentQuestion(singleQuestion, createRandom('abc')).choiceOrder).toEqual(['a', 'b', 'c']);
    expect(presentQuestion(orderingQuestion, createRandom('abc')).choiceOrder).toEqual(['b', 'a', 'c', 'd']);
    expect(presentQuestion(matchingQuestion, createRandom('abc'))).toMatchObject({
      choiceOrder: ['b', 'c', 'a', 'd'],
      leftOrder: ['2', '1', '3', '4'],
    });
  });

  it('leaves questions without choices as they are', () => {
    expect(presentQuestion(yearQuestion, createRandom(1))).toEqual({
      question: yearQuestion,
      choiceOrder: [],
      leftOrder: [],
    });
  });

  it('shows choices and the left-hand side as permutations, the same for the same seed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...everyTypePool), fc.string(), (question, seed) => {
        const presented = presentQuestion(question, createRandom(seed));
        expect(presentQuestion(question, createRandom(seed))).toEqual(presented);
        expect(presented.question).toBe(question);
        expect(sorted(presented.choiceOrder)).toEqual(sorted(choiceIds(question)));
        const leftIds = question.type === 'matching' ? question.left.map((item) => item.id) : [];
        expect(sorted(presented.leftOrder)).toEqual(sorted(leftIds));
      }),
    );
  });

  it('never shows ordering items in the right order, even with two items', () => {
    const twoItems: Question = {
      ...orderingQuestion,
      choices: orderingQuestion.choices.slice(0, 2),
      answer: ['a', 'b'],
    };
    fc.assert(
      fc.property(fc.constantFrom(orderingQuestion, twoItems), fc.string(), (question, seed) => {
        const { choiceOrder } = presentQuestion(question, createRandom(seed));
        expect(choiceOrder).not.toEqual(question.type === 'ordering' ? question.answer : []);
      }),
    );
  });

  it('never lines matching choices up with their partners', () => {
    const answerFor = new Map(matchingQuestion.answer.map((pair) => [pair.left, pair.choice]));
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const { choiceOrder, leftOrder } = presentQuestion(matchingQuestion, createRandom(seed));
        expect(choiceOrder).not.toEqual(leftOrder.map((id) => answerFor.get(id)));
      }),
    );
  });

  it('varies the order between seeds', () => {
    const orders = new Set<string>();
    for (let seed = 0; seed < 30; seed += 1)
      orders.add(presentQuestion(singleQuestion, createRandom(seed)).choiceOrder.join());
    expect(orders.size).toBe(6);
  });
});

describe('presentedChoices and presentedLeft', () => {
  it('list choices in the order shown', () => {
    const presented: PresentedQuestion = {
      question: matchingQuestion,
      choiceOrder: ['d', 'c', 'b', 'a'],
      leftOrder: ['2', '1', '4', '3'],
    };
    expect(presentedChoices(presented).map((choice) => choice.text)).toEqual([
      'Investment company',
      'French-speaking universities',
      'Flemish universities',
      'Development agency',
    ]);
    expect(presentedLeft(presented).map((item) => item.id)).toEqual(['2', '1', '4', '3']);
  });

  it('still show a choice a saved order does not name, and drop ids the question lacks', () => {
    const presented: PresentedQuestion = {
      question: singleQuestion,
      choiceOrder: ['c', 'x', 'a'],
      leftOrder: [],
    };
    expect(presentedChoices(presented).map((choice) => choice.id)).toEqual(['c', 'a', 'b']);
    expect(presentedLeft(presented)).toEqual([]);
  });
});
