import { exportAiken } from './export-aiken';
import { exportCsv } from './export-csv';
import { exportGift } from './export-gift';
import { exportJsonFile } from './export-json-file';
import { exportMoodleXml } from './export-moodle-xml';
import { exportQti } from './export-qti';
import { reserveIds } from './reserve-ids';
import type { Exporter, ImportContext, Importer } from './format-types';
import { importAiken } from './import-aiken';
import { importCsv } from './import-csv';
import { importGift } from './import-gift';
import { importJson, reserveJsonIds } from './import-json';

export const EXPORTERS = {
  gift: exportGift,
  'moodle-xml': exportMoodleXml,
  qti: exportQti,
  aiken: exportAiken,
  csv: (input) => exportCsv(input),
  'csv-semicolon': (input) => exportCsv(input, ';'),
  json: exportJsonFile,
} satisfies Record<string, Exporter>;
export type ExportFormat = keyof typeof EXPORTERS;

export const IMPORTERS = {
  gift: (text, context?: ImportContext) =>
    reserveIds(importGift(text, context?.knownTopics, context?.onProgress), context?.takenIds),
  aiken: (text, context?: ImportContext) => reserveIds(importAiken(text), context?.takenIds),
  csv: (text, context?: ImportContext) => reserveIds(importCsv(text), context?.takenIds),
  json: (text, context?: ImportContext) =>
    reserveJsonIds(importJson(text, context?.fileName), context?.takenIds),
} satisfies Record<string, Importer>;
export type ImportFormat = keyof typeof IMPORTERS;

export function isExportFormat(name: string): name is ExportFormat {
  return Object.hasOwn(EXPORTERS, name);
}

export function isImportFormat(name: string): name is ImportFormat {
  return Object.hasOwn(IMPORTERS, name);
}

export const EXPORT_FORMATS: readonly ExportFormat[] = Object.keys(EXPORTERS).filter(isExportFormat);
export const IMPORT_FORMATS: readonly ImportFormat[] = Object.keys(IMPORTERS).filter(isImportFormat);

/**
 * The format a file is in, from its name: .gift, .csv, .json; a .txt file is Aiken when it has an
 * `ANSWER:` line and GIFT otherwise (Moodle users save both as .txt).
 */
export function importFormatOf(fileName: string, text: string): ImportFormat | undefined {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'gift' || extension === 'csv' || extension === 'json') return extension;
  if (extension === 'txt') return /^\s*ANSWER\s*:/im.test(text) ? 'aiken' : 'gift';
  return undefined;
}
