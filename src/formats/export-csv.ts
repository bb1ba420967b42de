import type { Question } from '../domain/question';
import { normalizeNewlines } from './cite';
import { CSV_COLUMNS, PAIR_SEPARATOR } from './csv-columns';
import { writeCsv, type CsvSeparator } from './csv';
import type { ExportInput, ExportResult, SkippedQuestion } from './format-types';
import { decimalText } from './number-text';

const textOf = (choices: readonly { id: string; text: string }[], id: string) =>
  choices.find((choice) => choice.id === id)?.text ?? '';

/** The `choices` and `answer` cells: several values are written one per line. */
function answerCells(question: Question): { choices: string[]; answer: string[] } {
  switch (question.type) {
    case 'single':
      return {
        choices: question.choices.map((c) => c.text),
        answer: [textOf(question.choices, question.answer)],
      };
    case 'multiple':
      return {
        choices: question.choices.map((c) => c.text),
        answer: question.answer.map((id) => textOf(question.choices, id)),
      };
    case 'true-false':
      return { choices: [], answer: [String(question.answer)] };
    case 'numeric': {
      const { value, tolerance, unit } = question.answer;
      return { choices: [], answer: [`${decimalText(value)} ± ${decimalText(tolerance)} ${unit}`] };
    }
    case 'year':
      return { choices: [], answer: [String(question.answer)] };
    case 'ordering':
      return { choices: [], answer: question.answer.map((id) => textOf(question.choices, id)) };
    case 'matching':
      return {
        choices: [],
        answer: question.answer.map(
          (pair) =>
            `${textOf(question.left, pair.left)}${PAIR_SEPARATOR}${textOf(question.choices, pair.choice)}`,
        ),
      };
    case 'short-text':
      return { choices: [], answer: [...question.answer] };
  }
}

/** Why a question cannot be written so that the importer reads it back, if it cannot. */
function unwritable(question: Question, cells: { choices: string[]; answer: string[] }): string | undefined {
  if ([...cells.choices, ...cells.answer].some((value) => /[\r\n]/.test(value))) {
    return 'a choice or answer spans several lines, and the cell holds one per line';
  }
  if (question.type === 'matching' && question.left.some((item) => item.text.includes(PAIR_SEPARATOR))) {
    return `a left-hand item contains "${PAIR_SEPARATOR}", which separates the two sides of a pair`;
  }
  return undefined;
}

/**
 * One row per question: id, type, prompt, choices, answer, explanation, source, passage, quote.
 * Lists (choices, answers, pairs `left -> right`, several citations) are one value per line inside
 * the cell; with several citations, line n of source, passage and quote is citation n.
 */
export function exportCsv(
  { questions, baseName = 'source-quiz' }: ExportInput,
  separator: CsvSeparator = ',',
): ExportResult {
  const skipped: SkippedQuestion[] = [];
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const question of questions) {
    const cells = answerCells(question);
    const reason = unwritable(question, cells);
    if (reason) {
      skipped.push({ questionId: question.id, reason });
      continue;
    }
    const flat = (text: string) => normalizeNewlines(text).replace(/\n+/g, ' ');
    rows.push([
      question.id,
      question.type,
      normalizeNewlines(question.prompt),
      cells.choices.join('\n'),
      cells.answer.join('\n'),
      normalizeNewlines(question.explanation),
      question.citations.map((citation) => citation.source).join('\n'),
      question.citations.map((citation) => citation.passage).join('\n'),
      question.citations.map((citation) => flat(citation.quote)).join('\n'),
    ]);
  }
  const name = separator === ';' ? `${baseName}-semicolon.csv` : `${baseName}.csv`;
  return { files: [{ name, content: writeCsv(rows, separator) }], skipped };
}
