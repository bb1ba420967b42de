import { decodeImportText } from './decode-text';
import { IMPORTERS, IMPORT_FORMATS, importFormatOf, type ImportFormat } from './formats';
import type { ImportContext, ImportResult } from './format-types';

/** A file read for the import page: its drafts, problems and notes, or why it cannot be read at all. */
export type ReadImport =
  { fileName: string; format: ImportFormat; result: ImportResult } | { fileName: string; problem: string };

/**
 * Reads an imported file's bytes: decodes them (noting lines that are not UTF-8), tells the format
 * from the name, and runs the importer. The same code runs in the import page's worker and, where
 * workers are unavailable, on the page itself.
 */
export function readImport(
  bytes: Uint8Array,
  fileName: string,
  context: Omit<ImportContext, 'fileName'> = {},
): ReadImport {
  const decoded = decodeImportText(bytes);
  const format = importFormatOf(fileName, decoded.text);
  if (!format) {
    return {
      fileName,
      problem: `its format cannot be told from its name. Rename it to end in .gift, .txt (GIFT or Aiken), .csv or .json (formats read: ${IMPORT_FORMATS.join(', ')}) and choose it again`,
    };
  }
  const result = IMPORTERS[format](decoded.text, { ...context, fileName });
  return { fileName, format, result: { ...result, notes: [...decoded.notes, ...result.notes] } };
}
