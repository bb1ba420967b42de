import type { Content, TopicInfo } from '../domain/content';
import type { Topic } from '../domain/question';

/** What the first page knows about the content: titles and counts, small enough to load with it. */
export type Catalog = {
  /** Every topic, in the order the app lists them. */
  topics: TopicInfo[];
  sources: { id: string; title: string; passageCount: number; sectionCount: number }[];
  banks: { id: string; title: string; description: string; questionCount: number; topics: Topic[] }[];
};

/** The catalog of checked content: a bank lists the topics its questions use, in the topics' order. */
export function toCatalog(content: Content): Catalog {
  const byId = new Map(content.questions.map((question) => [question.id, question]));
  const order = content.topics.map((topic) => topic.id);
  return {
    topics: content.topics,
    sources: content.sources.map((source) => ({
      id: source.id,
      title: source.title,
      passageCount: source.passages.length,
      sectionCount: source.sections.length,
    })),
    banks: content.banks.map((bank) => {
      const used = new Set(bank.questionIds.flatMap((id) => byId.get(id)?.topics ?? []));
      return {
        id: bank.id,
        title: bank.title,
        description: bank.description,
        questionCount: bank.questionIds.length,
        topics: order.filter((topic) => used.has(topic)),
      };
    }),
  };
}
