import type { Choice } from '../domain/question';
import type { GIFTQuestion, NumericalChoice, NumericalFormat, TextFormat } from 'gift-pegjs';
import type { ImportProblem, QuestionBody } from './format-types';
import { decodeEntities, htmlToText } from './html-to-text';
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

const TAG = /<\/?[a-z][^>]*>|<!--/i;

/** Moodle shows its default text format as HTML too, so tags in it are read as HTML. */
export function readsAsHtml(format: TextFormat, context: GiftContext): boolean {
  return format.format === 'html' || (format.format === 'moodle' && TAG.test(context.restore(format.text)));
}

/** A GIFT text as plain text: the `&` swap undone, HTML turned into text, entities decoded but in plain text. */
export function textOf(format: TextFormat | null | undefined, context: GiftContext): string {
  if (!format) return '';
  const text = context.restore(format.text);
  if (readsAsHtml(format, context)) return htmlToText(text);
  return format.format === 'plain' ? text.trim() : decodeEntities(text).trim();
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

function numberText(format: NumericalFormat): string {
  if (format.type === 'high-low') return `${format.numberLow}..${format.numberHigh}`;
  if (format.type === 'range') return `${format.number}:${format.range}`;
  return String(format.number);
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

const quoted = (text: string) => `"${text.length > 60 ? `${text.slice(0, 59)}…` : text}"`;

/**
 * The app shows one explanation per question, after any answer; feedback written for one answer
 * has no place there, so it is listed, once per question, rather than dropped silently.
 */
function noteDroppedFeedback(
  at: Located,
  context: GiftContext,
  dropped: readonly { answer: string; feedback: string }[],
): void {
  const listed = dropped.filter((item) => item.feedback.length > 0);
  if (listed.length === 0) return;
  context.notes.push({
    ...at,
    message: `feedback for single answers left out (the app shows one explanation for every answer): ${listed
      .map((item) => `${quoted(item.answer)} → ${quoted(item.feedback)}`)
      .join('; ')}`,
  });
}

const percent = (weight: number | null) => `${weight ?? 0}%`;

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
      problem:
        'more than one answer marked "=": mark the one right answer with "=", or give each right answer a weight such as ~%50%',
    };
  }
  const [right] = marked;
  const dropFeedbackExcept = (kept: number | undefined) =>
    noteDroppedFeedback(
      at,
      context,
      texts.flatMap((answer, index) =>
        index === kept ? [] : [{ answer, feedback: feedbackOf(index) ?? '' }],
      ),
    );
  if (right !== undefined) {
    const weighted = question.choices.filter(
      (choice, index) => index !== right && (choice.weight ?? 0) !== 0,
    );
    if (weighted.length > 0) {
      context.notes.push({
        ...at,
        message: `weights on wrong choices left out (${weighted
          .map((choice) => `${quoted(textOf(choice.text, context))} ${percent(choice.weight)}`)
          .join(', ')}): a single-answer question here is right or wrong`,
      });
    }
    dropFeedbackExcept(right);
    return {
      draft: { type: 'single', choices, answer: choices[right]?.id ?? 'a' },
      explanation: feedbackOf(right),
    };
  }
  const positive = question.choices.flatMap((choice, index) => ((choice.weight ?? 0) > 0 ? [index] : []));
  if (positive.length === 0)
    return { problem: 'no right choice: mark one with "=" or give right choices a positive %weight%' };
  noteChangedWeights(question, positive, at, context);
  dropFeedbackExcept(positive[0]);
  return {
    draft: { type: 'multiple', choices, answer: positive.map((index) => choices[index]?.id ?? 'a') },
    explanation: feedbackOf(positive[0]),
  };
}

/**
 * The app grades multiple answers as Moodle does with equal weights: each right choice earns
 * 1/(right ones), each wrong choice chosen costs 1/(wrong ones). Any other weight the author gave,
 * such as a wrong choice at 0% (no penalty), is named with the weight it now has.
 */
function noteChangedWeights(
  question: Extract<GIFTQuestion, { type: 'MC' }>,
  positive: readonly number[],
  at: Located,
  context: GiftContext,
): void {
  const wrongCount = question.choices.length - positive.length;
  const changed = question.choices.flatMap((choice, index) => {
    const now = positive.includes(index) ? 100 / positive.length : -100 / Math.max(wrongCount, 1);
    const was = choice.weight ?? 0;
    return Math.abs(was - now) > 0.01
      ? [`${quoted(textOf(choice.text, context))} ${percent(was)} → ${Number(now.toFixed(5))}%`]
      : [];
  });
  if (changed.length > 0) {
    context.notes.push({
      ...at,
      message: `weights changed to the app's rule (right choices share 100%, wrong ones share −100%): ${changed.join(', ')}`,
    });
  }
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
  // Moodle reads an unescaped `*` as a wildcard; `\*` is a star.
  const answer = accepted
    .map((choice) => context.restore(choice.text.text).trim())
    .filter((text) => text.length > 0)
    .map((text) => {
      if (/(^|[^\\])\*/.test(text))
        context.notes.push({
          ...at,
          message: `"*" in "${text}" is a wildcard in Moodle: kept as a plain star`,
        });
      return text.replace(/\\\*/g, '*');
    });
  if (answer.length === 0) return { problem: 'no answer is marked right: mark the accepted answer with "="' };
  noteDroppedFeedback(
    at,
    context,
    question.choices
      .filter((choice) => choice !== accepted[0])
      .map((choice) => ({
        answer: textOf(choice.text, context),
        feedback: textOf(choice.feedback, context),
      })),
  );
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
  if (!best || !number)
    return { problem: 'no number is marked right: give the accepted number, e.g. {#1973}' };
  if (options.length > 1) {
    context.notes.push({ ...at, message: 'only the full-credit number was kept' });
    noteDroppedFeedback(
      at,
      context,
      options
        .filter((choice) => choice !== best)
        .map((choice) => ({ answer: numberText(choice.text), feedback: textOf(choice.feedback, context) })),
    );
  }
  const explanation = textOf(best.feedback, context) || undefined;
  if (isYearQuestion(prompt, number.value, number.tolerance)) {
    return { draft: { type: 'year', answer: number.value }, explanation };
  }
  context.notes.push({
    ...at,
    message:
      'the number has no unit (GIFT numbers have none): name the unit in the question text if it needs one',
  });
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
      noteDroppedFeedback(at, context, [
        { answer: question.isTrue ? 'false' : 'true', feedback: textOf(question.trueFeedback, context) },
      ]);
      return { draft: { type: 'true-false', answer: question.isTrue }, explanation: right };
    }
    case 'Essay':
      return {
        problem:
          'essay questions cannot be imported (the app grades every answer by itself): leave it out, or give the answers it accepts',
      };
    case 'Description':
    case 'Category':
      return undefined;
  }
}
