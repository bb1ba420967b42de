import type { Question, QuestionFacets } from '../domain/question';
import type { DrawSettings } from './draw-settings';
import { findMatches, type Matches } from './filter-questions';
import { conflictsOf, createPicker, type Conflicts } from './question-conflicts';
import { indexQuestions } from './question-index';
import type { Random } from './random';
import { sample, sampleSpreadByTopic } from './sample-positions';

export type DrawResult = {
  questions: Question[];
  /** How many questions match the filters (recently seen ones included). */
  available: number;
  /** How many were asked for (`available` when the count is 'all'). */
  requested: number;
  /** True when fewer questions match than were asked for. */
  isShort: boolean;
  /**
   * How many questions the quiz lacks because each would meet a related question in it (same fact,
   * or one gives the other away): matching questions the draw had to leave for another quiz.
   */
  heldBack: number;
};

// Enough tries for a small, closely related pool to reach the count asked when it can.
const ATTEMPTS = 24;

function requestedCount(count: number | 'all', available: number): number {
  if (count === 'all') return available;
  return Number.isFinite(count) && count > 0 ? Math.floor(count) : 0;
}

/**
 * What a first draw from `pool` builds before it draws (the pool's index, then its conflicts), as
 * steps a page can run in tasks of their own ahead of the draw. Both are kept for every later draw
 * from the same pool array; run in one task with the draw, they blocked a phone's main thread for
 * about 65 ms (Lighthouse's mobile CPU).
 */
export function drawPreparation(pool: readonly Question[]): (() => void)[] {
  return [() => void indexQuestions(pool), () => void conflictsOf(pool)];
}

/** How many questions the filters of `settings` let through (its count and recency are ignored). */
export function countMatches(pool: readonly QuestionFacets[], settings: DrawSettings): number {
  return findMatches(pool, settings).count;
}

/**
 * The listed ids that stay in a quiz of exactly those questions: in the order listed, each one
 * unless it is related to one kept before it (that one waits for a later quiz).
 */
function firstListedUnrelated(ids: readonly string[], matches: Matches, conflicts: Conflicts): string[] {
  const picker = createPicker(conflicts);
  return ids.filter((id) => {
    const position = matches.index.positionById.get(id);
    if (position === undefined || !matches.includes(position) || !picker.isFree(position)) return false;
    picker.take(position);
    return true;
  });
}

/**
 * Draws questions without replacement, spread across the chosen topics, in a random order, never
 * two related questions (docs/authoring.md, "Facts and related questions"): with `ids`, the first
 * listed of two related questions stays; otherwise whichever the draw reaches first. Ids in `pool`
 * are unique, and the pool array is not changed afterwards (it is indexed once, on first use).
 */
export function drawQuestions(pool: readonly Question[], settings: DrawSettings, random: Random): DrawResult {
  const conflicts = conflictsOf(pool);
  let matches = findMatches(pool, settings);
  const available = matches.count;
  const requested = requestedCount(settings.count, available);
  const wanted = Math.min(requested, available);
  const result = (questions: Question[]): DrawResult => ({
    questions,
    available,
    requested,
    isShort: available < requested,
    heldBack: Math.max(0, wanted - questions.length),
  });
  if (conflicts && settings.ids?.length) {
    const kept = firstListedUnrelated(settings.ids, matches, conflicts);
    if (kept.length < matches.count) matches = findMatches(pool, { ...settings, ids: kept });
  }
  const target = Math.min(requested, matches.count);

  // Recently seen questions that pass the filters, with how recently each was seen (0 = last).
  const recency = new Map<number, number>();
  for (const id of settings.excludeIds ?? []) {
    const position = matches.index.positionById.get(id);
    if (position !== undefined && !recency.has(position) && matches.includes(position)) {
      recency.set(position, recency.size);
    }
  }
  const isRecent = (position: number) => recency.has(position);

  if (settings.keepOrder && settings.ids?.length) {
    const listed = new Set(settings.ids.flatMap((id) => matches.index.positionById.get(id) ?? []));
    const inOrder = [...listed].filter((position) => matches.includes(position)).slice(0, target);
    return result(inOrder.flatMap((position) => pool[position] ?? []));
  }
  const freshWanted = Math.min(target, matches.count - recency.size);

  // Sorted, so that the same topics listed in another order give the same draw.
  const topics = [...new Set(settings.topics ?? [])].sort();
  const seenLongestAgoFirst = [...recency.keys()].reverse();
  const attempt = (): number[] => {
    const picker = createPicker(conflicts);
    const chosen =
      topics.length > 1
        ? sampleSpreadByTopic(matches, topics, freshWanted, isRecent, picker, random)
        : sample(matches.positions, matches.count, freshWanted, isRecent, picker, random);
    for (const position of seenLongestAgoFirst) {
      if (chosen.length >= target) break;
      if (!picker.isFree(position)) continue;
      chosen.push(position);
      picker.take(position);
    }
    return chosen;
  };
  let chosen = attempt();
  // Related questions can end a draw early; another order may fit more of them.
  for (let tries = 1; conflicts && chosen.length < target && tries < ATTEMPTS; tries += 1) {
    const next = attempt();
    if (next.length > chosen.length) chosen = next;
  }

  const questions = chosen.flatMap((position) => pool[position] ?? []);
  return result(random.shuffle(questions));
}
