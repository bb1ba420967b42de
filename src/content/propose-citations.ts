import type { Question } from '../domain/question';
import type { Source } from '../domain/source';
import { numbersAsWritten } from './find-numbers';
import { comparableText } from '../domain/fold-text';

export type CitationProposal = { source: string; passage: string; quote: string; score: number };

// Words too common to say anything about which passage a question comes from.
const STOP_WORDS = new Set(
  'a an and are as at be by for from has have in is it its of on or that the their this to was were which with what who when how many much did does vietnam belgium belgian vietnamese'.split(
    ' ',
  ),
);

function wordsOf(text: string): string[] {
  return comparableText(text)
    .split(' ')
    .filter((word) => word.length > 2 && !STOP_WORDS.has(word));
}

function answerText(question: Question): string {
  switch (question.type) {
    case 'single':
      return question.choices.find((choice) => choice.id === question.answer)?.text ?? '';
    case 'multiple':
      return question.choices
        .filter((choice) => question.answer.includes(choice.id))
        .map((c) => c.text)
        .join(' ');
    case 'ordering':
      return question.choices.map((choice) => choice.text).join(' ');
    case 'matching':
      return [...question.left, ...question.choices].map((choice) => choice.text).join(' ');
    case 'numeric':
      return `${question.answer.value} ${question.answer.unit}`;
    case 'year':
      return String(question.answer);
    case 'true-false':
      return '';
    case 'short-text':
      return question.answer.join(' ');
  }
}

/** The sentence of a passage that shares the most with the question: a first guess at the quote. */
function bestSentence(
  text: string,
  words: ReadonlySet<string>,
  numbers: ReadonlySet<string>,
  answerNumbers: ReadonlySet<string>,
): string {
  // A sentence ends at . ! or ? before a capital: "EUR 46.35 million" stays whole.
  const sentences = text.split(/(?<=[.!?])\s+(?=[A-Z“"‘(])/);
  let best = text;
  let bestScore = -1;
  for (const sentence of sentences) {
    const score =
      wordsOf(sentence).filter((word) => words.has(word)).length +
      3 * numbersAsWritten(sentence).filter((number) => numbers.has(number)).length +
      10 * numbersAsWritten(sentence).filter((number) => answerNumbers.has(number)).length;
    if (score > bestScore) {
      best = sentence.trim();
      bestScore = score;
    }
  }
  return best;
}

/**
 * The passages an imported question most likely comes from, best first: scored by the words and,
 * above all, the numbers they share with its answer, prompt and feedback.
 */
export function proposeCitations(
  question: Question,
  sources: readonly Source[],
  limit = 3,
): CitationProposal[] {
  const text = `${question.prompt} ${answerText(question)} ${question.explanation}`;
  const words = new Set(wordsOf(text));
  const numbers = new Set(numbersAsWritten(text));
  // The answer's own numbers say most about where it is written.
  const answerNumbers = new Set(numbersAsWritten(answerText(question)));
  const proposals: CitationProposal[] = [];
  for (const source of sources) {
    for (const passage of source.passages) {
      const shared = new Set(wordsOf(passage.text).filter((word) => words.has(word)));
      const sharedNumbers = numbersAsWritten(passage.text).filter((number) => numbers.has(number));
      const score =
        shared.size +
        3 * new Set(sharedNumbers).size +
        10 * new Set(sharedNumbers.filter((number) => answerNumbers.has(number))).size;
      if (score > 0) {
        proposals.push({
          source: source.id,
          passage: passage.id,
          quote: bestSentence(passage.text, words, numbers, answerNumbers),
          score,
        });
      }
    }
  }
  return proposals.sort((left, right) => right.score - left.score).slice(0, limit);
}
