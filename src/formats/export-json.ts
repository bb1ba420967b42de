import type { Content } from '../domain/content';

export const EXPORT_FORMAT = 'source-quiz';
/** 2 added each question's `facts` and `related`, which a reader of version 1 would refuse. */
export const EXPORT_VERSION = 2;
/** Versions the importer reads: version 1 documents are version 2 without facts and related. */
export const READABLE_VERSIONS = [1, 2] as const;

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
