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
  return FORMULA_START.test(text) && !NUMBER.test(text) ? `'${text}` : text;
}

/** A plain number ("-5", "+0.25", "-2,5", "-1e3") is read as a number, never run: it stays as it is. */
const NUMBER = /^[-+]?(\d+[.,]?\d*|[.,]\d+)([eE][-+]?\d+)?$/;

export function fromSpreadsheetCell(text: string): string {
  // Also undoes the guard that earlier versions put before numbers ("'-5").
  return /^'+[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/** `,` as RFC 4180 has it; `;` for spreadsheets set to locales whose decimal mark is a comma (fr, nl, de…). */
export type CsvSeparator = ',' | ';';

function quoteCell(cell: string, separator: CsvSeparator): string {
  return /["\r\n]/.test(cell) || cell.includes(separator) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** RFC 4180 text: CRLF between records, quotes only where needed, UTF-8 BOM so that Excel reads accents. */
export function writeCsv(rows: readonly (readonly string[])[], separator: CsvSeparator = ','): string {
  return (
    BOM +
    rows
      .map((row) => row.map((cell) => quoteCell(toSpreadsheetCell(cell), separator)).join(separator))
      .join('\r\n') +
    '\r\n'
  );
}

/** The separator of a CSV file: `;` when its first line has more semicolons than commas. */
export function csvSeparatorOf(text: string): CsvSeparator {
  const firstLine = text.slice(0, Math.max(0, text.search(/[\r\n]/)) || text.length);
  const count = (char: string) => firstLine.split(char).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

export type CsvRecord = { line: number; cells: string[] };

/**
 * Reads RFC 4180 CSV (quoted cells may hold commas, doubled quotes and line breaks) and says on which
 * line each record starts. Lenient where the RFC is strict: LF or CR alone also end a record, and a
 * stray quote is kept as text and reported. Blank lines are skipped. Formula guards are not undone here.
 */
export function parseCsv(
  text: string,
  separator: CsvSeparator = ',',
): { records: CsvRecord[]; problems: ImportProblem[] } {
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
      if (index < input.length && next !== separator && next !== '\r' && next !== '\n') {
        problems.push({
          line,
          column,
          message: 'text after a closing quote: a quote inside a quoted cell must be doubled ("")',
        });
        while (
          index < input.length &&
          input[index] !== separator &&
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
    if (input[index] === separator) {
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
