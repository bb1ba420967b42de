import 'fake-indexeddb/auto';
import { bench, describe } from 'vitest';
import { attemptIdOf } from '@/engine/history';
import { joinProgress } from '@/engine/merge-backup';
import { withAnswerRecorded } from '@/engine/progress';
import { startQuiz, submitAnswer } from '@/engine/quiz-session';
import { schedulesReusing } from '@/engine/schedule';
import { appendRecords, loadRecords, openHistoryDb, recordsOf, saveSchedules } from '@/stores/history-db';
import { progressSchema } from '@/stores/history-schema';
import { recordsOfChange } from '@/stores/history-saving';
import { drawPool } from '../engine/fixtures';
import { largeProgress } from '../stores/large-history';

/**
 * The saved history in IndexedDB, as the app keeps it (loose answer records gathered into pages, and
 * each question's schedule saved beside them): what a start costs (read every record, check each,
 * take the saved schedules that agree with the answers) and what one more answer costs (append its
 * records and its question's schedule in one transaction). The first start after the records are
 * written gathers them into pages and replays and saves the schedules, once; it is done before the
 * timing, as the app's first start does it. In Node, IndexedDB is fake-indexeddb (pure JavaScript, in memory), so
 * the figures say how the costs grow rather than what a browser takes.
 *
 * Beside them, the localStorage fallback (one JSON value): a start parses and checks it whole, and
 * an answer writes it whole, so both grow with the history.
 */
const T0 = Date.UTC(2025, 0, 6, 9);
const questions = drawPool.filter((question) => question.type === 'true-false' || question.type === 'single');

const session = submitAnswer(
  startQuiz({
    pool: questions.slice(0, 1),
    settings: { count: 'all' },
    seed: 'bench',
    mode: 'practice',
    startedAt: T0,
  }),
  { type: 'true-false', value: true },
  T0 + 1000,
);
const answeredId = session.questions[0]?.question.id ?? '';
const submission = session.submissions[answeredId];
if (!submission) throw new Error('the bench quiz has no answer');

let answersWritten = 0;

for (const size of [1_000, 10_000, 100_000]) {
  const progress = largeProgress(size);
  const db = await openHistoryDb(`bench-${size}`);
  if (!db) throw new Error('no IndexedDB');
  await appendRecords(db, recordsOf(progress));
  const first = await loadRecords(db);
  const { replayed } = schedulesReusing(first.records.answers, {}, progress.settings, first.schedules);
  await saveSchedules(db, replayed);
  describe(`history of ${size.toLocaleString('en')} answers in IndexedDB (fake-indexeddb)`, () => {
    bench(
      'load: read every record, check each, take the saved schedules (replay those that disagree)',
      async () => {
        const { records, damaged, schedules } = await loadRecords(db);
        if (records.answers.length !== size || damaged.length > 0) throw new Error('not all loaded');
        schedulesReusing(records.answers, records.resets, progress.settings, schedules);
      },
      { iterations: 3, time: 0 },
    );
    // Each write is a new answer; what the engine does in memory is measured beside, for localStorage.
    const writes = Array.from({ length: 50 }, (_, index) => {
      const at = session.startedAt + size + index + 1;
      const answered = { ...session, submissions: { [answeredId]: { ...submission, submittedAt: at } } };
      const attemptId = attemptIdOf(answered);
      return recordsOfChange(withAnswerRecorded(progress, answered, answeredId), {
        attemptId,
        answer: { attemptId, questionId: answeredId, answeredAt: at },
      });
    });
    bench(
      'write one answer: append its records and its schedule in one transaction',
      async () => {
        const records = writes[answersWritten % writes.length];
        answersWritten += 1;
        if (records?.answers.length !== 1) throw new Error('the answer was not recorded');
        await appendRecords(db, records);
      },
      { iterations: 20, time: 0 },
    );
  });

  const saved = JSON.stringify({ state: progress, version: 1 });
  describe(`history of ${size.toLocaleString('en')} answers in localStorage, the fallback (${(saved.length / 1e6).toFixed(1)} MB saved)`, () => {
    bench(
      'load: parse and check',
      () => {
        progressSchema.parse((JSON.parse(saved) as { state: unknown }).state);
      },
      { iterations: 3, time: 0 },
    );
    bench(
      'write one answer, one tab: record, see nothing new is saved, save whole',
      () => {
        const mine = withAnswerRecorded(progress, session, answeredId);
        const text = JSON.stringify({ state: mine, version: 1 });
        if (text === saved) throw new Error('the answer was not recorded');
      },
      { iterations: 3, time: 0 },
    );
    bench(
      'write one answer after another tab wrote: record, join what is saved, save whole',
      () => {
        const mine = withAnswerRecorded(progress, session, answeredId);
        const other = progressSchema.parse((JSON.parse(saved) as { state: unknown }).state);
        JSON.stringify({ state: joinProgress(other, mine), version: 1 });
      },
      { iterations: 3, time: 0 },
    );
  });
}
