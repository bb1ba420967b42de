import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Verdict } from '@/engine/grade';
import { emptyProgress, withAnswerRecorded, withScheduleReset, withTargetRetention } from '@/engine/progress';
import { startQuiz, submitAnswer } from '@/engine/quiz-session';
import {
  buildSchedules,
  clampRetention,
  newSchedule,
  ratingOf,
  reviewSchedule,
  scheduleOf,
  type Schedule,
} from '@/engine/schedule';
import { TARGET_RETENTION } from '@/engine/target-retention';
import { answer, DAY, MINUTE, poolQuestion, T0 } from './history-fixtures';

const DEFAULT = { targetRetention: TARGET_RETENTION.default };
const daysUntilDue = (schedule: Schedule | undefined, from: number) => ((schedule?.due ?? NaN) - from) / DAY;

function replay(
  steps: readonly (readonly [Verdict, number])[],
  targetRetention: number = TARGET_RETENTION.default,
): Schedule {
  let schedule = newSchedule(steps[0]?.[1] ?? T0);
  for (const [verdict, at] of steps) schedule = reviewSchedule(schedule, verdict, at, { targetRetention });
  return schedule;
}

describe('the scheduler, on a fixed clock', () => {
  it('makes a new question due at once', () => {
    expect(newSchedule(T0)).toMatchObject({ due: T0, state: 'new', reps: 0, lapses: 0 });
  });

  it('maps verdicts to FSRS ratings', () => {
    expect([ratingOf('correct'), ratingOf('partial'), ratingOf('wrong'), ratingOf('unanswered')]).toEqual([
      3, 2, 1, 1,
    ]);
  });

  it('pins the intervals of a known sequence of answers at 90% retention', () => {
    const right = replay([['correct', T0]]);
    expect(right).toEqual({
      due: T0 + 3 * DAY,
      stability: expect.closeTo(2.3065, 4),
      difficulty: expect.closeTo(2.1181, 4),
      scheduledDays: 3,
      learningSteps: 0,
      reps: 1,
      lapses: 0,
      state: 'review',
      lastReview: T0,
    });
    const steps = [
      ['correct', T0],
      ['correct', T0 + 3 * DAY],
      ['wrong', T0 + 17 * DAY],
      ['partial', T0 + 18 * DAY],
    ] as const;
    const intervals = steps.map((_, index) =>
      daysUntilDue(replay(steps.slice(0, index + 1)), steps[index]?.[1] ?? 0),
    );
    expect(intervals).toEqual([3, 14, 2, 3]);
    expect(replay(steps)).toMatchObject({ reps: 4, lapses: 1 });
  });

  it('brings a wrong answer back the next day and pushes a right one out', () => {
    expect(daysUntilDue(replay([['wrong', T0]]), T0)).toBe(1);
    expect(daysUntilDue(replay([['unanswered', T0]]), T0)).toBe(1);
    expect(daysUntilDue(replay([['partial', T0]]), T0)).toBe(2);
    const twiceRight = replay([
      ['correct', T0],
      ['correct', T0 + 3 * DAY],
    ]);
    const rightThenWrong = replay([
      ['correct', T0],
      ['wrong', T0 + 3 * DAY],
    ]);
    expect(daysUntilDue(twiceRight, T0 + 3 * DAY)).toBeGreaterThan(3);
    expect(daysUntilDue(rightThenWrong, T0 + 3 * DAY)).toBeLessThan(daysUntilDue(twiceRight, T0 + 3 * DAY));
  });

  it('spaces questions further apart for a lower target retention', () => {
    const steps = [
      ['correct', T0],
      ['correct', T0 + 3 * DAY],
    ] as const;
    const at80 = daysUntilDue(replay(steps, 0.8), T0 + 3 * DAY);
    const at90 = daysUntilDue(replay(steps, 0.9), T0 + 3 * DAY);
    const at95 = daysUntilDue(replay(steps, 0.95), T0 + 3 * DAY);
    expect([at80, at90, at95]).toEqual([46, 14, 6]);
  });

  it('keeps the target retention within 0.80–0.95', () => {
    expect([clampRetention(0.5), clampRetention(0.87), clampRetention(0.99), clampRetention(NaN)]).toEqual([
      0.8, 0.87, 0.95, 0.9,
    ]);
  });
});

