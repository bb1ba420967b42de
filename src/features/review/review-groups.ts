import type { TopicInfo } from '@/domain/content';
import type { Source } from '@/domain/source';
import type { Mistake } from '@/engine/review-queue';

export type Grouping = 'topic' | 'section';

type SectionInfo = { key: string; title: string; sourceTitle: string };

export type ReviewGroups = {
  /** The group a mistake is listed under: its main (first) topic, or the section its first citation is in. */
  keyOf(grouping: Grouping, mistake: Mistake): string;
  /** Groups in a stable, readable order: topics as listed, sections as the sources read. */
  rankOf(grouping: Grouping, key: string): number;
  /** A group's heading, and what it belongs to (the source of a section). */
  labelOf(grouping: Grouping, key: string): { title: string; detail?: string };
};

// A question cited from a passage the sources no longer have is grouped under its source alone.
const GONE = '/?';

/** How mistakes are grouped, given the sources and topics they are grouped by. */
export function reviewGroups(sources: readonly Source[], topics: readonly TopicInfo[]): ReviewGroups {
  // Passage → its section, and every section in reading order: sources as listed, sections as written.
  const sectionByPassage = new Map<string, SectionInfo>();
  const sections = new Map<string, SectionInfo>();
  for (const source of sources) {
    for (const section of source.sections) {
      const key = `${source.id}/${section.id}`;
      sections.set(key, { key, title: section.title, sourceTitle: source.title });
    }
    for (const passage of source.passages) {
      const info = sections.get(`${source.id}/${passage.section}`);
      if (info) sectionByPassage.set(`${source.id}/${passage.id}`, info);
    }
  }
  const sectionOrder = [...sections.keys()];
  const sourceTitles = new Map(sources.map((source) => [source.id, source.title]));
  const topicOrder = topics.map((topic) => topic.id);
  const topicNames = new Map(topics.map((topic) => [topic.id, topic.name]));

  return {
    keyOf(grouping, mistake) {
      if (grouping === 'topic') return mistake.question.topics[0] ?? 'other';
      const citation = mistake.question.citations[0];
      if (!citation) return GONE;
      return (
        sectionByPassage.get(`${citation.source}/${citation.passage}`)?.key ?? `${citation.source}${GONE}`
      );
    },
    rankOf(grouping, key) {
      const rank = grouping === 'topic' ? topicOrder.indexOf(key) : sectionOrder.indexOf(key);
      // Unknown groups (a topic or passage since removed) come last.
      return rank < 0 ? Number.MAX_SAFE_INTEGER : rank;
    },
    labelOf(grouping, key) {
      if (grouping === 'topic') return { title: topicNames.get(key) ?? key };
      const section = sections.get(key);
      if (section) return { title: section.title, detail: section.sourceTitle };
      const sourceTitle = sourceTitles.get(key.slice(0, -GONE.length));
      return { title: 'Passages no longer in the sources', detail: sourceTitle };
    },
  };
}
