import type { ShownQuestion } from '../domain/shown-question';
import type { Choice, Question } from '../domain/question';
import type { Random } from './random';

/**
 * A question as one learner sees it: the order its choices (or ordering items, or matching
 * right-hand side) and its matching left-hand side are shown in, as ids. Empty for types
 * without choices. Plain data, so a session can save it.
 */
export type PresentedQuestion = {
  question: Question;
  choiceOrder: string[];
  leftOrder: string[];
};

const MAX_RESHUFFLES = 20;

function isSameOrder(left: readonly string[], right: readonly string[]): boolean {
  return left.length === right.length && left.every((id, index) => id === right[index]);
}

/**
 * A shuffle that is never a give-away when one is avoidable: reshuffles (uniform over the other
 * orders) and, should the generator keep hitting it, rotates by one, which always differs.
 */
function shuffleAvoiding(
  ids: readonly string[],
  isGiveaway: (order: string[]) => boolean,
  random: Random,
): string[] {
  let order = random.shuffle(ids);
  for (let attempt = 0; attempt < MAX_RESHUFFLES && ids.length > 1 && isGiveaway(order); attempt += 1) {
    order = random.shuffle(ids);
  }
  if (ids.length > 1 && isGiveaway(order)) order = [...order.slice(1), ...order.slice(0, 1)];
  return order;
}

function idsOf(choices: readonly Choice[]): string[] {
  return choices.map((choice) => choice.id);
}

/** Shuffles the order choices are shown in; the same generator state gives the same presentation. */
export function presentQuestion(question: Question, random: Random): PresentedQuestion {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return { question, choiceOrder: random.shuffle(idsOf(question.choices)), leftOrder: [] };
    case 'ordering': {
      const choiceOrder = shuffleAvoiding(
        idsOf(question.choices),
        (order) => isSameOrder(order, question.answer),
        random,
      );
      return { question, choiceOrder, leftOrder: [] };
    }
    case 'matching': {
      const leftOrder = random.shuffle(idsOf(question.left));
      const rightFor = new Map(question.answer.map((pair) => [pair.left, pair.choice]));
      const aligned = leftOrder.map((id) => rightFor.get(id) ?? '');
      // Right-hand choices lined up with their left-hand partners would give the answer away.
      const choiceOrder = shuffleAvoiding(
        idsOf(question.choices),
        (order) => isSameOrder(order.slice(0, aligned.length), aligned),
        random,
      );
      return { question, choiceOrder, leftOrder };
    }
    case 'true-false':
    case 'numeric':
    case 'year':
    case 'short-text':
      return { question, choiceOrder: [], leftOrder: [] };
  }
}

/** `choices` in the given order of ids; any the order does not name (an older saved order) come last. */
export function inOrder(choices: readonly Choice[], order: readonly string[]): readonly Choice[] {
  if (order.length === 0) return choices;
  const ordered: Choice[] = [];
  for (const id of order) {
    const choice = choices.find((candidate) => candidate.id === id);
    if (choice && !ordered.includes(choice)) ordered.push(choice);
  }
  if (ordered.length === choices.length) return ordered;
  return [...ordered, ...choices.filter((choice) => !ordered.includes(choice))];
}

/** The choices (or ordering items, or matching right-hand side) in the order they are shown. */
export function presentedChoices(presented: PresentedQuestion): Choice[] {
  const { question } = presented;
  return 'choices' in question ? [...inOrder(question.choices, presented.choiceOrder)] : [];
}

/** The matching left-hand side in the order it is shown; empty for other types. */
export function presentedLeft(presented: PresentedQuestion): Choice[] {
  const { question } = presented;
  return question.type === 'matching' ? [...inOrder(question.left, presented.leftOrder)] : [];
}

/** What the learner is shown before answering: the prompt and the choices in their shown order. */
export function showQuestion(presented: PresentedQuestion): ShownQuestion {
  const { question } = presented;
  return {
    type: question.type,
    prompt: question.prompt,
    choices: presentedChoices(presented),
    left: presentedLeft(presented),
    ...(question.type === 'numeric' ? { unit: question.answer.unit } : {}),
  };
}

/** Tells a presented question from a bare one. */
export function isPresentedQuestion(target: PresentedQuestion | Question): target is PresentedQuestion {
  return 'question' in target && 'choiceOrder' in target;
}
