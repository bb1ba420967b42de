import type { Random } from './random';

export type IndexSampler = {
  /** The next index, uniformly among those not yet drawn, or -1 once all have been drawn. */
  next(): number;
};

/**
 * Draws indexes 0..length-1 one at a time, without replacement and without copying the list:
 * a partial Fisher–Yates (Durstenfeld) shuffle that records only the swapped positions in a map,
 * so drawing k of n costs O(k), not O(n). The idea is the "sparse Fisher–Yates" from the
 * literature on random sampling (e.g. Knuth, TAOCP vol. 2, 3.4.2).
 */
export function createIndexSampler(length: number, random: Random): IndexSampler {
  const moved = new Map<number, number>();
  let remaining = Math.max(0, Math.floor(length));
  return {
    next() {
      if (remaining === 0) return -1;
      const pick = random.nextInt(remaining);
      remaining -= 1;
      const chosen = moved.get(pick) ?? pick;
      // The last live position moves into the hole left by the pick.
      moved.set(pick, moved.get(remaining) ?? remaining);
      moved.delete(remaining);
      return chosen;
    },
  };
}
