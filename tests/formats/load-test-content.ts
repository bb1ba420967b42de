import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importJson } from '@/formats/import-json';
import type { ExportInput } from '@/formats/format-types';
import { loadContent } from '@/build/load-content';
import type { Content } from '@/domain/content';
import { readContentFiles } from '@/build/read-content-files';

/** Vitest runs from the project root; import.meta.url is not a file URL under jsdom. */
export const ROOT = process.cwd();
let real: Content | undefined;

/** The project's real banks and sources, loaded once per test file. */
export function realContent(): Content {
  if (!real) {
    const { content, problems } = loadContent(readContentFiles(ROOT));
    if (problems.length > 0) throw new Error(`the real content has ${problems.length} problems`);
    real = content;
  }
  return real;
}

export const SAMPLE_PATH = join(ROOT, 'tests/fixtures/formats/sample-content.json');

/**
 * Nine real questions, one or two of each type, frozen in our JSON shape so the golden files do
 * not change when an author edits a bank.
 */
export function sampleContent(): Required<Pick<ExportInput, 'questions' | 'sources' | 'banks'>> {
  const imported = importJson(readFileSync(SAMPLE_PATH, 'utf8'));
  if (imported.problems.length > 0) throw new Error(JSON.stringify(imported.problems));
  return { questions: imported.drafts, sources: imported.sources, banks: imported.banks };
}
