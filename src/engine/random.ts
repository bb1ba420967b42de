import { fnv1a32 } from '../domain/hash';

/**
 * A seeded pseudo-random generator. Every draw and presentation takes one of these, so the same
 * seed gives the same quiz on every device (which is how a shared link gives a class one quiz).
 *
 * The generator is sfc32, Chris Doty-Humphrey's "small fast counting" generator from PractRand:
 * four 32-bit words of state, passes PractRand and BigCrush, and needs nothing but 32-bit integer
 * arithmetic. Its state is a plain object, so it can be saved as JSON and restored.
 */

export type RandomState = { a: number; b: number; c: number; d: number };

export type Random = {
  /** A float in [0, 1). */
  nextFloat(): number;
  /** An integer in [0, maxExclusive). Throws a RangeError unless maxExclusive is a positive integer. */
  nextInt(maxExclusive: number): number;
  /** A shuffled copy (Fisher–Yates); the input is left alone. */
  shuffle<T>(items: readonly T[]): T[];
  /** A copy of the current state, to save and later pass to `restoreRandom`. */
  getState(): RandomState;
};

const TWO_POW_32 = 4294967296;

/** MurmurHash3's 32-bit finaliser: spreads every input bit over every output bit. */
function fmix32(value: number): number {
  let h = value;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Four 32-bit words from a string: FNV-1a over the UTF-16 code units, with a different offset
 * basis per word, each finished with fmix32 so that similar seeds ("abc", "abd") start far apart.
 */
function hashSeed(text: string): RandomState {
  const words = [0, 1, 2, 3].map((lane) => {
    const h = fnv1a32(text, 0x811c9dc5 ^ Math.imul(lane + 1, 0x9e3779b9));
    return fmix32(h ^ text.length);
  });
  const [a = 0, b = 0, c = 0, d = 0] = words;
  return { a, b, c, d };
}

/** A generator seeded from a string or a number (a number seeds like its decimal string). */
export function createRandom(seed: string | number): Random {
  const random = restoreRandom(hashSeed(String(seed)));
  // sfc32's authors discard the first outputs so that a weak seed has mixed before use.
  for (let round = 0; round < 12; round += 1) random.nextFloat();
  return random;
}

/** A generator that continues exactly where the one that produced `state` stood. */
export function restoreRandom(state: RandomState): Random {
  let { a, b, c, d } = state;
  a >>>= 0;
  b >>>= 0;
  c >>>= 0;
  d >>>= 0;

  function nextUint32(): number {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  }

  function nextInt(maxExclusive: number): number {
    if (!Number.isInteger(maxExclusive) || maxExclusive < 1 || maxExclusive > TWO_POW_32) {
      throw new RangeError(`nextInt needs a positive integer up to 2^32, got ${maxExclusive}`);
    }
    return Math.floor((nextUint32() / TWO_POW_32) * maxExclusive);
  }

  return {
    nextFloat: () => nextUint32() / TWO_POW_32,
    nextInt,
    shuffle<T>(items: readonly T[]): T[] {
      // Boxed so that a swap never reads an `undefined` the type system cannot rule out.
      const boxes = items.map((item) => ({ item }));
      for (let index = boxes.length - 1; index > 0; index -= 1) {
        const other = nextInt(index + 1);
        const here = boxes[index];
        const there = boxes[other];
        if (here && there) {
          boxes[index] = there;
          boxes[other] = here;
        }
      }
      return boxes.map((box) => box.item);
    },
    getState: () => ({ a: a >>> 0, b: b >>> 0, c: c >>> 0, d: d >>> 0 }),
  };
}

/** True when `value` has the shape of a saved `RandomState` (four unsigned 32-bit integers). */
export function isRandomState(value: unknown): value is RandomState {
  if (typeof value !== 'object' || value === null) return false;
  return ['a', 'b', 'c', 'd'].every((key) => {
    const word: unknown = Reflect.get(value, key);
    return typeof word === 'number' && Number.isInteger(word) && word >= 0 && word < TWO_POW_32;
  });
}

// Crockford's base 32, lower case: no i, l, o or u, so a seed read aloud or copied by hand survives.
const SEED_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const SEED_LENGTH = 8;

/**
 * A short, URL-friendly seed (8 characters, 40 bits) from caller-supplied entropy, e.g.
 * `createSeed(Math.random())` in the UI. A number in [0, 1) is used directly; any other is hashed.
 */
export function createSeed(entropy: number): string {
  let bits: number;
  if (entropy >= 0 && entropy < 1) {
    bits = Math.floor(entropy * 32 ** SEED_LENGTH);
  } else {
    const { a, b } = hashSeed(String(entropy));
    bits = (a % 32 ** 4) * 32 ** 4 + (b % 32 ** 4);
  }
  let seed = '';
  for (let index = 0; index < SEED_LENGTH; index += 1) {
    seed = SEED_ALPHABET.charAt(bits % 32) + seed;
    bits = Math.floor(bits / 32);
  }
  return seed;
}
