import type { Content } from './load-content';

/** What the first page needs to know about the content, small enough to load with it. */
export function toCatalog(content: Content) {
  const byId = new Map(content.questions.map((question) => [question.id, question]));
  return {
    sources: content.sources.map((source) => ({
      id: source.id,
      title: source.title,
      passageCount: source.passages.length,
      sectionCount: source.sections.length,
    })),
    banks: content.banks.map((bank) => ({
      id: bank.id,
      title: bank.title,
      description: bank.description,
      questionCount: bank.questionIds.length,
      topics: [...new Set(bank.questionIds.flatMap((id) => byId.get(id)?.topics ?? []))].sort(),
    })),
  };
}
export type Catalog = ReturnType<typeof toCatalog>;
