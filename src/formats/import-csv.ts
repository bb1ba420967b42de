import { QUESTION_TYPES, type QuestionType, type Citation } from '../domain/question';
import { CSV_COLUMNS, NUMERIC_ANSWER, PAIR_SEPARATOR, type CsvColumn } from './csv-columns';
import { csvSeparatorOf, fromSpreadsheetCell, parseCsv } from './csv';
import { createIdGiver } from './draft-id';
import {
  DEFAULT_DIFFICULTY,
  IMPORTED_BANK,
  makeDraft,
  type DraftQuestion,
  type ImportProblem,
  type ImportResult,
  type QuestionBody,
} from './format-types';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const lines = (cell: string) =>
  cell
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
const toChoices = (texts: readonly string[], ids = LETTERS) =>
  texts.map((text, index) => ({ id: ids[index] ?? `c${index + 1}`, text }));
const isQuestionType = (value: string): value is QuestionType =>
  QUESTION_TYPES.some((type) => type === value);

type Row = Record<CsvColumn, string>;

function bodyOf(type: QuestionType, row: Row): QuestionBody | string {
  const answers = lines(row.answer);
  const choices = toChoices(lines(row.choices));
  const idOf = (text: string) => choices.find((choice) => choice.text === text)?.id;
  switch (type) {
    case 'single': {
      const [answer] = answers;
      const id = answer === undefined ? undefined : idOf(answer);
      if (choices.length < 2) return 'needs at least two choices, one per line';
      if (answers.length !== 1 || id === undefined) return 'the answer must be exactly one of the choices';
      return { type, choices, answer: id };
    }
    case 'multiple': {
      const ids = answers.map(idOf);
      if (choices.length < 2) return 'needs at least two choices, one per line';
      if (ids.length === 0 || ids.some((id) => id === undefined))
        return 'every answer line must be one of the choices';
      return { type, choices, answer: ids.filter((id) => id !== undefined) };
    }
    case 'true-false': {
      const value = row.answer.trim().toLowerCase();
      if (value !== 'true' && value !== 'false') return 'the answer must be true or false';
      return { type, answer: value === 'true' };
    }
    case 'numeric': {
      const match = NUMERIC_ANSWER.exec(row.answer.trim());
      if (!match) return 'the answer must read "value ± tolerance unit", e.g. "46.35 ± 0.01 EUR million"';
      return {
        type,
        answer: { value: Number(match[1]), tolerance: Number(match[2]), unit: match[3]?.trim() ?? '' },
      };
    }
    case 'year': {
      const value = row.answer.trim();
      if (!/^-?\d+$/.test(value)) return 'the answer must be a year, e.g. 1973';
      return { type, answer: Number(value) };
    }
    case 'ordering': {
      if (answers.length < 2) return 'needs at least two items, one per line, in the right order';
      const items = toChoices(answers);
      return { type, choices: items, answer: items.map((item) => item.id) };
    }
    case 'matching': {
      const pairs = answers.map((line) => {
        const at = line.indexOf(PAIR_SEPARATOR);
        return at < 0
          ? undefined
          : { left: line.slice(0, at).trim(), right: line.slice(at + PAIR_SEPARATOR.length).trim() };
      });
      if (pairs.length < 2 || pairs.some((pair) => !pair?.left || !pair.right)) {
        return `needs at least two pairs, one per line, written "left${PAIR_SEPARATOR}right"`;
      }
      const whole = pairs.filter((pair) => pair !== undefined);
      const left = toChoices(
        whole.map((pair) => pair.left),
        '123456789',
      );
      const right = toChoices(whole.map((pair) => pair.right));
      return {
        type,
        left,
        choices: right,
        answer: left.map((item, index) => ({ left: item.id, choice: right[index]?.id ?? 'a' })),
      };
    }
    case 'short-text':
      return answers.length > 0 ? { type, answer: answers } : 'needs at least one accepted answer';
  }
}

/** Citations from the aligned lines of the source, passage and quote cells; undefined if they do not line up. */
function citationsOf(row: Row): Citation[] | undefined {
  const [sources, passages, quotes] = [lines(row.source), lines(row.passage), lines(row.quote)];
  if (sources.length !== passages.length || sources.length !== quotes.length) return undefined;
  return sources.map((source, index) => ({
    source,
    passage: passages[index] ?? '',
    quote: quotes[index] ?? '',
  }));
}

/**
 * Reads a CSV in the shape our export writes (columns found by name, so their order and extra
 * columns do not matter). Each bad row is listed with its line; the good rows come in.
 */
export function importCsv(text: string): ImportResult {
  const parsed = parseCsv(text, csvSeparatorOf(text.replace(/^\uFEFF/, '')));
  const problems: ImportProblem[] = [...parsed.problems];
  const notes: ImportProblem[] = [];
  const drafts: DraftQuestion[] = [];
  const draftLines: number[] = [];
  const [header, ...records] = parsed.records;
  if (!header) return { drafts, problems: [...problems, { line: 1, message: 'the file is empty' }], notes };
  const names = header.cells.map((cell) => cell.trim().toLowerCase());
  const missing = ['id', 'type', 'prompt', 'answer'].filter((name) => !names.includes(name));
  if (missing.length > 0) {
    problems.push({
      line: header.line,
      message: `the first row must name the columns; missing: ${missing.join(', ')} (expected ${CSV_COLUMNS.join(', ')})`,
    });
    return { drafts, problems, notes };
  }
  const giveId = createIdGiver();
  for (const record of records) {
    const cell = (name: CsvColumn) => fromSpreadsheetCell(record.cells[names.indexOf(name)] ?? '');
    const row: Row = {
      id: cell('id'),
      type: cell('type'),
      prompt: cell('prompt'),
      choices: cell('choices'),
      answer: cell('answer'),
      explanation: cell('explanation'),
      source: cell('source'),
      passage: cell('passage'),
      quote: cell('quote'),
    };
    const at = { line: record.line };
    const type = row.type.trim();
    const prompt = row.prompt.trim();
    if (!isQuestionType(type)) {
      problems.push({ ...at, message: `type "${type}" is not one of ${QUESTION_TYPES.join(', ')}` });
      continue;
    }
    if (!prompt) {
      problems.push({ ...at, message: 'the prompt is empty' });
      continue;
    }
    const body = bodyOf(type, row);
    if (typeof body === 'string') {
      problems.push({ ...at, message: `${row.id.trim() || type}: ${body}` });
      continue;
    }
    const citations = citationsOf(row);
    if (!citations)
      notes.push({
        ...at,
        message: 'source, passage and quote do not have the same number of lines: citations left out',
      });
    draftLines.push(at.line);
    drafts.push(
      makeDraft(body, {
        id: giveId(row.id.trim(), prompt),
        bank: IMPORTED_BANK,
        prompt,
        topics: [],
        difficulty: DEFAULT_DIFFICULTY,
        explanation: row.explanation.trim(),
        citations: citations ?? [],
      }),
    );
  }
  return { drafts, problems, notes, draftLines };
}
