// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { answerKey } from '@/engine/history';
import { buildSchedules } from '@/engine/schedule';
import { goToNext, startQuiz, submitAnswer, type QuizSession } from '@/engine/quiz-session';
import { appendRecords, loadRecords, noRecords, openHistoryDb } from '@/stores/history-db';
import { progressSchema } from '@/stores/history-schema';
import { createHistoryStore, progressOf, type HistoryStore } from '@/stores/history-store';
import { drawPool } from '../engine/fixtures';
import { storageNotices } from '@/stores/storage-notices';
import { nextDatabase, useFreshProfile } from './fresh-profile';
import { largeProgress } from './large-history';

const KEY = 'source-quiz:history';
const fixture = readFileSync('tests/fixtures/saved-state/history-v1.json', 'utf8');
const T0 = Date.UTC(2025, 0, 6, 9);
const databaseName = useFreshProfile('test');

async function openTab(): Promise<HistoryStore> {
  const store = createHistoryStore({ databaseName: databaseName() });
  await store.saving.ready;
  expect(store.saving.mode()).toBe('database');
  return store;
}

function quiz(seed: string): QuizSession {
  return startQuiz({
    pool: drawPool,
    settings: { count: 6, types: ['single', 'true-false'] },
    seed,
    mode: 'test',
    startedAt: T0,
  });
}

/** Answers the current question of `session` in `store`, as the quiz page does, and goes on. */
function answer(store: HistoryStore, session: QuizSession, at: number): QuizSession {
  const presented = session.questions[session.currentIndex];
  if (!presented) throw new Error('no question left');
  const { question } = presented;
  const response =
    question.type === 'true-false'
      ? { type: 'true-false' as const, value: true }
      : {
          type: 'single' as const,
          choice: question.type === 'single' ? (question.choices[0]?.id ?? '') : '',
        };
  const answered = submitAnswer(session, response, at);
  store.getState().answerRecorded(answered, question.id);
  return goToNext(answered);
}

const unsavedKeys = () =>
  Object.keys(localStorage).filter((key) => key.startsWith('source-quiz:history-unsaved:'));

/** Empties every store of the test's database, as a write that never committed leaves it. */
async function clearDatabase(): Promise<void> {
  const db = await openDB(databaseName());
  for (const name of db.objectStoreNames) await db.clear(name);
  db.close();
}

const answerKeys = (store: HistoryStore) => store.getState().history.answers.map(answerKey).sort();

/** The schedules replayed from every answer, as they were before any was saved. */
const replayedSchedules = (store: HistoryStore) => {
  const { history, resets, settings } = store.getState();
  return buildSchedules(history.answers, resets, settings);
};

