import { decodeImportText } from './decode-text';
import { idFromPrompt } from './draft-id';
import { draftsToBank } from './drafts-to-bank';
import { IMPORT_FORMATS, IMPORTERS, importFormatOf, isImportFormat, type ImportFormat } from './formats';
import type { ImportResult } from './format-types';
import { writeBankYaml } from './write-bank-yaml';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
const baseNameOf = (path: string) => path.split(/[\\/]/).pop() ?? path;

/**
 * Imports a file (its bytes, or text already decoded) in the given format, or the one its name (and
 * content) suggest. Lines that are not UTF-8 are noted; ids in `takenIds` are not given to drafts.
 */
export function importFile(
  fileName: string,
  content: string | Uint8Array,
  format?: string,
  knownTopics?: readonly string[],
  takenIds?: ReadonlySet<string>,
): { ok: true; format: ImportFormat; result: ImportResult } | { ok: false; message: string } {
  const { text, notes } =
    typeof content === 'string' ? { text: content, notes: [] } : decodeImportText(content);
  const chosen = format ?? importFormatOf(fileName, text);
  if (chosen === undefined) {
    return {
      ok: false,
      message: `Cannot tell the format of ${fileName} from its name: give --format (${IMPORT_FORMATS.join(', ')}).`,
    };
  }
  if (!isImportFormat(chosen))
    return { ok: false, message: `Unknown format "${chosen}". Known formats: ${IMPORT_FORMATS.join(', ')}.` };
  const result = IMPORTERS[chosen](text, { fileName, knownTopics, takenIds });
  return { ok: true, format: chosen, result: { ...result, notes: [...notes, ...result.notes] } };
}

/** What the CLI prints: a summary for stdout, and each problem and note, located, for stderr. */
export function importReport(
  fileName: string,
  format: ImportFormat,
  result: ImportResult,
): { summary: string; details: string[] } {
  const where = (line: number, column?: number) =>
    `${fileName}:${line}${column === undefined ? '' : `:${column}`}`;
  return {
    summary:
      `Imported ${plural(result.drafts.length, 'question')} from ${fileName} (${format}); ` +
      `${plural(result.problems.length, 'question')} not imported, ${plural(result.notes.length, 'note')}.`,
    details: [
      ...result.problems.map((problem) => `${where(problem.line, problem.column)}  ${problem.message}`),
      ...result.notes.map((note) => `${where(note.line, note.column)}  note: ${note.message}`),
    ],
  };
}

/**
 * The drafts as a YAML bank in our authored format, named after the output file. Drafts from
 * other formats have no citations, so the bank is meant to fail `check` until an author adds them.
 */
export function importedBankYaml(
  fileName: string,
  format: ImportFormat,
  result: ImportResult,
  outPath: string,
): { text: string; lines: string[] } {
  const id = idFromPrompt(baseNameOf(outPath).replace(/\.ya?ml$/i, ''));
  const { bank, notes } = draftsToBank(result.drafts, {
    id,
    title: result.bankTitle ?? `Imported from ${baseNameOf(fileName)}`,
    description: `Questions imported from ${baseNameOf(fileName)} (${format}), not yet checked against the sources.`,
  });
  const uncited = result.drafts.filter((draft) => draft.citations.length === 0).length;
  const comment = [
    `Imported from ${baseNameOf(fileName)} (${format}) by npm run bank -- import.`,
    uncited > 0
      ? `${plural(uncited, 'question')} without citations: npm run bank -- check fails on this bank until an author adds them,`
      : 'Every question has citations; npm run bank -- check verifies them against the sources,',
    'along with any empty explanation, topic list or numeric unit.',
  ].join('\n');
  const lines = [
    `Wrote ${plural(bank.questions.length, 'question')} to ${outPath} as the bank "${id}".`,
    ...notes.map((note) => `${note.questionId}: ${note.reason}`),
    ...(uncited > 0
      ? [
          `${plural(uncited, 'question')} have no citations yet: npm run bank -- check fails on this bank until an author adds them.`,
        ]
      : []),
  ];
  return { text: writeBankYaml(bank, comment), lines };
}
