// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { Question } from '@/domain/question';
import { questionKeyOf } from '@/engine/history';
import { startQuiz, submitAnswer } from '@/engine/quiz-session';
import { scheduleOf } from '@/engine/schedule';
import { createHistoryStore, progressOf, type HistoryStore } from '@/stores/history-store';
import { backupFileText, readBackupFile } from '@/stores/progress-backup';
import { singleQuestion } from '../engine/fixtures';
import { useFreshProfile } from './fresh-profile';

const T0 = Date.UTC(2026, 10, 2, 9);
const LATER = T0 + 7 * 86_400_000;
const databaseName = useFreshProfile('regrade');

/** A tab of a browser profile of its own per test (one database, opened again by each new tab). */
async function openTab(): Promise<HistoryStore> {
  const store = createHistoryStore({ databaseName: databaseName() });
  await store.saving.ready;
  expect(store.saving.mode()).toBe('database');
  return store;
}

/** The learner picks Ho Chi Minh City (b) where Hanoi (a) is the key: wrong, at first. */
function answerWrongly(store: HistoryStore): void {
  const session = startQuiz({
    pool: [singleQuestion],
    settings: { count: 1 },
    seed: 'regrade',
    mode: 'practice',
    startedAt: T0,
  });
  const answered = submitAnswer(session, { type: 'single', choice: 'b' }, T0 + 60_000);
  store.getState().answerRecorded(answered, singleQuestion.id);
}

const corrected: Question = { ...singleQuestion, answer: 'b' };

describe('a regrade on the device', () => {
  it('is saved once, read back by the next start with its new schedule, and travels in the backup', async () => {
    const first = await openTab();
    answerWrongly(first);
    await first.saving.settled();
    expect(first.getState().history.answers[0]?.grade.verdict).toBe('wrong');

    // The next version of the app ships the corrected question.
    first.getState().questionsLoaded([corrected], LATER);
    await first.saving.settled();
    const [regrade] = first.getState().history.regrades ?? [];
    const [answer] = first.getState().history.answers;
    if (!regrade || !answer) throw new Error('no regrade kept');
    expect(regrade.grade.verdict).toBe('correct');
    const rightNow = { ...answer, grade: regrade.grade };
    const schedule = scheduleOf([rightNow], undefined, first.getState().settings);
    expect(first.getState().schedules[singleQuestion.id]).toEqual(schedule);

    // A later start reads the regrade and its schedule, and finds nothing more to regrade.
    const second = await openTab();
    expect(progressOf(second.getState())).toEqual(progressOf(first.getState()));
    expect(second.getState().history.answers[0]?.grade.verdict).toBe('wrong');
    second.getState().questionsLoaded([corrected], LATER + 1);
    expect(second.getState().history.regrades).toHaveLength(1);
    expect(second.getState().history.questions[questionKeyOf(corrected)]).toEqual(corrected);

    const backup = readBackupFile(backupFileText(progressOf(second.getState()), LATER + 2));
    expect(backup.ok && backup.progress.history.regrades).toEqual(second.getState().history.regrades);
  });

  it('reaches another open tab, which reschedules with the new verdict', async () => {
    const first = await openTab();
    const second = await openTab();
    answerWrongly(first);
    await first.saving.settled();
    await vi.waitFor(() => expect(second.getState().history.answers).toHaveLength(1));

    first.getState().questionsLoaded([corrected], LATER);
    await first.saving.settled();
    await vi.waitFor(() => expect(second.getState().history.regrades).toHaveLength(1));
    expect(progressOf(second.getState())).toEqual(progressOf(first.getState()));
  });
});
