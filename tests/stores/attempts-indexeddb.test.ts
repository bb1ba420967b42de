// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { startQuiz, submitAnswer, goToNext, type QuizSession } from '@/engine/quiz-session';
import type { QuizAttempt } from '@/engine/quizzes-in-progress';
import { createQuizStore, type QuizStore } from '@/stores/quiz-store';
import { ATTEMPT_PREFIX, attemptStorageKey } from '@/stores/saved-attempt-keys';
import { drawPool } from '../engine/fixtures';
import { storageNotices } from '@/stores/storage-notices';
import { useFreshProfile } from './fresh-profile';

const T0 = Date.UTC(2026, 0, 6, 9);
const pool = drawPool.filter((question) => question.type === 'true-false').slice(0, 5);
const databaseName = useFreshProfile('attempts');

async function openTab(): Promise<QuizStore> {
  const store = createQuizStore({ databaseName: databaseName() });
  await store.saving.ready;
  expect(store.saving.mode()).toBe('database');
  expect(store.getState().isLoaded).toBe(true);
  return store;
}

/** An attempt with `answers` questions answered, as the version before saved it: JSON under its own key. */
function oldAttempt(id: string, answers: number): QuizAttempt {
  let session: QuizSession = startQuiz({
    pool,
    settings: { count: 'all' },
    seed: id,
    mode: 'practice',
    startedAt: T0,
  });
  for (let index = 0; index < answers; index += 1) {
    session = goToNext(submitAnswer(session, { type: 'true-false', value: true }, T0 + index * 1000));
  }
  return {
    version: 1,
    id,
    key: `seed=${id}`,
    title: `Quiz ${id}`,
    session,
    timer: null,
    updatedAt: T0 + 9000,
  };
}

function saveTheOldWay(attempt: QuizAttempt): void {
  localStorage.setItem(attemptStorageKey(attempt.id), JSON.stringify(attempt));
}

const attemptKeysInLocalStorage = () =>
  Object.keys(localStorage).filter((key) => key.startsWith(ATTEMPT_PREFIX) && !key.includes(':backup:'));

async function savedInDatabase(): Promise<Record<string, unknown>> {
  const db = await openDB(databaseName());
  const keys = await db.getAllKeys('quizAttempts');
  const values: unknown[] = await db.getAll('quizAttempts');
  db.close();
  return Object.fromEntries(keys.map((key, index) => [String(key), values[index]]));
}

