const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a "YYYY-MM-DD" date, or undefined when it is not one. */
function dayNumber(day: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const [, year, month, date] = match.map(Number);
  if (year === undefined || month === undefined || date === undefined) return undefined;
  const time = Date.UTC(year, month - 1, date);
  const check = new Date(time);
  // Date.UTC rolls 2025-02-30 over into March; such a date is not a day.
  return check.getUTCMonth() === month - 1 && check.getUTCDate() === date ? time / DAY_MS : undefined;
}

export type Streak = {
  /** Days in a row practised, up to today; a streak still stands on a day not yet practised. */
  current: number;
  longest: number;
  hasPractisedToday: boolean;
};

/** The run of consecutive days practised, from the learner's local days ("YYYY-MM-DD") and today. */
export function practiceStreak(days: Iterable<string>, today: string): Streak {
  const practised = new Set<number>();
  for (const day of days) {
    const number = dayNumber(day);
    if (number !== undefined) practised.add(number);
  }
  const todayNumber = dayNumber(today);
  if (todayNumber === undefined) return { current: 0, longest: 0, hasPractisedToday: false };

  const hasPractisedToday = practised.has(todayNumber);
  let current = 0;
  for (let day = hasPractisedToday ? todayNumber : todayNumber - 1; practised.has(day); day -= 1)
    current += 1;

  let longest = 0;
  let run = 0;
  let previous: number | undefined;
  for (const day of [...practised].sort((left, right) => left - right)) {
    run = previous === day - 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = day;
  }
  return { current, longest, hasPractisedToday };
}
