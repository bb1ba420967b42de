import type { Question } from '../domain/question';

/** The fields that say which questions must not meet: the facts each asks and the questions it names. */
export type Relating = Pick<Question, 'id' | 'facts' | 'related'>;

/**
 * Which questions of a pool must never be in one quiz, by pool position: two questions that ask a
 * common fact, or of which either names the other in `related`. Stored as compressed lists (the
 * conflicts of position p are `targets[offsets[p]]` up to `targets[offsets[p + 1]]`).
 */
export type Conflicts = { offsets: Int32Array; targets: Int32Array };

function buildConflicts(pool: readonly Relating[]): Conflicts | null {
  if (!pool.some((question) => question.facts?.length || question.related?.length)) return null;
  const positionById = new Map<string, number>();
  pool.forEach((question, position) => {
    if (!positionById.has(question.id)) positionById.set(question.id, position);
  });
  const linked: Set<number>[] = pool.map(() => new Set());
  const link = (a: number, b: number) => {
    if (a === b) return;
    linked[a]?.add(b);
    linked[b]?.add(a);
  };
  const byFact = new Map<string, number[]>();
  pool.forEach((question, position) => {
    for (const fact of new Set(question.facts ?? []))
      byFact.set(fact, [...(byFact.get(fact) ?? []), position]);
    for (const id of question.related ?? []) {
      const other = positionById.get(id);
      if (other !== undefined) link(position, other);
    }
  });
  for (const positions of byFact.values()) {
    for (const a of positions) for (const b of positions) link(a, b);
  }
  const offsets = new Int32Array(pool.length + 1);
  linked.forEach((set, position) => (offsets[position + 1] = (offsets[position] ?? 0) + set.size));
  const targets = new Int32Array(offsets[pool.length] ?? 0);
  linked.forEach((set, position) => targets.set([...set], offsets[position] ?? 0));
  return { offsets, targets };
}

// Like the question index: built once per pool array (pools are never mutated), rebuilt if its length changed.
const cache = new WeakMap<readonly Relating[], { size: number; conflicts: Conflicts | null }>();

/** The conflicts of a pool, or null when no question in it has facts or related questions. */
export function conflictsOf(pool: readonly Relating[]): Conflicts | null {
  const known = cache.get(pool);
  if (known && known.size === pool.length) return known.conflicts;
  const conflicts = buildConflicts(pool);
  cache.set(pool, { size: pool.length, conflicts });
  return conflicts;
}

/** Positions taken into a quiz, and those that can no longer join it because they conflict with one taken. */
export type Picker = { isFree(position: number): boolean; take(position: number): void };

export function createPicker(conflicts: Conflicts | null): Picker {
  if (!conflicts) return { isFree: () => true, take: () => undefined };
  const blocked = new Set<number>();
  return {
    isFree: (position) => !blocked.has(position),
    take(position) {
      blocked.add(position);
      const end = conflicts.offsets[position + 1] ?? 0;
      for (let at = conflicts.offsets[position] ?? 0; at < end; at += 1)
        blocked.add(conflicts.targets[at] ?? -1);
    },
  };
}

/** The first of `chosenIds` that the question `id` must not meet in a quiz, or undefined. */
export function conflictingChoice(
  pool: readonly Relating[],
  id: string,
  chosenIds: readonly string[],
): string | undefined {
  const conflicts = conflictsOf(pool);
  if (!conflicts) return undefined;
  const position = pool.findIndex((question) => question.id === id);
  if (position < 0) return undefined;
  const others = new Set(
    conflicts.targets.subarray(conflicts.offsets[position], conflicts.offsets[position + 1]),
  );
  return chosenIds.find((chosen) => {
    const at = pool.findIndex((question) => question.id === chosen);
    return at >= 0 && others.has(at);
  });
}
