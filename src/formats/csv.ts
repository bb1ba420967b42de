import type { ImportProblem } from './format-types';

const BOM = '\uFEFF';
/** Characters a spreadsheet reads as the start of a formula (OWASP's list for CSV injection). */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/**
 * A cell a spreadsheet will not run: one that starts with = + - @, a tab or a carriage return gets a
 * leading single quote. A cell that already starts with quotes before such a character gets one
 * more, so `fromSpreadsheetCell` can always undo it exactly.
 */
export function toSpreadsheetCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function fromSpreadsheetCell(text: string): string {
  return /^'+[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

function quoteCell(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** RFC 4180 text: CRLF between records, quotes only where needed, UTF-8 BOM so that Excel reads accents. */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  return (
    BOM +
    rows.map((row) => row.map((cell) => quoteCell(toSpreadsheetCell(cell))).join(',')).join('\r\n') +
    '\r\n'
  );
}

export type CsvRecord = { line: number; cells: string[] };

/**
 * Reads RFC 4180 CSV (quoted cells may hold commas, doubled quotes and line breaks) and says on which
 * line each record starts. Lenient where the RFC is strict: LF or CR alone also end a record, and a
 * stray quote is kept as text and reported. Blank lines are skipped. Formula guards are not undone here.
 */
export function parseCsv(text: string): { records: CsvRecord[]; problems: ImportProblem[] } {
  const input = text.startsWith(BOM) ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  const problems: ImportProblem[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let column = 1;
  let recordLine = 1;
  let index = 0;

  const endCell = () => {
    cells.push(cell);
    cell = '';
  };
  const endRecord = () => {
    endCell();
    if (cells.some((value) => value !== '')) records.push({ line: recordLine, cells });
    cells = [];
  };
  /** Consumes a line break at `index` if there is one, keeping line and column right. */
  const takeLineBreak = (): boolean => {
    const char = input[index];
    if (char !== '\r' && char !== '\n') return false;
    index += char === '\r' && input[index + 1] === '\n' ? 2 : 1;
    line += 1;
    column = 1;
    return true;
  };

  while (index < input.length) {
    if (input[index] === '"' && cell === '') {
      const openLine = line;
      const openColumn = column;
      index += 1;
      column += 1;
      let isClosed = false;
      while (index < input.length) {
        if (input[index] === '"') {
          if (input[index + 1] === '"') {
            cell += '"';
            index += 2;
            column += 2;
            continue;
          }
          index += 1;
          column += 1;
          isClosed = true;
          break;
        }
        if (!takeLineBreak()) {
          cell += input[index];
          index += 1;
          column += 1;
        } else {
          cell += '\n';
        }
      }
      if (!isClosed)
        problems.push({ line: openLine, column: openColumn, message: 'a quoted cell is never closed' });
      const next = input[index];
      if (index < input.length && next !== ',' && next !== '\r' && next !== '\n') {
        problems.push({
          line,
          column,
          message: 'text after a closing quote: a quote inside a quoted cell must be doubled ("")',
        });
        while (
          index < input.length &&
          input[index] !== ',' &&
          input[index] !== '\r' &&
          input[index] !== '\n'
        ) {
          cell += input[index];
          index += 1;
          column += 1;
        }
      }
      continue;
    }
    if (input[index] === ',') {
      endCell();
      index += 1;
      column += 1;
      continue;
    }
    if (takeLineBreak()) {
      endRecord();
      recordLine = line;
      continue;
    }
    cell += input[index];
    index += 1;
    column += 1;
  }
  if (cell !== '' || cells.length > 0) endRecord();
  return { records, problems };
}
