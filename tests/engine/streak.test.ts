import { describe, expect, it } from 'vitest';
import { practiceStreak } from '@/engine/streak';

describe('the practice streak', () => {
  it('counts consecutive days up to today', () => {
    expect(practiceStreak(['2025-02-26', '2025-02-27', '2025-02-28', '2025-03-01'], '2025-03-01')).toEqual({
      current: 4,
      longest: 4,
      hasPractisedToday: true,
    });
  });

  it('still stands on a day not yet practised, and is broken by a day missed', () => {
    expect(practiceStreak(['2025-01-09', '2025-01-10'], '2025-01-11')).toMatchObject({
      current: 2,
      hasPractisedToday: false,
    });
    expect(practiceStreak(['2025-01-09', '2025-01-10'], '2025-01-12')).toMatchObject({
      current: 0,
      longest: 2,
    });
  });

  it('finds the longest run across months and years, counting a day once', () => {
    const days = ['2024-12-30', '2024-12-31', '2025-01-01', '2025-01-01', '2025-01-05', '2025-01-06'];
    expect(practiceStreak(days, '2025-01-06')).toEqual({ current: 2, longest: 3, hasPractisedToday: true });
  });

  it('ignores anything that is not a date', () => {
    expect(practiceStreak(['2025-02-30', 'yesterday', '2025-03-01'], '2025-03-01')).toEqual({
      current: 1,
      longest: 1,
      hasPractisedToday: true,
    });
    expect(practiceStreak(['2025-03-01'], 'today')).toEqual({
      current: 0,
      longest: 0,
      hasPractisedToday: false,
    });
    expect(practiceStreak([], '2025-03-01')).toEqual({ current: 0, longest: 0, hasPractisedToday: false });
  });
});
