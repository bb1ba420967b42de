import { describe, expect, it } from 'vitest';
import { currentMistakes, dueQuestions, groupMistakes } from '@/engine/review-queue';
import { newSchedule } from '@/engine/schedule';
import { answer, DAY, historyOf, MINUTE, T0 } from './history-fixtures';

describe('current mistakes', () => {
  it('are the questions whose latest answer is not fully right, most recent first', () => {
    const history = historyOf([
      answer('q01', 'wrong', T0),
      answer('q03', 'partial', T0 + MINUTE),
      answer('q05', 'correct', T0 + 2 * MINUTE),
      answer('q07', 'unanswered', T0 + 3 * MINUTE),
      answer('q01', 'correct', T0 + DAY),
      answer('q05', 'wrong', T0 + DAY + MINUTE),
    ]);
    const mistakes = currentMistakes(history);
    expect(mistakes.map((mistake) => [mistake.questionId, mistake.answer.grade.verdict])).toEqual([
      ['q05', 'wrong'],
      ['q07', 'unanswered'],
      ['q03', 'partial'],
    ]);
    expect(mistakes[0]?.question.prompt).toBe('Prompt of q05?');
  });

  it('are none for an empty history', () => {
    expect(currentMistakes(historyOf([]))).toEqual([]);
  });

  it('are grouped in the order the ranking gives, unknown groups last', () => {
    const mistakes = currentMistakes(
      historyOf([
        answer('q01', 'wrong', T0),
        answer('q03', 'wrong', T0 + MINUTE),
        answer('q05', 'wrong', T0 + 2 * MINUTE),
      ]),
    );
    const groups = groupMistakes(
      mistakes,
      (mistake) => (mistake.questionId === 'q03' ? 'trade' : mistake.questionId === 'q05' ? 'gone' : 'dates'),
      (key) => ['dates', 'trade'].indexOf(key),
    );
    expect(groups.map((group) => [group.key, group.mistakes.map((mistake) => mistake.questionId)])).toEqual([
      ['dates', ['q01']],
      ['trade', ['q03']],
      ['gone', ['q05']],
    ]);
  });
});

describe('due questions', () => {
  const schedules = {
    q01: newSchedule(T0 + 2 * DAY),
    q03: newSchedule(T0 - 3 * DAY),
    q05: newSchedule(T0),
    q07: newSchedule(T0 - 5 * DAY),
    q09: newSchedule(T0 - 3 * DAY),
  };

  it('are those due by the given time, most overdue first, ties by id', () => {
    expect(dueQuestions(schedules, T0, () => true)).toEqual([
      { questionId: 'q07', due: T0 - 5 * DAY },
      { questionId: 'q03', due: T0 - 3 * DAY },
      { questionId: 'q09', due: T0 - 3 * DAY },
      { questionId: 'q05', due: T0 },
    ]);
  });

  it('leave out questions no longer in the banks', () => {
    const inBanks = new Set(['q01', 'q03', 'q05']);
    expect(
      dueQuestions(schedules, T0 + 2 * DAY, (id) => inBanks.has(id)).map((due) => due.questionId),
    ).toEqual(['q03', 'q05', 'q01']);
  });
});
