import type { Content } from '../domain/content';
import { EXPORT_FORMATS, EXPORTERS, isExportFormat } from './formats';
import type { ExportResult } from './format-types';

/**
 * Exports the whole content, or one bank of it, in a named format. What the CLI runs; the app can
 * run the same with the questions a teacher picked.
 */
export function exportContent(
  content: Content,
  format: string,
  bankId?: string,
): { ok: true; result: ExportResult; questionCount: number } | { ok: false; message: string } {
  if (!isExportFormat(format)) {
    return { ok: false, message: `Unknown format "${format}". Known formats: ${EXPORT_FORMATS.join(', ')}.` };
  }
  if (bankId !== undefined && !content.banks.some((bank) => bank.id === bankId)) {
    return {
      ok: false,
      message: `No bank with the id "${bankId}". Banks: ${content.banks.map((bank) => bank.id).join(', ')}.`,
    };
  }
  const questions =
    bankId === undefined
      ? content.questions
      : content.questions.filter((question) => question.bank === bankId);
  const result = EXPORTERS[format]({
    questions,
    sources: content.sources,
    banks: content.banks,
    baseName: bankId ?? 'source-quiz',
  });
  return { ok: true, result, questionCount: questions.length - result.skipped.length };
}

/** One line per skipped or changed question, for the terminal. */
export function skippedLines(result: ExportResult, format: string): string[] {
  const changed = (result.changed ?? []).map(({ questionId, reason }) => `changed ${questionId}: ${reason}`);
  if (result.skipped.length === 0) return changed;
  const count = result.skipped.length;
  return [
    ...changed,
    ...result.skipped.map(({ questionId, reason }) => `skipped ${questionId}: ${reason}`),
    `${count} question${count === 1 ? '' : 's'} skipped: ${format} cannot express ${count === 1 ? 'it' : 'them'}.`,
  ];
}