describe('a question’s schedule, replayed from its answers', () => {
  it('is undefined for a question never answered', () => {
    expect(scheduleOf([], undefined, DEFAULT)).toBeUndefined();
  });

  it('counts one review per attempt: the last answer given in it', () => {
    const changed = [answer('q01', 'wrong', T0, 'quiz-a'), answer('q01', 'correct', T0 + MINUTE, 'quiz-a')];
    expect(scheduleOf(changed, undefined, DEFAULT)).toEqual(
      scheduleOf([answer('q01', 'correct', T0 + MINUTE, 'quiz-a')], undefined, DEFAULT),
    );
  });

  it('replays answers in time order whatever order they are listed in', () => {
    const answers = [
      answer('q01', 'correct', T0),
      answer('q01', 'wrong', T0 + 4 * DAY),
      answer('q01', 'correct', T0 + 6 * DAY),
    ];
    expect(scheduleOf([...answers].reverse(), undefined, DEFAULT)).toEqual(
      scheduleOf(answers, undefined, DEFAULT),
    );
  });

  it('starts afresh at a reset: due at once, earlier answers ignored', () => {
    const answers = [answer('q01', 'correct', T0), answer('q01', 'correct', T0 + 3 * DAY)];
    const resetAt = T0 + 5 * DAY;
    expect(scheduleOf(answers, resetAt, DEFAULT)).toEqual(newSchedule(resetAt));
    const after = [...answers, answer('q01', 'wrong', T0 + 6 * DAY)];
    expect(scheduleOf(after, resetAt, DEFAULT)).toMatchObject({ reps: 1, lapses: 0, due: T0 + 7 * DAY });
  });

  it('gives the same dates every time (no fuzz)', () => {
    const answers = [answer('q01', 'correct', T0), answer('q01', 'partial', T0 + 2 * DAY)];
    expect(scheduleOf(answers, undefined, DEFAULT)).toEqual(scheduleOf(answers, undefined, DEFAULT));
  });
});

const verdicts = fc.constantFrom<Verdict>('correct', 'partial', 'wrong', 'unanswered');

describe('schedules kept while answering', () => {
  it('equal the schedules rebuilt from the whole history', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(1, 3, 5), verdicts, fc.integer({ min: 1, max: 40 * 24 * 60 })), {
          maxLength: 25,
        }),
        fc.constantFrom(0.8, 0.85, 0.9, 0.95),
        (steps, targetRetention) => {
          let progress = withTargetRetention(emptyProgress(), targetRetention);
          let clock = T0;
          steps.forEach(([number, verdict, minutesLater], index) => {
            clock += minutesLater * MINUTE;
            const question = poolQuestion(number);
            const session = startQuiz({
              pool: [question],
              settings: { count: 'all' },
              seed: `s${index}`,
              mode: 'practice',
              startedAt: clock,
            });
            const value = verdict === 'unanswered' ? null : verdict === 'correct';
            progress = withAnswerRecorded(
              progress,
              submitAnswer(session, { type: 'true-false', value }, clock),
              question.id,
            );
          });
          expect(progress.schedules).toEqual(
            buildSchedules(progress.history.answers, progress.resets, progress.settings),
          );
          expect(Object.keys(progress.schedules).sort()).toEqual(
            [...new Set(steps.map(([number]) => poolQuestion(number).id))].sort(),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a reset question is due at once; a new target retention moves due dates', () => {
    const session = startQuiz({
      pool: [poolQuestion(1)],
      settings: { count: 'all' },
      seed: 'r1',
      mode: 'practice',
      startedAt: T0,
    });
    let progress = withAnswerRecorded(
      emptyProgress(),
      submitAnswer(session, { type: 'true-false', value: true }, T0),
      'q01',
    );
    progress = withAnswerRecorded(
      progress,
      submitAnswer(
        { ...session, seed: 'r2', startedAt: T0 + 3 * DAY },
        { type: 'true-false', value: true },
        T0 + 3 * DAY,
      ),
      'q01',
    );
    expect(daysUntilDue(progress.schedules.q01, T0 + 3 * DAY)).toBe(14);
    expect(daysUntilDue(withTargetRetention(progress, 0.8).schedules.q01, T0 + 3 * DAY)).toBe(46);
    const reset = withScheduleReset(progress, 'q01', T0 + 4 * DAY);
    expect(reset.schedules.q01).toEqual(newSchedule(T0 + 4 * DAY));
    expect(reset.history).toBe(progress.history);
  });
});
