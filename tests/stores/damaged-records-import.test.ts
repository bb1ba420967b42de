// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { emptyProgress, type Progress } from '@/engine/progress';
import { createHistoryStore, type HistoryStore } from '@/stores/history-store';
import { createQuizStore } from '@/stores/quiz-store';
import { previewImport } from '@/stores/progress-import';
import { drawPool } from '../engine/fixtures';
import { storageNotices } from '@/stores/storage-notices';
import { useFreshProfile } from './fresh-profile';

const fixture = readFileSync('tests/fixtures/saved-state/history-v1.json', 'utf8');
const fixtureProgress = (JSON.parse(fixture) as { state: Progress }).state;
const ASKED = 'relations-since-1973@cca22044';
const T0 = Date.UTC(2026, 0, 6, 9);
const databaseName = useFreshProfile('damaged');

async function openTab(): Promise<HistoryStore> {
  const store = createHistoryStore({ databaseName: databaseName() });
  await store.saving.ready;
  return store;
}

/** The file the notice offers to download, once a start found damaged records. */
function downloadedFile(): string {
  const notice = storageNotices.getState().notices.find((candidate) => candidate.kind === 'corrupt');
  expect(notice?.keptValue).toBeDefined();
  return notice?.keptValue ?? '';
}

/** The fixture's history in the database, with one question's record moved under a wrong key. */
async function historyWithAQuestionMisfiled(): Promise<HistoryStore> {
  localStorage.setItem('source-quiz:history', fixture);
  await openTab();
  const db = await openDB(databaseName());
  const record: unknown = await db.get('questions', ASKED);
  await db.delete('questions', ASKED);
  await db.put('questions', { ...(record as object), key: 'misfiled' });
  db.close();
  // Its question unreadable, the answer to it is set aside too.
  const next = await openTab();
  expect(next.getState().history.answers).toHaveLength(1);
  return next;
}

describe('the damaged records the app offers to download import back', () => {
  it('brings back what was damaged only in how it was kept, checked whole first, in one write', async () => {
    const tab = await historyWithAQuestionMisfiled();
    const file = downloadedFile();
    expect(JSON.parse(file)).toHaveProperty('damagedRecords');

    const preview = tab.getState().importPreviewed(file);
    expect(preview).toMatchObject({
      ok: true,
      kind: 'damaged records, all readable now',
      added: { attempts: 0, answers: 1 },
    });
    // Nothing changes until the learner confirms.
    expect(tab.getState().history.answers).toHaveLength(1);
    if (!preview.ok) return;
    expect(tab.getState().importConfirmed(preview)).toMatchObject({ ok: true, added: { answers: 1 } });
    await tab.saving.settled();

    const next = await openTab();
    expect(next.getState().history.answers).toEqual(fixtureProgress.history.answers);
    expect(Object.keys(next.getState().history.questions).sort()).toEqual(
      Object.keys(fixtureProgress.history.questions).sort(),
    );
  });

  it('brings back a quiz in progress that could not be read, as the answers it holds', async () => {
    const quizzes = createQuizStore({ databaseName: databaseName() });
    await quizzes.saving.ready;
    quizzes.getState().quizStarted({
      key: 'k',
      title: 'Practice quiz',
      pool: drawPool.slice(0, 3),
      settings: { count: 'all' },
      seed: 'kept1',
      mode: 'practice',
      minutes: 0,
      now: T0,
    });
    quizzes.getState().answerSubmitted({ type: 'true-false', value: true }, T0 + 1000);
    await quizzes.saving.settled();
    const db = await openDB(databaseName());
    const [id] = await db.getAllKeys('quizAttempts');
    const attempt: unknown = await db.get('quizAttempts', id ?? '');
    await db.put('quizAttempts', attempt, 'another-key');
    db.close();
    storageNotices.setState({ notices: [] });
    await createQuizStore({ databaseName: databaseName() }).saving.ready;

    const preview = previewImport(emptyProgress(), downloadedFile());
    expect(preview).toMatchObject({ ok: true, kind: 'damaged records, all readable now' });
    expect(preview.ok && preview.added.attempts).toBe(1);
    expect(preview.ok && preview.progress.history.answers.length).toBe(
      Object.keys((attempt as { session: { submissions: object } }).session.submissions).length,
    );
  });

  it('brings back the attempts of a page of attempts, whether its text or the attempts left out of it', () => {
    const attempt = { id: 'a', seed: 's', mode: 'test', questionIds: ['q'], startedAt: T0 };
    const file = JSON.stringify({
      damagedRecords: [
        { store: 'attemptPages', key: 1, value: JSON.stringify([attempt, { id: 'x' }]), at: T0 },
        { store: 'attemptPages', key: 2, value: [{ ...attempt, id: 'b', finishedAt: T0 + 5 }], at: T0 },
      ],
    });
    expect(previewImport(emptyProgress(), file)).toMatchObject({
      ok: true,
      kind: 'damaged records: 1 of 2 still cannot be read and are left out',
      added: { attempts: 2 },
    });
  });

  it('counts what still cannot be read, and takes answers to questions the history holds', () => {
    const [relations, capital] = fixtureProgress.history.answers;
    const file = JSON.stringify({
      damagedRecords: [
        { store: 'answers', key: 'a', value: relations, at: T0 },
        { store: 'answers', key: 'b', value: { ...capital, grade: '<script>' }, at: T0 },
        { store: 'attempts', key: 'c', value: { id: 'c' }, at: T0 },
      ],
    });
    const withQuestions: Progress = {
      ...emptyProgress(),
      history: { attempts: [], answers: [], questions: fixtureProgress.history.questions },
    };
    expect(previewImport(withQuestions, file)).toMatchObject({
      ok: true,
      kind: 'damaged records: 2 of 3 still cannot be read and are left out',
      added: { answers: 1 },
    });
    // Without its question, the answer cannot come in either.
    expect(previewImport(emptyProgress(), file)).toEqual({
      ok: false,
      problem:
        "This file's 3 damaged records still cannot be read by this version, so there is nothing to import.",
    });
  });
});