describe('quizzes in progress in IndexedDB', () => {
  it('copies the attempts the version before saved in localStorage, whole, then lets those keys go', async () => {
    const first = oldAttempt('first', 3);
    const second = oldAttempt('second', 0);
    saveTheOldWay(first);
    saveTheOldWay(second);

    const tab = await openTab();
    expect(tab.getState().attempts).toEqual({ first, second });
    expect(await savedInDatabase()).toEqual({ first, second });
    expect(attemptKeysInLocalStorage()).toEqual([]);
    expect(storageNotices.getState().notices).toEqual([]);

    // The next start reads them from the database alone, and resumes at the same question.
    const next = await openTab();
    expect(next.getState().quizResumed(first.key)).toBe(true);
    expect(next.getState().session?.currentIndex).toBe(3);
    expect(Object.keys(next.getState().session?.submissions ?? {})).toHaveLength(3);
  });

  it('sets a damaged localStorage attempt aside and reports it as before, copying the others', async () => {
    const good = oldAttempt('good', 1);
    saveTheOldWay(good);
    localStorage.setItem(attemptStorageKey('broken'), '{"version":1,"id":');

    const tab = await openTab();
    expect(tab.getState().attempts).toEqual({ good });
    const backups = Object.keys(localStorage).filter((key) => key.includes(':backup:'));
    expect(backups).toHaveLength(1);
    expect(localStorage.getItem(backups[0] ?? '')).toBe('{"version":1,"id":');
    expect(storageNotices.getState().notices.map((notice) => notice.kind)).toEqual(['corrupt']);
  });

  it('keeps the localStorage attempts when the database refuses the copy, and goes on with them', async () => {
    const kept = oldAttempt('kept', 2);
    saveTheOldWay(kept);
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('no room', 'QuotaExceededError');
    });
    const tab = createQuizStore({ databaseName: databaseName() });
    await tab.saving.ready;
    vi.restoreAllMocks();

    expect(tab.saving.mode()).toBe('local');
    expect(tab.getState().attempts).toEqual({ kept });
    expect(localStorage.getItem(attemptStorageKey('kept'))).toBe(JSON.stringify(kept));
    expect(
      storageNotices
        .getState()
        .notices.map((notice) => notice.message)
        .join(' '),
    ).toMatch(/storage for this site is full/);
    // The next start copies them.
    storageNotices.setState({ notices: [] });
    const next = await openTab();
    expect(next.getState().attempts).toEqual({ kept });
    expect(attemptKeysInLocalStorage()).toEqual([]);
  });

  it('moves a damaged database record aside, reports it with a download, and keeps the others', async () => {
    saveTheOldWay(oldAttempt('fine', 1));
    await openTab();
    const db = await openDB(databaseName());
    await db.put('quizAttempts', { version: 1, id: 'tampered', session: '<script>' }, 'tampered');
    db.close();

    const next = await openTab();
    expect(Object.keys(next.getState().attempts)).toEqual(['fine']);
    const notice = storageNotices.getState().notices.find((candidate) => candidate.kind === 'corrupt');
    expect(notice?.message).toMatch(/A saved quiz in progress could not be read\. It was copied aside/);
    const file = JSON.parse(notice?.keptValue ?? '{}') as {
      damagedRecords: { store: string; key: string }[];
    };
    expect(file.damagedRecords.map(({ store, key }) => [store, key])).toEqual([['quizAttempts', 'tampered']]);
    const check = await openDB(databaseName());
    expect(await check.count('damaged')).toBe(1);
    expect(await check.getAllKeys('quizAttempts')).toEqual(['fine']);
    check.close();
  });

  it('two tabs answering the same attempt keep both answers, and each hears of the other', async () => {
    saveTheOldWay(oldAttempt('shared', 0));
    const [left, right] = [await openTab(), await openTab()];
    for (const tab of [left, right]) expect(tab.getState().quizResumed('seed=shared')).toBe(true);
    left.getState().answerSubmitted({ type: 'true-false', value: true }, T0 + 1000);
    // The right tab has not heard yet: it answers another question of the same attempt.
    right.getState().questionChosen(1);
    right.getState().answerSubmitted({ type: 'true-false', value: false }, T0 + 2000);
    await Promise.all([left.saving.settled(), right.saving.settled()]);

    const saved = (await savedInDatabase()).shared as QuizAttempt;
    expect(Object.keys(saved.session.submissions)).toHaveLength(2);
    for (const tab of [left, right]) {
      await expect.poll(() => Object.keys(tab.getState().session?.submissions ?? {}).length).toBe(2);
    }
  });

  it('a discarded attempt goes from the database, here and in the other tab', async () => {
    saveTheOldWay(oldAttempt('gone', 1));
    const [left, right] = [await openTab(), await openTab()];
    left.getState().attemptDiscarded('gone');
    await left.saving.settled();
    expect(await savedInDatabase()).toEqual({});
    await expect.poll(() => Object.keys(right.getState().attempts)).toEqual([]);
    // The mark that stood for the removal until the database had it is gone too.
    expect(Object.keys(localStorage).filter((key) => key.includes('attempt-removed'))).toEqual([]);
  });

  it('a discard the database has not written yet stays done after a reload', async () => {
    saveTheOldWay(oldAttempt('gone', 1));
    saveTheOldWay(oldAttempt('kept', 2));
    const tab = await openTab();
    expect(Object.keys(await savedInDatabase()).sort()).toEqual(['gone', 'kept']);
    // The database refuses the removal, as if the page closed before it was written.
    vi.spyOn(IDBObjectStore.prototype, 'delete').mockImplementation(() => {
      throw new DOMException('busy', 'UnknownError');
    });
    tab.getState().attemptDiscarded('gone');
    await tab.saving.settled();
    vi.restoreAllMocks();
    expect(Object.keys(await savedInDatabase()).sort()).toEqual(['gone', 'kept']);

    const reloaded = await openTab();
    expect(Object.keys(reloaded.getState().attempts)).toEqual(['kept']);
    expect(Object.keys(await savedInDatabase())).toEqual(['kept']);
    expect(Object.keys(localStorage).filter((key) => key.includes('attempt-removed'))).toEqual([]);
  });
});

// The check of saved attempts loads only when something saved is to be read: the page's first write
// may meet an attempt another tab saved meanwhile before it has loaded.
describe('a first write before the check of saved attempts has loaded', () => {
  async function freshModules() {
    vi.resetModules();
    const [{ writeAttempts }, { openHistoryDb }] = await Promise.all([
      import('@/stores/attempt-db'),
      import('@/stores/history-db-open'),
    ]);
    const db = await openHistoryDb(databaseName());
    if (!db) throw new Error('fake-indexeddb did not open');
    return { db, writeAttempts };
  }

  it('joins with the attempt another tab saved, keeping the answers of both', async () => {
    const { db, writeAttempts } = await freshModules();
    const theirs = oldAttempt('shared', 2);
    await db.put('quizAttempts', theirs, 'shared');
    const ours = oldAttempt('shared', 0);

    const [saved] = await writeAttempts(db, [{ id: 'shared', attempt: ours }]);
    expect(Object.keys(saved?.session.submissions ?? {})).toHaveLength(2);
    expect(
      Object.keys(((await db.get('quizAttempts', 'shared')) as QuizAttempt).session.submissions),
    ).toHaveLength(2);
    db.close();
  });

  it('moves a damaged saved value aside before writing over it, and writes the rest of the batch', async () => {
    const { db, writeAttempts } = await freshModules();
    await db.put('quizAttempts', { id: 'broken', session: 42 }, 'broken');
    const fresh = oldAttempt('fresh', 1);
    const replacing = oldAttempt('broken', 1);

    await writeAttempts(db, [
      { id: 'fresh', attempt: fresh },
      { id: 'broken', attempt: replacing },
    ]);
    expect(await db.get('quizAttempts', 'fresh')).toEqual(fresh);
    expect(await db.get('quizAttempts', 'broken')).toEqual(replacing);
    expect(await db.getAll('damaged')).toEqual([
      expect.objectContaining({ store: 'quizAttempts', key: 'broken', value: { id: 'broken', session: 42 } }),
    ]);
    db.close();
  });
});
