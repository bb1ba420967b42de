import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IMPORTERS, IMPORT_FORMATS } from '@/formats/formats';

/** Text from each format's own alphabet reaches deep into its parser; any Unicode covers the rest. */
const ALPHABETS: Record<string, string[]> = {
  gift: [
    '{',
    '}',
    '=',
    '~',
    '#',
    '####',
    ':',
    '::',
    '\\',
    '%',
    '%50%',
    '->',
    '//',
    '[id:1]',
    '[tag:dates]',
    '$CATEGORY:',
    '[html]',
    '<p>',
    'T',
    'TRUE',
    '1..2',
    '3:1',
    '.',
    '-',
    '\n',
    '\n\n',
    ' ',
    'a',
    '&&035;',
    '&',
  ],
  aiken: [
    'A.',
    'B)',
    'C. ',
    'ANSWER:',
    'ANSWER: A',
    'ANSWER: Z',
    'True',
    'False',
    '\n',
    '\r\n',
    '\n\n',
    ' ',
    'a',
    '?',
  ],
  csv: [
    ',',
    '"',
    '""',
    '\n',
    '\r\n',
    'id',
    'type',
    'prompt',
    'choices',
    'answer',
    'single',
    'numeric',
    'matching',
    ' -> ',
    ' ± ',
    '1',
    '=',
    "'",
    'a',
  ],
  json: [
    '{',
    '}',
    '[',
    ']',
    ',',
    ':',
    '"',
    '"format"',
    '"source-quiz"',
    '"version"',
    '1',
    '"questions"',
    '"sources"',
    '"banks"',
    'null',
    'true',
    '\\',
    '\\u12',
    ' ',
    '\n',
    '-',
    'e5',
  ],
};

describe('importers never throw', () => {
  it.each(IMPORT_FORMATS)('%s: any text gives drafts and located problems, never an exception', (format) => {
    const importer = IMPORTERS[format];
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      fc.string({ unit: fc.constantFrom(...(ALPHABETS[format] ?? ['a'])), maxLength: 60 }),
    );
    fc.assert(
      fc.property(text, (input) => {
        const result = importer(input, { fileName: `file.${format}` });
        for (const problem of [...result.problems, ...result.notes]) {
          expect(problem.line).toBeGreaterThanOrEqual(1);
          expect(problem.message).not.toBe('');
        }
        for (const draft of result.drafts) expect(draft.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      }),
      { numRuns: 400 },
    );
  });

  it('json: a deeply nested document is a problem, not a crash', () => {
    const result = IMPORTERS.json('['.repeat(100_000) + ']'.repeat(100_000));
    expect(result.problems).toHaveLength(1);
  });
});
