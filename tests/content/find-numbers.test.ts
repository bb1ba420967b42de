import { describe, expect, it } from 'vitest';
import { findNumbers, statesNumber } from '@/content/find-numbers';

describe('findNumbers', () => {
  it('reads thousands separators both ways', () => {
    expect(statesNumber('about 4,000 Vietnamese students', 4000)).toBe(true);
    expect(statesNumber('counting about 2.500 alumni', 2500)).toBe(true);
    expect(statesNumber('€34,420 billion', 34.42)).toBe(true);
    expect(statesNumber('€2,183.5 million', 2183.5)).toBe(true);
  });
  it('reads ranges, ordinals and decimals', () => {
    expect(findNumbers('€ 20-25 million')).toEqual(expect.arrayContaining([20, 25]));
    expect(statesNumber('ranking 23rd among 131 countries', 23)).toBe(true);
    expect(statesNumber('EUR 46.35 million', 46.35)).toBe(true);
  });
  it('does not find a number that is only part of another', () => {
    expect(statesNumber('EUR 46.35 million', 35)).toBe(false);
    expect(statesNumber('in 1973', 197)).toBe(false);
  });
});
