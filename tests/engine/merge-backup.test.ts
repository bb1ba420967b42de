import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Verdict } from '@/engine/grade';
import { answerKey, type AnswerRecord, type AttemptRecord, type History } from '@/engine/history';
import { mergeHistories, mergeProgress } from '@/engine/merge-backup';
import { emptyProgress, type Progress } from '@/engine/progress';
import { buildSchedules } from '@/engine/schedule';
import { answer, attempt, DAY, historyOf, MINUTE, T0 } from './history-fixtures';

// Few ids and times, so that two generated histories often share attempts and answers. An attempt id
// names its start time, as `attemptIdOf` does, so the same id always starts at the same time.
const attemptRecord: fc.Arbitrary<AttemptRecord> = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }))
  .map(([number, finishedAfter]) => attemptNumbered(number, finishedAfter));

function attemptNumbered(number: number, finishedAfter?: number): AttemptRecord {
  const startedAt = T0 + (number % 2) * MINUTE;
  return attempt(
    `a${number}`,
    startedAt,
    finishedAfter === undefined ? undefined : startedAt + finishedAfter * MINUTE,
  );
}
const answerRecord: fc.Arbitrary<AnswerRecord> = fc
  .tuple(
    fc.constantFrom('a1', 'a2', 'a3', 'a4'),
    fc.constantFrom('q01', 'q03', 'q05'),
    fc.constantFrom<Verdict>('correct', 'partial', 'wrong'),
    fc.integer({ min: 0, max: 6 }),
  )
  .map(([attemptId, questionId, verdict, minute]) =>
    answer(questionId, verdict, T0 + minute * MINUTE, attemptId),
  );
const history: fc.Arbitrary<History> = fc
  .tuple(
    fc.uniqueArray(attemptRecord, { selector: (record) => record.id, maxLength: 4 }),
    fc.uniqueArray(answerRecord, { selector: answerKey, maxLength: 12 }),
  )
  .map(([attempts, answers]) => {
    const listed = new Set(attempts.map((record) => record.id));
    const implied = [...new Set(answers.map((record) => record.attemptId))]
      .filter((id) => !listed.has(id))
      .map((id) => attemptNumbered(Number(id.slice(1))));
    return historyOf(answers, [...attempts, ...implied]);
  });

const ids = (merged: History) => merged.attempts.map((record) => record.id);
const keys = (merged: History) => merged.answers.map(answerKey);

describe('merging histories', () => {
  it('never duplicates an attempt or an answer, and loses none', () => {
    fc.assert(
      fc.property(history, history, (current, incoming) => {
        const merged = mergeHistories(current, incoming);
        expect(new Set(ids(merged)).size).toBe(merged.attempts.length);
        expect(new Set(keys(merged)).size).toBe(merged.answers.length);
        expect(new Set(ids(merged))).toEqual(new Set([...ids(current), ...ids(incoming)]));
        expect(new Set(keys(merged))).toEqual(new Set([...keys(current), ...keys(incoming)]));
      }),
    );
  });

  it('is idempotent: importing the same file again changes nothing', () => {
    fc.assert(
      fc.property(history, history, (current, incoming) => {
        const once = mergeHistories(current, incoming);
        expect(mergeHistories(once, incoming)).toEqual(once);
        expect(mergeHistories(once, once)).toEqual(once);
      }),
    );
  });

  it('lists the same attempts and answers whichever side is imported', () => {
    fc.assert(
      fc.property(history, history, (left, right) => {
        expect(ids(mergeHistories(left, right))).toEqual(ids(mergeHistories(right, left)));
        expect(keys(mergeHistories(left, right))).toEqual(keys(mergeHistories(right, left)));
      }),
    );
  });

  it('marks an attempt finished when either device saw it finish', () => {
    const merged = mergeHistories(
      historyOf([], [attempt('a1', T0)]),
      historyOf([], [attempt('a1', T0, T0 + 5 * MINUTE)]),
    );
    expect(merged.attempts).toEqual([attempt('a1', T0, T0 + 5 * MINUTE)]);
  });
});

function progressOf(current: History, targetRetention = 0.9, resets: Record<string, number> = {}): Progress {
  const settings = { targetRetention };
  return { history: current, resets, settings, schedules: buildSchedules(current.answers, resets, settings) };
}

describe('merging a backup into progress', () => {
  it('says what it added, adds nothing the second time, and recomputes the schedules', () => {
    const here = progressOf(historyOf([answer('q01', 'wrong', T0, 'a1')]));
    const file = progressOf(
      historyOf([
        answer('q01', 'wrong', T0, 'a1'),
        answer('q01', 'correct', T0 + DAY, 'a2'),
        answer('q03', 'wrong', T0 + DAY, 'a2'),
      ]),
      0.8,
      { q05: T0 },
    );
    const first = mergeProgress(here, file);
    expect(first.added).toEqual({ attempts: 1, answers: 2 });
    expect(first.tookSettings).toBe(false);
    expect(first.progress.settings).toEqual({ targetRetention: 0.9 });
    expect(first.progress.resets).toEqual({ q05: T0 });
    expect(first.progress.schedules).toEqual(
      buildSchedules(first.progress.history.answers, first.progress.resets, first.progress.settings),
    );
    expect(Object.keys(first.progress.schedules)).toEqual(['q01', 'q03', 'q05']);

    const second = mergeProgress(first.progress, file);
    expect(second.added).toEqual({ attempts: 0, answers: 0 });
    expect(second.progress).toEqual(first.progress);
  });

  it('takes the file’s settings on a device with no history yet', () => {
    const file = progressOf(historyOf([answer('q01', 'correct', T0, 'a1')]), 0.85);
    const result = mergeProgress(emptyProgress(), file);
    expect(result.tookSettings).toBe(true);
    expect(result.progress.settings).toEqual({ targetRetention: 0.85 });
    expect(result.progress.schedules).toEqual(file.schedules);
  });

  it('keeps the later reset of a question', () => {
    const here = progressOf(historyOf([]), 0.9, { q01: T0 + DAY, q03: T0 });
    const file = progressOf(historyOf([]), 0.9, { q01: T0, q03: T0 + 2 * DAY });
    expect(mergeProgress(here, file).progress.resets).toEqual({ q01: T0 + DAY, q03: T0 + 2 * DAY });
  });
});
