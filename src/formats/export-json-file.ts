import { exportJson } from './export-json';
import type { Bank } from '../domain/content';
import type { ExportInput, ExportResult } from './format-types';

/**
 * Our own JSON document (README.md, "The JSON export"), for the whole content or some questions:
 * the banks keep only the given questions, and every source is kept, since citations point into them.
 */
export function exportJsonFile({
  questions,
  sources,
  banks = [],
  baseName = 'source-quiz',
}: ExportInput): ExportResult {
  const bankIds = [...new Set(questions.map((question) => question.bank))];
  const listed: Bank[] = bankIds.map((id) => {
    const known = banks.find((bank) => bank.id === id);
    return {
      id,
      title: known?.title ?? id,
      description: known?.description ?? '',
      file: '',
      questionIds: questions.filter((question) => question.bank === id).map((question) => question.id),
    };
  });
  // Keep the banks in the order the caller lists them, as the loader does.
  const order = (id: string) => {
    const index = banks.findIndex((bank) => bank.id === id);
    return index < 0 ? banks.length : index;
  };
  listed.sort((a, b) => order(a.id) - order(b.id));
  const document = exportJson({ sources: [...sources], banks: listed, questions: [...questions] });
  return {
    files: [{ name: `${baseName}.json`, content: `${JSON.stringify(document, null, 2)}\n` }],
    skipped: [],
  };
}
