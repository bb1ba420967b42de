import type { Random } from './random';

export type IndexSampler = {
  /** The next index, uniformly among those not yet drawn, or -1 once all have been drawn. */
  next(): number;
};

/**
 * Draws indexes 0..length-1 one at a time, without replacement and without copying a list: a
 * Fisher–Yates shuffle (Durstenfeld's in-place form; Knuth, TAOCP vol. 2, 3.4.2, Algorithm P)
 * stopped after k steps, which keeps only the moved slots in a map. Drawing k of n costs O(k).
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