describe('the history in IndexedDB', () => {
  it('migrates the version 1 localStorage history (fixture) whole, then lets localStorage go', async () => {
    localStorage.setItem(KEY, fixture);
    const expected = progressSchema.parse((JSON.parse(fixture) as { state: unknown }).state);
    const first = await openTab();
    expect(progressOf(first.getState())).toEqual(expected);
    expect(localStorage.getItem(KEY)).toBeNull();
    // The next start reads it from the database alone.
    const next = await openTab();
    expect(progressOf(next.getState())).toEqual(expected);
    expect(storageNotices.getState().notices).toEqual([]);
  });

  it('migrates a large history (15,000 answers, about what fits in localStorage) without losing one', async () => {
    const large = largeProgress(15_000);
    localStorage.setItem(KEY, JSON.stringify({ state: large, version: 1 }));
    await openTab();
    const next = await openTab();
    expect(next.getState().history.answers).toEqual(large.history.answers);
    expect(next.getState().history.attempts).toEqual(large.history.attempts);
    expect(next.getState().schedules).toEqual(large.schedules);
    expect(localStorage.getItem(KEY)).toBeNull();
  }, 60_000);

  it('sets a damaged localStorage value aside as before, and migrates nothing from it', async () => {
    localStorage.setItem(KEY, '{"state": {"history": ');
    const store = await openTab();
    expect(store.getState().history.answers).toEqual([]);
    const backups = Object.keys(localStorage).filter((key) => key.startsWith(`${KEY}:backup:`));
    expect(backups).toHaveLength(1);
    expect(localStorage.getItem(backups[0] ?? '')).toBe('{"state": {"history": ');
    expect(storageNotices.getState().notices.map((notice) => notice.kind)).toEqual(['corrupt']);
  });

  it('appends one record per answer, and writes nothing to localStorage', async () => {
    const store = await openTab();
    let session = quiz('one');
    store.getState().attemptStarted(session);
    session = answer(store, session, T0 + 1000);
    answer(store, session, T0 + 2000);
    await store.saving.settled();
    const db = await openDB(databaseName());
    expect(await db.count('answers')).toBe(2);
    expect(await db.count('attempts')).toBe(1);
    db.close();
    expect(localStorage.getItem(KEY)).toBeNull();
    const next = await openTab();
    expect(answerKeys(next)).toEqual(answerKeys(store));
  });

  it('keeps an answer in localStorage until its write has committed, so a page closed at once loses nothing', async () => {
    const store = await openTab();
    const session = quiz('closed-at-once');
    store.getState().attemptStarted(session);
    answer(store, session, T0 + 1000);
    // Right after the answer, before the database has it, the tab's own key holds it.
    const [unsavedKey, ...others] = unsavedKeys();
    expect(others).toEqual([]);
    const kept = localStorage.getItem(unsavedKey ?? '') ?? '';
    expect((JSON.parse(kept) as { answers: unknown[] }).answers).toHaveLength(1);
    await store.saving.settled();
    expect(unsavedKeys()).toEqual([]);

    // As if the page had closed before the write committed: the database lost it, the key stayed.
    await clearDatabase();
    localStorage.setItem(unsavedKey ?? '', kept);
    const next = await openTab();
    expect(answerKeys(next)).toEqual(answerKeys(store));
    expect(next.getState().history.attempts.map((attempt) => attempt.id)).toEqual(
      store.getState().history.attempts.map((attempt) => attempt.id),
    );
    expect(unsavedKeys()).toEqual([]);
    expect(storageNotices.getState().notices).toEqual([]);
    // In the database now: the start after that reads it from there.
    expect(answerKeys(await openTab())).toEqual(answerKeys(store));
  });

  it('sets damaged unsaved answers aside, reports them, and their download imports back what is sound', async () => {
    const store = await openTab();
    answer(store, quiz('damaged-unsaved'), T0 + 1000);
    const [unsavedKey] = unsavedKeys();
    const kept = JSON.parse(localStorage.getItem(unsavedKey ?? '') ?? '') as {
      answers: Record<string, unknown>[];
    };
    await store.saving.settled();
    await clearDatabase();
    const damaged = { ...kept, answers: [...kept.answers, { attemptId: 'x', grade: '<script>' }] };
    localStorage.setItem(unsavedKey ?? '', JSON.stringify(damaged));
    // A second damaged key, not even JSON: each is set aside, the order of keys changing meanwhile.
    localStorage.setItem('source-quiz:history-unsaved:another-tab', '{"answers": [');

    const next = await openTab();
    expect(next.getState().history.answers).toEqual([]);
    const notices = storageNotices.getState().notices.filter((candidate) => candidate.kind === 'corrupt');
    expect(notices.map((candidate) => candidate.message)).toEqual([
      expect.stringMatching(/could not be read\. They were set aside/),
      expect.stringMatching(/could not be read\. They were set aside/),
    ]);
    const notice = notices.find((candidate) => candidate.key === unsavedKey);
    expect(unsavedKeys()).toEqual([]);
    const setAside = Object.keys(localStorage).filter((key) => key.includes('history-unsaved-damaged'));
    expect(setAside).toHaveLength(2);
    // Reported once: the next start finds nothing left to take in.
    storageNotices.setState({ notices: [] });
    await openTab();
    expect(storageNotices.getState().notices).toEqual([]);

    const outcome = next.getState().backupImported(notice?.keptValue ?? '');
    expect(outcome).toMatchObject({ ok: true, added: { attempts: 1, answers: 1 } });
    expect(answerKeys(next)).toEqual(answerKeys(store));
  });

  it('leaves damaged unsaved answers in place when there is no room to copy them, and says so', async () => {
    localStorage.setItem('source-quiz:history-unsaved:closed-tab', '{"answers": [');
    const realSetItem = Storage.prototype.setItem;
    const refusal = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(function (
      this: Storage,
      key,
      value,
    ) {
      if (key.includes('history-unsaved-damaged')) throw new DOMException('full', 'QuotaExceededError');
      realSetItem.call(this, key, value);
    });
    try {
      await openTab();
      const notice = storageNotices.getState().notices.find((candidate) => candidate.kind === 'corrupt');
      expect(notice?.message).toMatch(/no room to copy them aside, so they were left where they are/);
      expect(localStorage.getItem('source-quiz:history-unsaved:closed-tab')).toBe('{"answers": [');
    } finally {
      refusal.mockRestore();
    }
  });

  it('a reset forgets what any tab kept unsaved, so a closed tab cannot bring answers back', async () => {
    const store = await openTab();
    answer(store, quiz('reset-unsaved'), T0 + 1000);
    const [unsavedKey] = unsavedKeys();
    const kept = localStorage.getItem(unsavedKey ?? '') ?? '';
    await store.saving.settled();
    localStorage.setItem('source-quiz:history-unsaved:closed-tab', kept);
    store.getState().progressReset();
    await store.saving.settled();
    expect(unsavedKeys()).toEqual([]);
    expect((await openTab()).getState().history.answers).toEqual([]);
  });

  it('sets a damaged record aside, keeps every other one, and offers it to download', async () => {
    const store = await openTab();
    let session = quiz('two');
    session = answer(store, session, T0 + 1000);
    answer(store, session, T0 + 2000);
    await store.saving.settled();
    const db = await openDB(databaseName());
    const [firstKey] = await db.getAllKeys('answers');
    await db.put('answers', { attemptId: 'x', grade: '<script>' }, firstKey);
    db.close();

    const next = await openTab();
    expect(next.getState().history.answers).toHaveLength(1);
    const notice = storageNotices.getState().notices.find((candidate) => candidate.kind === 'corrupt');
    expect(notice?.message).toMatch(/could not be read \(1 record\)\. They were copied aside/);
    expect(notice?.keptValue).toContain('<script>');
    const again = await openHistoryDb(databaseName());
    if (!again) throw new Error('no database');
    expect(await again.count('damaged')).toBe(1);
    expect((await loadRecords(again)).damaged).toEqual([]);
    again.close();
  });

  it('gathers many answers into pages, and sets aside a damaged answer in a page, keeping the rest', async () => {
    const large = largeProgress(600);
    localStorage.setItem(KEY, JSON.stringify({ state: large, version: 1 }));
    await openTab();
    const db = await openDB(databaseName());
    expect(await db.count('answers')).toBe(0);
    const [pageKey] = await db.getAllKeys('answerPages');
    // A page writes each answer as a row, its time last (`answer-pages.ts`).
    const page = JSON.parse(String(await db.get('answerPages', pageKey ?? 0))) as { answers: unknown[][] };
    expect(page.answers).toHaveLength(600);
    page.answers[7]?.splice(5, 1, -1);
    await db.put('answerPages', JSON.stringify(page), pageKey);
    db.close();

    const next = await openTab();
    expect(next.getState().history.answers).toHaveLength(599);
    const notice = storageNotices.getState().notices.find((candidate) => candidate.kind === 'corrupt');
    expect(notice?.message).toMatch(/\(1 record\)/);
    expect(notice?.keptValue).toContain('"answeredAt": -1');
    expect((await openTab()).getState().history.answers).toHaveLength(599);
  });

  it('gathers many attempts into a page, sets aside a damaged one in it, and keeps a later finish', async () => {
    const large = largeProgress(5000);
    localStorage.setItem(KEY, JSON.stringify({ state: large, version: 1 }));
    expect((await openTab()).getState().history.attempts).toHaveLength(500);
    const db = await openDB(databaseName());
    expect(await db.count('attempts')).toBe(0);
    const [pageKey] = await db.getAllKeys('attemptPages');
    const page = JSON.parse(String(await db.get('attemptPages', pageKey ?? 0))) as Record<string, unknown>[];
    expect(page).toHaveLength(500);
    page[3] = { ...page[3], mode: 'exam' };
    await db.put('attemptPages', JSON.stringify(page), pageKey);
    db.close();
    // Finished after it was gathered: written loose again, as a tab that holds it writes it.
    const gathered = large.history.attempts[7];
    if (!gathered) throw new Error('no attempt');
    const tab = await openTab();
    expect(tab.getState().history.attempts).toHaveLength(499);
    const again = await openHistoryDb(databaseName());
    if (!again) throw new Error('no database');
    await appendRecords(again, { ...noRecords(), attempts: [{ ...gathered, finishedAt: T0 + 5 }] });
    again.close();

    const next = await openTab();
    const { attempts } = next.getState().history;
    expect(attempts).toHaveLength(499);
    expect(attempts.find((attempt) => attempt.id === gathered.id)?.finishedAt).toBe(T0 + 5);
    const notice = storageNotices.getState().notices.find((candidate) => candidate.kind === 'corrupt');
    expect(notice?.message).toMatch(/\(1 record\)/);
    expect(notice?.keptValue).toContain('"mode": "exam"');
  });

  it('starts from the saved schedules, replaying one saved from fewer answers or unreadable', async () => {
    const store = await openTab();
    let session = quiz('sched');
    session = answer(store, session, T0 + 1000);
    session = answer(store, session, T0 + 2000);
    answer(store, session, T0 + 3000);
    store.getState().scheduleReset(store.getState().history.answers[2]?.questionId ?? '', T0 + 4000);
    await store.saving.settled();
    const expected = store.getState().schedules;
    expect(Object.keys(expected)).toHaveLength(3);
    const db = await openDB(databaseName());
    const saved = await db.getAll('schedules');
    expect(saved.map((record: { questionId: string }) => record.questionId).sort()).toEqual(
      Object.keys(expected).sort(),
    );
    const [first, second] = saved as { questionId: string; basis: { answers: number } }[];
    if (!first || !second) throw new Error('no saved schedules');
    // As a tab that had not heard of an answer would have saved it, with a schedule that shows.
    await db.put('schedules', { ...first, basis: { ...first.basis, answers: 0 }, schedule: null });
    await db.put('schedules', { questionId: second.questionId, schedule: '<damaged>' });
    db.close();

    const next = await openTab();
    expect(next.getState().schedules).toEqual(expected);
    expect(storageNotices.getState().notices).toEqual([]);
    await expect
      .poll(async () => {
        const again = await openDB(databaseName());
        const records = await again.getAll('schedules');
        again.close();
        return records;
      })
      .toEqual(saved);
  });

  it('saves every schedule again when the target retention changes', async () => {
    const store = await openTab();
    let session = quiz('retention');
    session = answer(store, session, T0 + 1000);
    answer(store, session, T0 + 60_000);
    store.getState().targetRetentionChanged(0.8);
    await store.saving.settled();
    const next = await openTab();
    expect(next.getState().settings.targetRetention).toBe(0.8);
    expect(next.getState().schedules).toEqual(store.getState().schedules);
    expect(next.getState().schedules).toEqual(replayedSchedules(next));
    const db = await openDB(databaseName());
    const saved = (await db.getAll('schedules')) as { basis: { targetRetention: number } }[];
    db.close();
    expect(saved.map((record) => record.basis.targetRetention)).toEqual([0.8, 0.8]);
  });

  it('with a damaged value held in localStorage (no room to copy it), says truly where new answers go', async () => {
    const damaged = '{"state": {"history": "x';
    localStorage.setItem(KEY, damaged);
    const realSetItem = Storage.prototype.setItem;
    const refusal = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(function (
      this: Storage,
      key,
      value,
    ) {
      if (key.includes(':backup:')) throw new DOMException('full', 'QuotaExceededError');
      realSetItem.call(this, key, value);
    });
    try {
      const store = await openTab();
      const notice = storageNotices.getState().notices.find((candidate) => candidate.isHeld);
      expect(notice?.message).toMatch(/new answers are still saved in this browser's database/);
      answer(store, quiz('held'), T0 + 1000);
      await store.saving.settled();
      // Nothing was written over the damaged value, and the answer outlives the page.
      expect(localStorage.getItem(KEY)).toBe(damaged);
      expect((await openTab()).getState().history.answers).toHaveLength(1);
    } finally {
      refusal.mockRestore();
    }
  });

  it('reads a page written before answers were rows (a JSON array of answers)', async () => {
    const store = await openTab();
    answer(store, quiz('old-page'), T0 + 1000);
    await store.saving.settled();
    const saved = store.getState().history.answers;
    const db = await openDB(databaseName());
    await db.clear('answers');
    await db.add('answerPages', JSON.stringify(saved));
    db.close();
    expect((await openTab()).getState().history.answers).toEqual(saved);
    expect(storageNotices.getState().notices).toEqual([]);
  });

  it('resets in every tab, and a reset history stays reset at the next start', async () => {
    const [first, second] = [await openTab(), await openTab()];
    answer(first, quiz('three'), T0 + 1000);
    await first.saving.settled();
    await expect.poll(() => second.getState().history.answers.length).toBe(1);
    first.getState().progressReset();
    await first.saving.settled();
    await expect.poll(() => second.getState().history.answers.length).toBe(0);
    expect((await openTab()).getState().history.answers).toEqual([]);
  });

  it('two tabs writing in any interleaving never lose an answer, and each sees the other’s', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ tab: fc.integer({ min: 0, max: 1 }), waits: fc.boolean() }), {
          minLength: 1,
          maxLength: 10,
        }),
        async (steps) => {
          nextDatabase();
          const tabs = [await openTab(), await openTab()];
          const sessions = [quiz(`a-${databaseName()}`), quiz(`b-${databaseName()}`)];
          const given = new Set<string>();
          let at = T0;
          for (const { tab, waits } of steps) {
            const store = tabs[tab];
            const session = sessions[tab];
            if (!store || !session || session.currentIndex >= session.questions.length - 1) continue;
            at += 1000;
            const before = new Set(answerKeys(store));
            sessions[tab] = answer(store, session, at);
            for (const key of answerKeys(store)) if (!before.has(key)) given.add(key);
            // Sometimes the write lands before the other tab acts, sometimes they race.
            if (waits) await store.saving.settled();
          }
          await Promise.all(tabs.map((tab) => tab.saving.settled()));
          const fresh = await openTab();
          expect(answerKeys(fresh)).toEqual([...given].sort());
          // Saved schedules from a tab that had not heard of the other's answers are not taken as they are.
          expect(fresh.getState().schedules).toEqual(replayedSchedules(fresh));
          for (const tab of tabs) await expect.poll(() => answerKeys(tab)).toEqual([...given].sort());
        },
      ),
      { numRuns: 25 },
    );
  }, 60_000);
});
