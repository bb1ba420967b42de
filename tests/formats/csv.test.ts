import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvSeparatorOf, fromSpreadsheetCell, parseCsv, toSpreadsheetCell, writeCsv } from '@/formats/csv';
import { EXPORTERS } from '@/formats/formats';
import { exportCsv } from '@/formats/export-csv';
import { importCsv } from '@/formats/import-csv';
import { realContent } from './load-test-content';

describe('CSV cells', () => {
  it('neutralises cells a spreadsheet would run as a formula, and undoes it exactly', () => {
    expect(
      ['=1+1', '-1+2', '-', '@SUM(A1)', '\tx', '\rx', "'=x", 'plain', "'quoted"].map(toSpreadsheetCell),
    ).toEqual(["'=1+1", "'-1+2", "'-", "'@SUM(A1)", "'\tx", "'\rx", "''=x", 'plain', "'quoted"]);
    fc.assert(fc.property(fc.string(), (text) => fromSpreadsheetCell(toSpreadsheetCell(text)) === text));
  });

  it('keeps numbers numbers: a negative or signed number is not a formula', () => {
    expect(['-1', '+1', '-0.25', '-1e3', '-12.5'].map(toSpreadsheetCell)).toEqual([
      '-1',
      '+1',
      '-0.25',
      '-1e3',
      '-12.5',
    ]);
    // Files from earlier versions, which guarded numbers too, still read back as numbers.
    expect(fromSpreadsheetCell("'-5")).toBe('-5');
  });

  it('writes and reads a semicolon-separated variant for comma-decimal locales', () => {
    const rows = [
      ['id', 'prompt', 'answer'],
      ['a', 'x; y, z', '-2,5'],
    ];
    const text = writeCsv(rows, ';');
    expect(text).toBe('\uFEFFid;prompt;answer\r\na;"x; y, z";-2,5\r\n');
    expect(
      parseCsv(text.slice(1), csvSeparatorOf(text.slice(1))).records.map((record) => record.cells),
    ).toEqual(rows);
  });

  it('writes RFC 4180: BOM, CRLF, quotes doubled, quoted only when needed', () => {
    expect(
      writeCsv([
        ['a', 'b,c'],
        ['say "hi"', 'two\nlines'],
      ]),
    ).toBe('\uFEFFa,"b,c"\r\n"say ""hi""","two\nlines"\r\n');
  });

  it('reads back any table it writes, with the line each record starts on', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', ' ', '=', '-', "'", 'é', '😀') });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 5 }),
        (rows) => {
          const kept = rows.filter((row) => row.some((value) => value !== ''));
          const { records, problems } = parseCsv(writeCsv(kept));
          expect(problems).toEqual([]);
          expect(records.map((record) => record.cells.map(fromSpreadsheetCell))).toEqual(kept);
          let line = 1;
          kept.forEach((row, index) => {
            expect(records[index]?.line).toBe(line);
            line += row.join('').split('\n').length;
          });
        },
      ),
    );
  });

  it('reports a quote that is never closed, or text after a closing quote', () => {
    expect(parseCsv('a,b\n"open,x\n').problems).toEqual([
      { line: 2, column: 1, message: 'a quoted cell is never closed' },
    ]);
    expect(parseCsv('"a"b,c\n').problems).toEqual([
      { line: 1, column: 4, message: expect.stringMatching(/quote inside a quoted cell must be doubled/) },
    ]);
  });
});

describe('CSV export and import', () => {
  it('round-trips the real banks: every question comes back with its answers and citations', () => {
    const content = realContent();
    const { files, skipped } = exportCsv(content);
    expect(skipped).toEqual([]);
    const result = importCsv(String(files[0]?.content));
    expect(result.problems).toEqual([]);
    expect(result.notes).toEqual([]);
    expect(result.drafts).toEqual(
      // The CSV columns hold no facts and no related questions (README, "Formats").
      content.questions.map((question) => ({
        ...question,
        facts: undefined,
        related: undefined,
        bank: 'imported',
        topics: [],
        difficulty: 2,
      })),
    );
  });

  it('the semicolon variant round-trips the real banks too', () => {
    const content = realContent();
    const { files } = EXPORTERS['csv-semicolon'](content);
    expect(files[0]?.name).toBe('source-quiz-semicolon.csv');
    const result = importCsv(String(files[0]?.content));
    expect(result.problems).toEqual([]);
    expect(result.drafts.map((draft) => draft.answer)).toEqual(
      content.questions.map((question) => question.answer),
    );
  });

  it('lists bad rows with their lines and imports the good ones', () => {
    const text = [
      'type,id,prompt,choices,answer',
      'single,ok,Fine?,"yes\nno",yes',
      'single,bad-answer,Which?,"a\nb",c',
      'essay,bad-type,Write.,,',
      'numeric,bad-number,How much?,,about ten',
      'year,,When?,,1977',
    ].join('\r\n');
    const result = importCsv(text);
    expect(result.drafts.map((draft) => [draft.id, draft.type])).toEqual([
      ['ok', 'single'],
      ['when', 'year'],
    ]);
    expect(result.problems).toEqual([
      { line: 4, message: 'bad-answer: the answer must be exactly one of the choices' },
      { line: 6, message: expect.stringMatching(/^type "essay" is not one of single, multiple/) },
      {
        line: 7,
        message: expect.stringMatching(/^bad-number: the answer must read "value ± tolerance unit"/),
      },
    ]);
  });

  it('needs a header row that names the columns', () => {
    expect(importCsv('1,2,3\n').problems).toEqual([
      { line: 1, message: expect.stringMatching(/missing: id, type, prompt, answer/) },
    ]);
    expect(importCsv('').problems).toEqual([{ line: 1, message: 'the file is empty' }]);
  });
});
