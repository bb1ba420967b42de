import { createIdGiver } from './draft-id';
import { AIKEN_ANSWER_LINE } from './export-aiken';
import {
  DEFAULT_DIFFICULTY,
  IMPORTED_BANK,
  makeDraft,
  type DraftQuestion,
  type ImportProblem,
  type ImportResult,
  type QuestionBody,
} from './format-types';

const OPTION = /^([A-Z])[.)][ \t]+(.*)$/;

type Option = { letter: string; text: string };
type Block = { line: number; prompt: string[]; options: Option[] };

function bodyOf(options: readonly Option[], answer: string): QuestionBody {
  const texts = options.map((option) => option.text.trim().toLowerCase());
  if (options.length === 2 && texts.includes('true') && texts.includes('false')) {
    const chosen = options.find((option) => option.letter === answer);
    return { type: 'true-false', answer: chosen?.text.trim().toLowerCase() === 'true' };
  }
  const choices = options.map((option, index) => ({
    id: 'abcdefghijklmnopqrstuvwxyz'[index] ?? `c${index + 1}`,
    text: option.text.trim(),
  }));
  const index = options.findIndex((option) => option.letter === answer);
  return { type: 'single', choices, answer: choices[index]?.id ?? 'a' };
}

/**
 * Reads Moodle's Aiken format: a question line (or several), options `A.` or `A)`, then
 * `ANSWER: X`. A block with no ANSWER line, or an answer letter that is not an option, is listed
 * as a problem at its line; the other questions still come in. Two options True and False make a
 * true/false question.
 */
export function importAiken(text: string): ImportResult {
  const drafts: DraftQuestion[] = [];
  const draftLines: number[] = [];
  const problems: ImportProblem[] = [];
  const giveId = createIdGiver();
  let block: Block | undefined;

  const abandon = (message: string) => {
    if (block) problems.push({ line: block.line, message });
    block = undefined;
  };

  /** Checks the block that an ANSWER line closes, and keeps it when it is whole. */
  const answer = (raw: string, lineNumber: number) => {
    const current = block;
    block = undefined;
    const [, head = '', rest = ''] = /^(\s*ANSWER\s*:\s*)(.*)$/i.exec(raw) ?? [];
    const letter = rest.trim();
    const fail = (line: number, message: string, column?: number) => problems.push({ line, column, message });
    if (!current) return fail(lineNumber, 'an ANSWER line without a question above it', 1);
    if (current.prompt.length === 0) return fail(current.line, 'options without a question line above them');
    if (current.options.length < 2)
      return fail(current.line, 'a question needs at least two options (A. …, B. …)');
    const letters = current.options.map((option) => option.letter);
    if (new Set(letters).size < letters.length)
      return fail(current.line, 'the same option letter is used twice');
    if (!letters.includes(letter)) {
      return fail(
        lineNumber,
        `the answer "${letter}" is not one of the options (${letters.join(', ')})`,
        head.length + 1,
      );
    }
    const prompt = current.prompt.join('\n');
    draftLines.push(current.line);
    return drafts.push(
      makeDraft(bodyOf(current.options, letter), {
        id: giveId(undefined, prompt),
        bank: IMPORTED_BANK,
        prompt,
        topics: [],
        difficulty: DEFAULT_DIFFICULTY,
        explanation: '',
        citations: [],
      }),
    );
  };

  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .forEach((raw, index) => {
      const line = raw.trim();
      const lineNumber = index + 1;
      if (!line) {
        if (block) abandon('no "ANSWER: X" line after the options');
        return;
      }
      if (AIKEN_ANSWER_LINE.test(line)) {
        answer(raw, lineNumber);
        return;
      }
      const option = OPTION.exec(line);
      if (option) {
        block ??= { line: lineNumber, prompt: [], options: [] };
        block.options.push({ letter: option[1] ?? '', text: option[2] ?? '' });
        return;
      }
      if (block && block.options.length > 0) abandon('no "ANSWER: X" line after the options');
      block ??= { line: lineNumber, prompt: [], options: [] };
      block.prompt.push(line);
    });
  if (block) abandon('no "ANSWER: X" line after the options');
  return { drafts, problems, notes: [], draftLines };
}
