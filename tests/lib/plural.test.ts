import { describe, expect, it } from 'vitest';
import { plural } from '@/lib/plural';

describe('plural', () => {
  it('says one thing in the singular and any other count in the plural', () => {
    expect([0, 1, 2, 999].map((count) => plural(count, 'question'))).toEqual([
      '0 questions',
      '1 question',
      '2 questions',
      '999 questions',
    ]);
    expect(plural(3, 'quiz', 'quizzes')).toBe('3 quizzes');
  });

  it('separates thousands as English readers expect', () => {
    expect([1000, 12_500, 100_000, -2500].map((count) => plural(count, 'answer'))).toEqual([
      '1,000 answers',
      '12,500 answers',
      '100,000 answers',
      '-2,500 answers',
    ]);
  });
});
