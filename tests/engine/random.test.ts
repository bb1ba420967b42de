import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom, createSeed, isRandomState, restoreRandom } from '@/engine/random';

describe('createRandom', () => {
  it('gives pinned outputs for the seed "abc"', () => {
    const random = createRandom('abc');
    const floats = Array.from({ length: 5 }, () => random.nextFloat());
    expect(floats).toEqual([
      0.9114679980557412, 0.9466353608295321, 0.41105941822752357, 0.9979499359615147, 0.0793791392352432,
    ]);
    expect(createRandom('abc').shuffle([1, 2, 3, 4, 5, 6, 7, 8])).toEqual([2, 6, 4, 1, 5, 3, 7, 8]);
  });

  it('seeds a number like its decimal string, and nearby seeds apart', () => {
    expect(createRandom(42).nextFloat()).toBe(createRandom('42').nextFloat());
    expect(createRandom('abc').nextFloat()).not.toBe(createRandom('abd').nextFloat());
  });

  it('continues from a saved state exactly, through JSON', () => {
    const random = createRandom('save me');
    random.nextFloat();
    const saved: unknown = JSON.parse(JSON.stringify(random.getState()));
    expect(isRandomState(saved)).toBe(true);
    if (!isRandomState(saved)) return;
    const restored = restoreRandom(saved);
    const next = [random.nextFloat(), random.nextInt(1000)];
    expect([restored.nextFloat(), restored.nextInt(1000)]).toEqual(next);
  });

  it('rejects values that are not a saved state', () => {
    expect(isRandomState(null)).toBe(false);
    expect(isRandomState({ a: 1, b: 2, c: 3 })).toBe(false);
    expect(isRandomState({ a: 1, b: 2, c: 3, d: -1 })).toBe(false);
    expect(isRandomState({ a: 1, b: 2, c: 3, d: 0.5 })).toBe(false);
  });

  it('keeps floats in [0, 1) and ints in [0, max)', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 1000 }), (seed, max) => {
        const random = createRandom(seed);
        for (let round = 0; round < 20; round += 1) {
          const float = random.nextFloat();
          const int = random.nextInt(max);
          expect(float >= 0 && float < 1).toBe(true);
          expect(Number.isInteger(int) && int >= 0 && int < max).toBe(true);
        }
      }),
    );
  });

  it('throws on a maximum that is not a positive integer', () => {
    const random = createRandom('x');
    expect(() => random.nextInt(0)).toThrow(RangeError);
    expect(() => random.nextInt(2.5)).toThrow(RangeError);
  });

  it('shuffles into a permutation and leaves the input alone', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.integer()), (seed, items) => {
        const before = [...items];
        const shuffled = createRandom(seed).shuffle(items);
        expect(items).toEqual(before);
        expect([...shuffled].sort((a, b) => a - b)).toEqual([...items].sort((a, b) => a - b));
      }),
    );
  });

  it('reaches every position when shuffling', () => {
    const firsts = new Set<number>();
    for (let seed = 0; seed < 200; seed += 1)
      firsts.add(createRandom(seed).shuffle([0, 1, 2, 3, 4])[0] ?? -1);
    expect([...firsts].sort()).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('createSeed', () => {
  it('gives pinned, URL-friendly eight-character seeds', () => {
    expect(createSeed(0.123456789)).toBe('3yddtdss');
    expect(createSeed(0.5)).toBe('g0000000');
    expect(createSeed(12345)).toBe('fkx0547c');
  });

  it('always gives eight Crockford base-32 characters', () => {
    fc.assert(
      fc.property(fc.double(), (entropy) => {
        expect(createSeed(entropy)).toMatch(/^[0-9a-hjkmnp-tv-z]{8}$/);
      }),
    );
  });
});
