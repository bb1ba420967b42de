import type { Question } from '../domain/question';

export const passageKey = (source: string, passage: string) => `${source}/${passage}`;

/** How many questions cite each passage (a question citing a passage twice counts once). */
export function countCitations(questions: readonly Question[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const question of questions) {
    const keys = new Set(question.citations.map((c) => passageKey(c.source, c.passage)));
    for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
