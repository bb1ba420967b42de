import type { Question } from '../domain/question';
import { feedbackText } from './cite';
import type { ExportInput, ExportResult, SkippedQuestion } from './format-types';
import { escapeGift, giftNumber, giftRichText, giftShortAnswer, giftWeight } from './gift-text';
import { multipleWeights } from './moodle-weights';
import { ordinal, presentationOrder } from './positions';

const ARROW = '->';

/** Moodle's category path for a bank; a slash inside a name is doubled, as Moodle expects. */
function categoryLine(title: string): string {
  return `$CATEGORY: $course$/top/${title.replace(/[\r\n]+/g, ' ').replace(/\//g, '//')}`;
}

/** `[id:…]` sets Moodle's ID number; `[tag:…]` adds tags (topics and difficulty). */
function metadataComment(question: Question): string {
  const tags = [...question.topics, `difficulty-${question.difficulty}`].map((tag) => `[tag:${tag}]`);
  return `// [id:${question.id}] ${tags.join(' ')}`;
}

type Body = { answers: string[]; change?: string } | { skip: string };

function answerLines(question: Question): Body {
  switch (question.type) {
    case 'single': {
      const right = question.choices.find((choice) => choice.id === question.answer);
      if (right?.text.includes(ARROW))
        return { skip: `the right choice contains "${ARROW}", which GIFT reads as a matching pair` };
      return {
        answers: question.choices.map(
          (choice) => `${choice.id === question.answer ? '=' : '~'}${giftRichText(choice.text)}`,
        ),
      };
    }
    case 'multiple': {
      const { weights, note } = multipleWeights(question);
      return {
        answers: question.choices.map(
          (choice, index) => `~%${giftWeight(weights[index] ?? 0)}%${giftRichText(choice.text)}`,
        ),
        change: note,
      };
    }
    case 'true-false':
      return { answers: [question.answer ? 'TRUE' : 'FALSE'] };
    case 'numeric':
      return { answers: [`#${giftNumber(question.answer.value)}:${giftNumber(question.answer.tolerance)}`] };
    case 'year':
      return { answers: [`#${giftNumber(question.answer)}:0`] };
    case 'short-text': {
      if (question.answer.some((answer) => answer.includes(ARROW))) {
        return { skip: `an accepted answer contains "${ARROW}", which GIFT reads as a matching pair` };
      }
      return { answers: question.answer.map((answer) => `=${giftShortAnswer(answer)}`) };
    }
    case 'matching': {
      if (question.left.some((item) => item.text.includes(ARROW))) {
        return { skip: `a left-hand item contains "${ARROW}", which GIFT uses to separate a pair` };
      }
      const paired = new Set(question.answer.map((pair) => pair.choice));
      // Moodle reads a pair with an empty left side as an extra answer that matches nothing.
      const distractors = question.choices.filter((choice) => !paired.has(choice.id));
      return {
        answers: [
          ...question.answer.map((pair) => {
            const left = question.left.find((item) => item.id === pair.left)?.text ?? '';
            const right = question.choices.find((choice) => choice.id === pair.choice)?.text ?? '';
            return `=${giftRichText(left)} ${ARROW} ${escapeGift(right)}`;
          }),
          ...distractors.map((choice) => `= ${ARROW} ${escapeGift(choice.text)}`),
        ],
      };
    }
    case 'ordering': {
      if (question.choices.some((item) => item.text.includes(ARROW))) {
        return { skip: `an item contains "${ARROW}", which GIFT uses to separate a pair` };
      }
      return {
        answers: presentationOrder(question.choices).map(
          (item) => `=${giftRichText(item.text)} ${ARROW} ${ordinal(question.answer.indexOf(item.id) + 1)}`,
        ),
      };
    }
  }
}

/** One GIFT question: comment, `::id::` title, prompt, then the answers and general feedback in braces. */
export function giftQuestion(
  question: Question,
  feedback: string,
): { text: string; change?: string } | { skip: string } {
  const body = answerLines(question);
  if ('skip' in body) return body;
  const head = `${metadataComment(question)}\n::${escapeGift(question.id)}::${giftRichText(question.prompt)} {`;
  const isNumber = question.type === 'numeric' || question.type === 'year';
  const lines = isNumber
    ? [`${head}${body.answers[0] ?? ''}`]
    : [head, ...body.answers.map((line) => `\t${line}`)];
  return { text: [...lines, `\t####${giftRichText(feedback)}`, '}'].join('\n'), change: body.change };
}

/**
 * Moodle's GIFT text format. Ordering becomes matching: each item is matched with its position
 * ("1st", "2nd", …). Year becomes numerical with tolerance 0. The explanation and the citations are
 * the general feedback. Numeric units are not written (GIFT has none; our prompts name the unit).
 */
export function exportGift({
  questions,
  sources,
  banks = [],
  baseName = 'source-quiz',
}: ExportInput): ExportResult {
  const skipped: SkippedQuestion[] = [];
  const changed: SkippedQuestion[] = [];
  const parts: string[] = [`// Exported from source-quiz: ${questions.length} questions.`];
  let bank: string | undefined;
  for (const question of questions) {
    const written = giftQuestion(question, feedbackText(question, sources));
    if ('skip' in written) {
      skipped.push({ questionId: question.id, reason: written.skip });
      continue;
    }
    if (question.bank !== bank) {
      bank = question.bank;
      parts.push(categoryLine(banks.find((candidate) => candidate.id === bank)?.title ?? bank));
    }
    parts.push(written.text);
    if (written.change) changed.push({ questionId: question.id, reason: written.change });
  }
  return { files: [{ name: `${baseName}.gift`, content: `${parts.join('\n\n')}\n` }], skipped, changed };
}
