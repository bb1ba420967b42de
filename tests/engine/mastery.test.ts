import { describe, expect, it } from 'vitest';
import { latestAnswers } from '@/engine/history';
import { accuracyByDay, masteryByGroup } from '@/engine/mastery';
import { answer, DAY, MINUTE, T0 } from './history-fixtures';

const utcDay = (at: number) => new Date(at).toISOString().slice(0, 10);

describe('mastery', () => {
  it('counts a question known when its latest answer is fully right, in every group it names', () => {
    const latest = latestAnswers([
      answer('q01', 'correct', T0),
      answer('q03', 'correct', T0),
      answer('q03', 'partial', T0 + MINUTE),
      answer('q05', 'wrong', T0),
      answer('q05', 'correct', T0 + DAY),
    ]);
    const mastery = masteryByGroup(
      [
        { id: 'q01', groups: ['dates', 'trade'] },
        { id: 'q03', groups: ['dates'] },
        { id: 'q05', groups: ['trade', 'trade'] },
        { id: 'q07', groups: ['education'] },
      ],
      latest,
    );
    expect(Object.fromEntries(mastery)).toEqual({
      dates: { known: 1, total: 2 },
      trade: { known: 2, total: 2 },
      education: { known: 0, total: 1 },
    });
  });
});

describe('accuracy by day', () => {
  it('gives points and percent per day practised, oldest first, counting a changed answer once', () => {
    const days = accuracyByDay(
      [
        answer('q01', 'correct', T0 + DAY),
        answer('q01', 'wrong', T0, 'quiz-a'),
        answer('q03', 'wrong', T0, 'quiz-a'),
        answer('q03', 'partial', T0 + MINUTE, 'quiz-a'),
        answer('q05', 'correct', T0 + 2 * MINUTE, 'quiz-a'),
      ],
      utcDay,
    );
    expect(days).toEqual([
      { day: '2025-01-01', answered: 3, points: 1.5, percent: 50 },
      { day: '2025-01-02', answered: 1, points: 1, percent: 100 },
    ]);
  });

  it('is empty without answers', () => {
    expect(accuracyByDay([], utcDay)).toEqual([]);
  });
});
