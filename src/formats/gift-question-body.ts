import type { Choice } from '../domain/question';
import type { GIFTQuestion, NumericalChoice, NumericalFormat, TextFormat } from 'gift-pegjs';
import type { ImportProblem, QuestionBody } from './format-types';
import { htmlToText } from './html-to-text';
import { parseOrdinal } from './positions';

/** gift-pegjs leaves these placeholders in the right-hand side of matching pairs. */
const PLACEHOLDERS: [RegExp, string][] = [
  [/&&092;/g, '\\'],
  [/&&058;/g, ':'],
  [/&&035;/g, '#'],
  [/&&061;/g, '='],
  [/&&123;/g, '{'],
  [/&&125;/g, '}'],
  [/&&126;/g, '~'],
  [/&&010/g, '\n'],
];

export type Located = { line: number };
/** What the readers of each question share: undoing the `&` swap, and the lists they add to. */
export type GiftContext = {
  restore: (text: string) => string;
  problems: ImportProblem[];
  notes: ImportProblem[];
};

/** A GIFT text as plain text: the `&` swap undone, HTML turned into text. */
export function textOf(format: TextFormat | null | undefined, context: GiftContext): string {
  if (!format) return '';
  const text = context.restore(format.text);
  return format.format === 'html' ? htmlToText(text) : text.trim();
}

function choicesOf(texts: readonly string[], ids = 'abcdefghijklmnopqrstuvwxyz'): Choice[] {
  return texts.map((text, index) => ({ id: ids[index] ?? `c${index + 1}`, text }));
}

/** A GIFT weight of null means full credit on `=` answers. */
const fullCredit = (weight: number | null) => weight === null || weight === 100;

function numberFrom(format: NumericalFormat): { value: number; tolerance: number } | undefined {
  if (format.type === 'simple' && format.number !== undefined) return { value: format.number, tolerance: 0 };
  if (format.type === 'range' && format.number !== undefined) {
    return { value: format.number, tolerance: Math.abs(format.range ?? 0) };
  }
  if (format.type === 'high-low' && format.numberLow !== undefined && format.numberHigh !== undefined) {
    const low = Math.min(format.numberLow, format.numberHigh);
    const high = Math.max(format.numberLow, format.numberHigh);
    // Twelve significant digits drop the binary noise of halving (3.1415, not 3.1414999999999997).
    const clean = (value: number) => Number(value.toPrecision(12));
    return { value: clean((low + high) / 2), tolerance: clean((high - low) / 2) };
  }
  return undefined;
}

/** Year when the number looks like one and the prompt asks for one; our own export writes years this way. */
function isYearQuestion(prompt: string, value: number, tolerance: number): boolean {
  return (
    tolerance === 0 &&
    Number.isInteger(value) &&
    value >= 1000 &&
    value <= 2999 &&
    /\b(year|when)\b/i.test(prompt)
  );
}

export type Body = { draft: QuestionBody; explanation?: string } | { problem: string };

function multipleChoiceBody(
  question: Extract<GIFTQuestion, { type: 'MC' }>,
  at: Located,
  context: GiftContext,
): Body {
  const texts = question.choices.map((choice) => textOf(choice.text, context));
  if (texts.length < 2) return { problem: 'a multiple-choice question needs at least two choices' };
  const choices = choicesOf(texts);
  const marked = question.choices.flatMap((choice, index) => (choice.isCorrect ? [index] : []));
  const feedbackOf = (index: number | undefined) =>
    index === undefined ? undefined : textOf(question.choices[index]?.feedback, context) || undefined;
  if (marked.length > 1) {
    return {
      problem: 'more than one "=" answer: a single-answer question has exactly one right choice here',
    };
  }
  const [right] = marked;
  if (right !== undefined) {
    if (question.choices.some((choice, index) => index !== right && (choice.weight ?? 0) > 0)) {
      context.notes.push({
        ...at,
        message: 'partial credit on wrong choices was left out (single answer: right or wrong)',
      });
    }
    return {
      draft: { type: 'single', choices, answer: choices[right]?.id ?? 'a' },
      explanation: feedbackOf(right),
    };
  }
  const positive = question.choices.flatMap((choice, index) => ((choice.weight ?? 0) > 0 ? [index] : []));
  if (positive.length === 0)
    return { problem: 'no right choice: mark one with "=" or give right choices a positive %weight%' };
  const weights = positive.map((index) => question.choices[index]?.weight ?? 0);
  if (weights.some((weight) => Math.abs(weight - 100 / positive.length) > 0.01)) {
    context.notes.push({ ...at, message: 'unequal weights: every right choice now counts the same' });
  }
  return {
    draft: { type: 'multiple', choices, answer: positive.map((index) => choices[index]?.id ?? 'a') },
    explanation: feedbackOf(positive[0]),
  };
}

