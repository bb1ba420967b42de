import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IMPORTERS, IMPORT_FORMATS } from '@/formats/formats';
import { importFile } from '@/formats/import-file';

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

/** Issue 13 asks for at least 10,000 cases per import format, none slower than 2 s. */
export const FUZZ_RUNS = 10_000;
const SLOWEST_MS = 2_000;

describe('importers never throw', () => {
  it.each(IMPORT_FORMATS)(
    '%s: any text or bytes give drafts and located problems, never an exception or a hang',
    (format) => {
      const input = fc.oneof(
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc.string({ unit: fc.constantFrom(...(ALPHABETS[format] ?? ['a'])), maxLength: 60 }),
        fc.uint8Array({ maxLength: 200 }),
      );
      let runs = 0;
      let slowest = 0;
      fc.assert(
        fc.property(input, (content) => {
          runs += 1;
          const started = performance.now();
          const imported = importFile(`file.${format}`, content, format, [], new Set(['taken']));
          slowest = Math.max(slowest, performance.now() - started);
          if (!imported.ok) throw new Error(imported.message);
          const { result } = imported;
          for (const problem of [...result.problems, ...result.notes]) {
            expect(problem.line).toBeGreaterThanOrEqual(1);
            expect(problem.message).not.toBe('');
          }
          const ids = result.drafts.map((draft) => draft.id);
          for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
          expect(new Set(ids).size).toBe(ids.length);
          expect(ids).not.toContain('taken');
        }),
        { numRuns: FUZZ_RUNS },
      );
      expect(runs).toBeGreaterThanOrEqual(FUZZ_RUNS);
      expect(slowest).toBeLessThan(SLOWEST_MS);
      console.info(`fuzz ${format}: ${runs} cases, slowest ${slowest.toFixed(1)} ms`);
    },
    300_000,
  );

  it('json: a deeply nested document is a problem, not a crash', () => {
    const result = IMPORTERS.json('['.repeat(100_000) + ']'.repeat(100_000));
    expect(result.problems).toHaveLength(1);
  });
});
