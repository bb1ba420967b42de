import type { Choice, QuestionOfType } from '../domain/question';
import { NO_ANSWER, toGrade, type Grade, type PairPart, type PositionPart } from './grade';
import type { ResponseOfType } from '../domain/learner-response';

function describePair(part: PairPart, text: string | null): string {
  return `${part.leftText} → ${text ?? NO_ANSWER}`;
}

function textOf(choices: readonly Choice[], id: string): string {
  return choices.find((choice) => choice.id === id)?.text ?? id;
}

/**
 * Partial credit is the share of item pairs the learner put in the right relative order (a
 * Kendall tau distance turned into a score); an item left out counts every pair it is in as wrong.
 * Only the fully right order earns 1.
 */
export function gradeOrdering(
  question: QuestionOfType<'ordering'>,
  response: ResponseOfType<'ordering'>,
  isBlank: boolean,
): Grade {
  const expected = question.answer;
  const given: string[] = [];
  if (!isBlank)
    for (const id of response.order) if (expected.includes(id) && !given.includes(id)) given.push(id);

  let pairs = 0;
  let rightPairs = 0;
  for (let first = 0; first < expected.length; first += 1) {
    for (let second = first + 1; second < expected.length; second += 1) {
      pairs += 1;
      const firstAt = given.indexOf(expected[first] ?? '');
      const secondAt = given.indexOf(expected[second] ?? '');
      if (firstAt >= 0 && secondAt >= 0 && firstAt < secondAt) rightPairs += 1;
    }
  }
  // Every pair in order implies every item present and in place, so only the exact order earns 1.
  const isExact = given.length === expected.length && given.every((id, index) => id === expected[index]);
  const points = pairs > 0 ? rightPairs / pairs : Number(isExact);

  const shownOrder = [...given, ...expected.filter((id) => !given.includes(id))];
  const parts = shownOrder.map((id): PositionPart => {
    const givenIndex = given.indexOf(id);
    const expectedIndex = expected.indexOf(id);
    const text = textOf(question.choices, id);
    return {
      kind: 'position',
      choiceId: id,
      text,
      givenIndex: givenIndex >= 0 ? givenIndex : null,
      expectedIndex,
      isRight: givenIndex === expectedIndex,
    };
  });
  const details = {
    questionId: question.id,
    given: isBlank ? NO_ANSWER : given.map((id) => textOf(question.choices, id)).join(' → '),
    expected: expected.map((id) => textOf(question.choices, id)).join(' → '),
    parts,
  };
  return toGrade(details, points, isBlank);
}

/** Partial credit is the share of left-hand items matched with their right choice. `left` is in the order shown. */
export function gradeMatching(
  question: QuestionOfType<'matching'>,
  response: ResponseOfType<'matching'>,
  left: readonly Choice[],
  isBlank: boolean,
): Grade {
  const parts = left.map((item): PairPart => {
    const picked: unknown = isBlank
      ? undefined
      : Object.hasOwn(response.pairs, item.id)
        ? response.pairs[item.id]
        : undefined;
    const givenChoiceId = typeof picked === 'string' && picked !== '' ? picked : null;
    const expectedChoiceId = question.answer.find((pair) => pair.left === item.id)?.choice ?? '';
    return {
      kind: 'pair',
      leftId: item.id,
      leftText: item.text,
      givenChoiceId,
      givenText: givenChoiceId === null ? null : textOf(question.choices, givenChoiceId),
      expectedChoiceId,
      expectedText: textOf(question.choices, expectedChoiceId),
      isRight: givenChoiceId === expectedChoiceId,
    };
  });
  const rightCount = parts.filter((part) => part.isRight).length;
  const details = {
    questionId: question.id,
    given: isBlank ? NO_ANSWER : parts.map((part) => describePair(part, part.givenText)).join('; '),
    expected: parts.map((part) => describePair(part, part.expectedText)).join('; '),
    parts,
  };
  return toGrade(details, parts.length > 0 ? rightCount / parts.length : 0, isBlank);
}
