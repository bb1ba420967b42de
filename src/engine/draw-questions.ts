import type { Question, QuestionFacets, Topic } from '../domain/question';
import type { DrawSettings } from './draw-settings';
import { findMatches, type Matches } from './filter-questions';
import type { Random } from './random';
import { createIndexSampler } from './sample-indexes';

export type DrawResult = {
  questions: Question[];
  /** How many questions match the filters (recently seen ones included). */
  available: number;
  /** How many were asked for (`available` when the count is 'all'). */
  requested: number;
  /** True when fewer questions match than were asked for. */
  isShort: boolean;
};

function requestedCount(count: number | 'all', available: number): number {
  if (count === 'all') return available;
  return Number.isFinite(count) && count > 0 ? Math.floor(count) : 0;
}

function positionAt(matches: Matches, at: number): number {
  return matches.positions ? (matches.positions[at] ?? -1) : at;
}

/** Up to `wanted` random positions among `candidates` (an index into `matches`), skipping `isSkipped` ones. */
function sample(
  candidates: Int32Array | null,
  size: number,
  wanted: number,
  isSkipped: (position: number) => boolean,
  random: Random,
): number[] {
  const sampler = createIndexSampler(size, random);
  const drawn: number[] = [];
  while (drawn.length < wanted) {
    const at = sampler.next();
    if (at < 0) break;
    const position = candidates ? (candidates[at] ?? -1) : at;
    if (!isSkipped(position)) drawn.push(position);
  }
  return drawn;
}

/** Round-robin over the topics (in a random order), each turn taking a random unused question of that topic. */
function sampleSpreadByTopic(
  matches: Matches,
  topics: readonly Topic[],
  wanted: number,
  isExcluded: (position: number) => boolean,
  random: Random,
): number[] {
  const { topicBits } = matches.index;
  const taken = new Set<number>();
  const turns = random.shuffle(topics).map((topic) => {
    const bit = matches.index.topicBit.get(topic) ?? 0;
    const ofTopic: number[] = [];
    for (let at = 0; at < matches.count; at += 1) {
      const position = positionAt(matches, at);
      if (((topicBits[position] ?? 0) & bit) !== 0) ofTopic.push(position);
    }
    return { positions: ofTopic, sampler: createIndexSampler(ofTopic.length, random), isDone: false };
  });
  const drawn: number[] = [];
  while (drawn.length < wanted && turns.some((turn) => !turn.isDone)) {
    for (const turn of turns) {
      if (turn.isDone || drawn.length >= wanted) continue;
      let position = turn.positions[turn.sampler.next()];
      while (position !== undefined && (taken.has(position) || isExcluded(position))) {
        position = turn.positions[turn.sampler.next()];
      }
      if (position === undefined) {
        turn.isDone = true;
        continue;
      }
      taken.add(position);
      drawn.push(position);
    }
  }
  return drawn;
}

/** How many questions the filters of `settings` let through (its count and recency are ignored). */
export function countMatches(pool: readonly QuestionFacets[], settings: DrawSettings): number {
  return findMatches(pool, settings).count;
}

/**
 * Draws questions without replacement, spread across the chosen topics, in a random order. Ids in
 * `pool` are unique, and the pool array is not changed afterwards (it is indexed once, on first use).
 */
export function drawQuestions(pool: readonly Question[], settings: DrawSettings, random: Random): DrawResult {
  const matches = findMatches(pool, settings);
  // Recently seen questions that pass the filters, with how recently each was seen (0 = last).
  const recency = new Map<number, number>();
  for (const id of settings.excludeIds ?? []) {
    const position = matches.index.positionById.get(id);
    if (position !== undefined && !recency.has(position) && matches.includes(position)) {
      recency.set(position, recency.size);
    }
  }
  const isRecent = (position: number) => recency.has(position);

  const available = matches.count;
  const requested = requestedCount(settings.count, available);
  const wanted = Math.min(requested, available);
  if (settings.keepOrder && settings.ids?.length) {
    const listed = new Set(settings.ids.flatMap((id) => matches.index.positionById.get(id) ?? []));
    const inOrder = [...listed].filter((position) => matches.includes(position)).slice(0, wanted);
    const questions = inOrder.flatMap((position) => pool[position] ?? []);
    return { questions, available, requested, isShort: available < requested };
  }
  const freshWanted = Math.min(wanted, available - recency.size);

  // Sorted, so that the same topics listed in another order give the same draw.
  const topics = [...new Set(settings.topics ?? [])].sort();
  const chosen =
    topics.length > 1
      ? sampleSpreadByTopic(matches, topics, freshWanted, isRecent, random)
      : sample(matches.positions, available, freshWanted, isRecent, random);

  if (chosen.length < wanted) {
    const seenLongestAgoFirst = [...recency.keys()].reverse();
    chosen.push(...seenLongestAgoFirst.slice(0, wanted - chosen.length));
  }

  const questions = chosen.flatMap((position) => pool[position] ?? []);
  return { questions: random.shuffle(questions), available, requested, isShort: available < requested };
}
