import type { Content } from '../domain/content';

export const EXPORT_FORMAT = 'source-quiz';
export const EXPORT_VERSION = 1;

/** The whole content as one versioned JSON document (its shape is documented in README.md). */
export function exportJson(content: Pick<Content, 'sources' | 'banks' | 'questions'>) {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    sources: content.sources.map(({ id, title, sections, passages }) => ({
      id,
      title,
      sections,
      passages: passages.map(({ id: passage, section, kind, text }) => ({
        id: passage,
        section,
        kind,
        text,
      })),
    })),
    banks: content.banks.map(({ id, title, description, questionIds }) => ({
      id,
      title,
      description,
      questionIds,
    })),
    questions: content.questions,
  };
}
