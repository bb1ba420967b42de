import type { Question } from '../domain/question';
import type { ExportInput, ExportResult, SkippedQuestion } from './format-types';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** A line our Aiken reader takes for the answer (it also reads "Answer :" and "answer:"). */
export const AIKEN_ANSWER_LINE = /^ANSWER\s*:/i;
/**
 * Moodle's own rule (qformat_aiken::readquestions, on the trimmed line): a capital, `)` or `.`,
 * then a space or tab is an option; a line starting `ANSWER:` ends the question; a line shorter
 * than two characters is skipped. A prompt read any of these ways would be lost in Moodle.
 */
const MOODLE_OPTION_LINE = /^[A-Z][).][ \t]/;
const MOODLE_ANSWER_LINE = /^ANSWER:/;

/** Aiken is one line per question and per option. */
const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ').trim();

function options(question: Question): { texts: string[]; answer: number } | { skip: string } {
  switch (question.type) {
    case 'single':
      return {
        texts: question.choices.map((choice) => choice.text),
        answer: question.choices.findIndex((choice) => choice.id === question.answer),
      };
    case 'true-false':
      return { texts: ['True', 'False'], answer: question.answer ? 0 : 1 };
    case 'multiple':
      return { skip: 'Aiken has one right answer per question; this question has several' };
    default:
      return {
        skip: `Aiken has only single-answer (and true/false) questions, not ${question.type}`,
      };
  }
}

function aikenQuestion(question: Question): { text: string } | { skip: string } {
  const written = options(question);
  if ('skip' in written) return written;
  if (written.texts.length > LETTERS.length) return { skip: `more than ${LETTERS.length} choices` };
  const prompt = oneLine(question.prompt);
  if (MOODLE_OPTION_LINE.test(prompt) || MOODLE_ANSWER_LINE.test(prompt)) {
    return { skip: 'the prompt starts like an Aiken option or answer line, as Moodle reads them' };
  }
  if (prompt.length < 2) return { skip: 'Moodle skips Aiken lines shorter than two characters' };
  const lines = [prompt, ...written.texts.map((text, index) => `${LETTERS[index]}. ${oneLine(text)}`)];
  return { text: [...lines, `ANSWER: ${LETTERS[written.answer] ?? 'A'}`].join('\n') };
}

/**
 * Moodle's Aiken format: single-answer questions only (true/false as the options True and False).
 * Aiken has no feedback, so explanations and citations are not written; line breaks become spaces.
 */
export function exportAiken({ questions, baseName = 'source-quiz' }: ExportInput): ExportResult {
  const skipped: SkippedQuestion[] = [];
  const blocks: string[] = [];
  for (const question of questions) {
    const written = aikenQuestion(question);
    if ('skip' in written) skipped.push({ questionId: question.id, reason: written.skip });
    else blocks.push(written.text);
  }
  return {
    files: [{ name: `${baseName}-aiken.txt`, content: blocks.length > 0 ? `${blocks.join('\n\n')}\n` : '' }],
    skipped,
  };
}
