import { describe, expect, it } from 'vitest';
import { formatTime, whenOpen } from '@/features/classroom/server/assignment-times';

// Dates made in the device's own time zone, as the page shows them.
const at = (month: number, day: number, hours: number, minutes: number) =>
  new Date(2026, month, day, hours, minutes).getTime();

describe('assignment times', () => {
  it('are shown as day, month and year, then a 24-hour time, in the device’s time zone', () => {
    expect(formatTime(at(11, 3, 9, 5))).toBe('3 Dec 2026, 09:05');
    expect(formatTime(at(0, 31, 23, 59))).toBe('31 Jan 2026, 23:59');
    expect(formatTime(at(8, 1, 0, 0))).toBe('1 Sep 2026, 00:00');
  });

  it('say whether an assignment takes answers, and until when', () => {
    const opensAt = new Date(at(11, 3, 9, 0)).toISOString();
    const closesAt = new Date(at(11, 4, 17, 30)).toISOString();
    expect(whenOpen({ opensAt, closesAt }, at(11, 2, 12, 0))).toBe('opens 3 Dec 2026, 09:00');
    expect(whenOpen({ opensAt, closesAt }, at(11, 3, 12, 0))).toBe('open until 4 Dec 2026, 17:30');
    expect(whenOpen({ opensAt, closesAt }, at(11, 4, 17, 30))).toBe('closed 4 Dec 2026, 17:30');
    expect(whenOpen({ opensAt: null, closesAt: null }, at(11, 4, 17, 30))).toBe('open');
  });
});