function shortAnswerBody(
  question: Extract<GIFTQuestion, { type: 'Short' }>,
  at: Located,
  context: GiftContext,
): Body {
  const accepted = question.choices.filter(
    (choice) => choice.isCorrect && fullCredit(choice.weight) && choice.text.text !== '*',
  );
  if (accepted.length < question.choices.length) {
    context.notes.push({
      ...at,
      message: 'partial-credit and "*" answers were left out (an answer is right or wrong)',
    });
  }
  const answer = accepted.map((choice) => textOf(choice.text, context)).filter((text) => text.length > 0);
  if (answer.length === 0) return { problem: 'no full-credit answer to accept' };
  return {
    draft: { type: 'short-text', answer },
    explanation: textOf(accepted[0]?.feedback, context) || undefined,
  };
}

function numericalBody(
  question: Extract<GIFTQuestion, { type: 'Numerical' }>,
  prompt: string,
  at: Located,
  context: GiftContext,
): Body {
  const options: NumericalChoice[] = Array.isArray(question.choices)
    ? question.choices
    : [{ isCorrect: true, weight: null, text: question.choices, feedback: null }];
  const best = options.find((choice) => choice.isCorrect && fullCredit(choice.weight));
  const number = best ? numberFrom(best.text) : undefined;
  if (!best || !number) return { problem: 'no full-credit number to accept' };
  if (options.length > 1) context.notes.push({ ...at, message: 'only the full-credit number was kept' });
  const explanation = textOf(best.feedback, context) || undefined;
  if (isYearQuestion(prompt, number.value, number.tolerance)) {
    return { draft: { type: 'year', answer: number.value }, explanation };
  }
  context.notes.push({ ...at, message: 'GIFT numbers have no unit: fill in answer.unit' });
  return { draft: { type: 'numeric', answer: { ...number, unit: '' } }, explanation };
}

function matchingBody(
  question: Extract<GIFTQuestion, { type: 'Matching' }>,
  at: Located,
  context: GiftContext,
): Body {
  // Placeholders first: a real "&&035;" in the file is still behind the sentinel at this point.
  const decode = (text: string) =>
    context.restore(PLACEHOLDERS.reduce((result, [from, to]) => result.replace(from, to), text)).trim();
  const pairs = question.matchPairs
    .map((pair) => ({ left: textOf(pair.subquestion, context), right: decode(pair.subanswer) }))
    .filter((pair) => pair.right.length > 0);
  const matched = pairs.filter((pair) => pair.left.length > 0);
  const extra = pairs.filter((pair) => pair.left.length === 0).map((pair) => pair.right);
  if (matched.length < 2) return { problem: 'a matching question needs at least two pairs' };
  const positions = matched.map((pair) => parseOrdinal(pair.right));
  const isOrdering =
    extra.length === 0 &&
    positions.every(
      (position, index) =>
        position !== undefined && positions.indexOf(position) === index && position <= matched.length,
    );
  if (isOrdering) {
    const inOrder = matched
      .map((pair, index) => ({ text: pair.left, position: positions[index] ?? 0 }))
      .sort((a, b) => a.position - b.position);
    const choices = choicesOf(inOrder.map((item) => item.text));
    return { draft: { type: 'ordering', choices, answer: choices.map((choice) => choice.id) } };
  }
  const left = choicesOf(
    matched.map((pair) => pair.left),
    '123456789',
  );
  const choices = choicesOf([...matched.map((pair) => pair.right), ...extra]);
  if (extra.length > 0)
    context.notes.push({
      ...at,
      message: `extra right-hand answers kept as distractors: ${extra.join(', ')}`,
    });
  return {
    draft: {
      type: 'matching',
      left,
      choices,
      answer: left.map((item, index) => ({ left: item.id, choice: choices[index]?.id ?? 'a' })),
    },
  };
}

/** The type-specific part of a draft, a reason it cannot be one, or undefined for what is not a question. */
export function bodyOf(
  question: GIFTQuestion,
  prompt: string,
  at: Located,
  context: GiftContext,
): Body | undefined {
  switch (question.type) {
    case 'MC':
      return multipleChoiceBody(question, at, context);
    case 'Short':
      return shortAnswerBody(question, at, context);
    case 'Numerical':
      return numericalBody(question, prompt, at, context);
    case 'Matching':
      return matchingBody(question, at, context);
    case 'TF': {
      // Moodle reads {T#wrong-answer feedback#right-answer feedback}; gift-pegjs keeps them in that order.
      const right = textOf(question.falseFeedback, context) || undefined;
      return { draft: { type: 'true-false', answer: question.isTrue }, explanation: right };
    }
    case 'Essay':
      return { problem: 'essay questions are not supported (the app grades every answer automatically)' };
    case 'Description':
    case 'Category':
      return undefined;
  }
}
