// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { emptyProgress, type Progress } from '@/engine/progress';
import { quizEvents } from '@/features/quiz/quiz-events';
import { historyRecorded } from '@/stores/history-later';
import { useQuizStore } from '@/stores/quiz-store';
import { progressOf, useHistoryStore } from '@/stores/history-store';
import { backupFileText } from '@/stores/progress-backup';
import { previewImport } from '@/stores/progress-import';
import { resetSavedWrites } from '@/stores/saved-writes';
import { attemptStorageKey } from '@/stores/saved-attempt-keys';
import { storageNotices } from '@/stores/storage-notices';
import { drawPool } from '../engine/fixtures';

const fixture = readFileSync('tests/fixtures/saved-state/history-v1.json', 'utf8');
const fixtureProgress: Progress = JSON.parse(fixture).state;
const T0 = Date.UTC(2025, 0, 6, 9);

beforeEach(async () => {
  // What the last test recorded reaches the history before it is emptied, not during this test.
  await historyRecorded();
  localStorage.clear();
  storageNotices.setState({ notices: [] });
  resetSavedWrites();
  useHistoryStore.setState(emptyProgress());
  useQuizStore.setState({ session: null, sessionKey: null, timer: null });
});

describe('every file the app writes imports back', () => {
  it('a backup', () => {
    const preview = previewImport(emptyProgress(), backupFileText(fixtureProgress, T0));
    expect(preview).toMatchObject({ ok: true, kind: 'backup', added: { attempts: 1, answers: 2 } });
    expect(preview.ok && preview.progress).toEqual(fixtureProgress);
  });

  it('the saved answers offered for download when they could not be used', () => {
    const preview = previewImport(emptyProgress(), fixture);
    expect(preview).toMatchObject({ ok: true, kind: 'saved answers', added: { attempts: 1, answers: 2 } });
  });

  it('damaged saved answers: every record that passes on its own is kept, and the rest counted', () => {
    const damaged = fixture.replace('"points": 0,', '"points": "none",');
    const preview = previewImport(emptyProgress(), damaged);
    expect(preview).toMatchObject({
      ok: true,
      kind: 'saved answers (1 damaged record left out)',
      added: { attempts: 1, answers: 1 },
    });
  });

  it('a saved quiz in progress, as the answers it holds', async () => {
    quizEvents.started({
      key: 'k',
      title: 'Practice quiz',
      pool: drawPool.slice(0, 3),
      settings: { count: 'all' },
      seed: 'kept1',
      mode: 'practice',
      minutes: 0,
      now: T0,
    });
    quizEvents.answered({ type: 'true-false', value: true }, T0 + 1000);
    await historyRecorded();
    const savedQuiz = localStorage.getItem(attemptStorageKey(useQuizStore.getState().currentId ?? '')) ?? '';
    const preview = previewImport(emptyProgress(), savedQuiz);
    expect(preview).toMatchObject({ ok: true, kind: 'saved quiz', added: { attempts: 1, answers: 1 } });
    expect(preview.ok && preview.progress.history).toEqual(progressOf(useHistoryStore.getState()).history);
  });

  it('says plainly when a file is not complete JSON', () => {
    expect(previewImport(emptyProgress(), fixture.slice(0, 200))).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/not JSON text/),
    });
  });
});

describe('an import is checked whole, as it would be read at the next start', () => {
  it('refuses a time past the year 9999 (which made the whole history unreadable), changing nothing', () => {
    const tampered = structuredClone(fixtureProgress);
    const [answer] = tampered.history.answers;
    if (answer) answer.answeredAt = 9e15;
    const before = progressOf(useHistoryStore.getState());
    const outcome = useHistoryStore.getState().backupImported(backupFileText(tampered, T0));
    expect(outcome).toMatchObject({ ok: false, problem: expect.stringMatching(/later than the year 9999/) });
    expect(progressOf(useHistoryStore.getState())).toEqual(before);
  });

  it('any file it accepts loads again at the next start, unchanged and without a notice', async () => {
    const extreme = fc.oneof(
      fc.integer(),
      fc.double(),
      fc.constantFrom(0, -0, 1, 8.64e15, 253402300799999, 253402300800000, Number.MAX_SAFE_INTEGER, 1e308),
    );
    await fc.assert(
      fc.asyncProperty(extreme, fc.nat(5), async (value, which) => {
        localStorage.clear();
        storageNotices.setState({ notices: [] });
        useHistoryStore.setState(emptyProgress());
        const tampered = structuredClone(fixtureProgress);
        const answer = tampered.history.answers[which % 2];
        const attempt = tampered.history.attempts[0];
        if (!answer || !attempt) throw new Error('fixture changed');
        if (which === 0) answer.answeredAt = value;
        if (which === 1) answer.grade.points = value;
        if (which === 2) attempt.startedAt = value;
        if (which === 3) attempt.finishedAt = value;
        if (which === 4) tampered.settings.targetRetention = value;
        if (which === 5) tampered.resets['capital-city'] = value;
        const outcome = useHistoryStore.getState().backupImported(backupFileText(tampered, T0));
        if (!outcome.ok) return;
        const imported = progressOf(useHistoryStore.getState());
        const savedText = localStorage.getItem('source-quiz:history') ?? '';
        // The next start: a fresh page reads what was saved.
        useHistoryStore.setState(emptyProgress());
        localStorage.setItem('source-quiz:history', savedText);
        await useHistoryStore.persist.rehydrate();
        expect(progressOf(useHistoryStore.getState())).toEqual(imported);
        expect(storageNotices.getState().notices).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
