import content from 'virtual:content/sources';
import { TOPICS } from '@/content/schema-primitives';
import type { Mistake } from '@/engine/review-queue';

export type Grouping = 'topic' | 'section';

type SectionInfo = { key: string; title: string; sourceTitle: string };

// Passage → its section, and every section in reading order: sources as listed, sections as written.
const sectionByPassage = new Map<string, SectionInfo>();
const sections = new Map<string, SectionInfo>();
for (const source of content.sources) {
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
const sourceTitles = new Map(content.sources.map((source) => [source.id, source.title]));

// A question cited from a passage the sources no longer have is grouped under its source alone.
const GONE = '/?';

/** The group a mistake is listed under: its main (first) topic, or the section its first citation is in. */
export function groupKeyOf(grouping: Grouping, mistake: Mistake): string {
  if (grouping === 'topic') return mistake.question.topics[0] ?? 'other';
  const citation = mistake.question.citations[0];
  if (!citation) return GONE;
  return sectionByPassage.get(`${citation.source}/${citation.passage}`)?.key ?? `${citation.source}${GONE}`;
}

/** Groups in a stable, readable order: topics as the banks define them, sections as the sources read. */
export function groupRank(grouping: Grouping, key: string): number {
  return grouping === 'topic' ? TOPICS.findIndex((topic) => topic === key) : sectionOrder.indexOf(key);
}

/** A group's heading, and what it belongs to (the source of a section). */
export function groupLabel(grouping: Grouping, key: string): { title: string; detail?: string } {
  if (grouping === 'topic') return { title: key.charAt(0).toUpperCase() + key.slice(1) };
  const section = sections.get(key);
  if (section) return { title: section.title, detail: section.sourceTitle };
  const sourceTitle = sourceTitles.get(key.slice(0, -GONE.length));
  return { title: 'Passages no longer in the sources', detail: sourceTitle };
}
