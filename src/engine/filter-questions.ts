import type { QuestionFacets } from '../domain/question';
import type { DrawSettings } from './draw-settings';
import { bitOf, indexQuestions, listKey, type Facet, type QuestionIndex } from './question-index';

/**
 * Settings' filters as bit masks over the index; null means "no filter", and a mask of 0 (values
 * the pool does not have) lets nothing through.
 */
type CompiledFilter = {
  /** Indexed by bank number: 1 when the bank is chosen. */
  banks: Uint8Array | null;
  types: number | null;
  difficulties: number | null;
  topics: number | null;
  /** Positions named by `ids`, in pool order. */
  named: readonly number[] | null;
};

function maskOf<T>(values: readonly T[] | undefined, bit: (value: T) => number): number | null {
  return values && values.length > 0 ? values.reduce((mask, value) => mask | bit(value), 0) : null;
}

function compileFilter(index: QuestionIndex, settings: DrawSettings): CompiledFilter {
  let banks: Uint8Array | null = null;
  if (settings.banks?.length) {
    banks = new Uint8Array(index.bankNumbers.size);
    for (const bank of settings.banks) {
      const number = index.bankNumbers.get(bank);
      if (number !== undefined) banks[number] = 1;
    }
  }
  const named = settings.ids?.length
    ? [...new Set(settings.ids.flatMap((id) => index.positionById.get(id) ?? []))].sort((a, b) => a - b)
    : null;
  return {
    banks,
    types: maskOf(settings.types, bitOf.type),
    difficulties: maskOf(settings.difficulties, bitOf.difficulty),
    topics: maskOf(settings.topics, (topic) => index.topicBit.get(topic) ?? 0),
    named,
  };
}

function isMatch(index: QuestionIndex, filter: CompiledFilter, position: number): boolean {
  const { banks, types, difficulties, topics } = filter;
  return (
    (banks === null || banks[index.bankOf[position] ?? -1] === 1) &&
    (types === null || ((index.typeBits[position] ?? 0) & types) !== 0) &&
    (difficulties === null || ((index.difficultyBits[position] ?? 0) & difficulties) !== 0) &&
    (topics === null || ((index.topicBits[position] ?? 0) & topics) !== 0)
  );
}

/**
 * The union of position lists, list after list. Lists of one facet are disjoint except for topics
 * (a question may have several), so repeats are dropped with a mark per position. Merging into pool
 * order would cost a mispredicted branch per position; this order is just as fixed.
 */
function unionOf(lists: readonly Int32Array[], size: number, mayOverlap: boolean): Int32Array {
  const union = new Int32Array(lists.reduce((total, list) => total + list.length, 0));
  const seen = mayOverlap && lists.length > 1 ? new Uint8Array(size) : null;
  let count = 0;
  for (const list of lists) {
    if (!seen) {
      union.set(list, count);
      count += list.length;
      continue;
    }
    for (const position of list) {
      union[count] = position;
      count += 1 - (seen[position] ?? 0);
      seen[position] = 1;
    }
  }
  return union.subarray(0, count);
}

/**
 * The positions a scan must look at: the shortest of the named ids and, for each filtered facet,
 * the union of its chosen values' lists (values sorted, so the order never depends on how the
 * settings list them). Null when nothing is filtered.
 */
function candidatesFor(
  index: QuestionIndex,
  settings: DrawSettings,
  named: readonly number[] | null,
): Int32Array | null {
  const facets: [Facet, readonly (string | number)[] | undefined][] = [
    ['bank', settings.banks],
    ['type', settings.types],
    ['difficulty', settings.difficulties],
    ['topic', settings.topics],
  ];
  let best: { facet: Facet; lists: Int32Array[] } | null = null;
  let bestSize = named ? named.length : Infinity;
  for (const [facet, values] of facets) {
    if (!values?.length) continue;
    const keys = [...new Set(values.map((value) => listKey(facet, value)))].sort();
    const lists = keys.flatMap((key) => index.lists.get(key) ?? []);
    const size = lists.reduce((total, list) => total + list.length, 0);
    if (size < bestSize) {
      best = { facet, lists };
      bestSize = size;
    }
  }
  if (best) return unionOf(best.lists, index.size, best.facet === 'topic');
  return named ? Int32Array.from(named) : null;
}

export type Matches = {
  index: QuestionIndex;
  /** Pool positions that pass the filters, in a fixed order; null when every question does. */
  positions: Int32Array | null;
  count: number;
  /** Whether one position passes the filters (for ids found some other way, such as recency). */
  includes(position: number): boolean;
};

/** The pool positions that pass the filters of `settings` (count and recency aside). */
export function findMatches(pool: readonly QuestionFacets[], settings: DrawSettings): Matches {
  const index = indexQuestions(pool);
  const filter = compileFilter(index, settings);
  const candidates = candidatesFor(index, settings, filter.named);
  if (!candidates) {
    return {
      index,
      positions: null,
      count: index.size,
      includes: (position) => position >= 0 && position < index.size,
    };
  }
  const namedSet = filter.named ? new Set(filter.named) : null;
  const includes = (position: number) =>
    (namedSet === null || namedSet.has(position)) && isMatch(index, filter, position);
  const positions = new Int32Array(candidates.length);
  let count = 0;
  for (const position of candidates) if (includes(position)) positions[count++] = position;
  return { index, positions: positions.subarray(0, count), count, includes };
}
