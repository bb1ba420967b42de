// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SoloDispute } from '@/domain/dispute';
import { emptyProgress } from '@/engine/progress';
import { progressOf, useHistoryStore } from '@/stores/history-store';
import { backupFileText, readBackupFile } from '@/stores/progress-backup';
import { resetSavedWrites } from '@/stores/saved-writes';
import { useSoloDisputeStore } from '@/stores/solo-dispute-store';
import { storageNotices } from '@/stores/storage-notices';
import { WITH_EVIDENCE, WITHOUT_EVIDENCE } from '../fixtures/disputes/solo-disputes';

const KEY = 'source-quiz:disputes';
const savedFixture = readFileSync('tests/fixtures/saved-state/disputes-v1.json', 'utf8');
const historyFixture: { state: unknown } = JSON.parse(
  readFileSync('tests/fixtures/saved-state/history-v1.json', 'utf8'),
);
const T0 = Date.UTC(2026, 2, 3, 12);

const disputes = () => useSoloDisputeStore.getState().disputes;
const again = (dispute: SoloDispute, minutes: number): SoloDispute => ({
  ...dispute,
  id: `${dispute.id}-${minutes}`,
  filedAt: dispute.filedAt + minutes * 60_000,
});

beforeEach(() => {
  localStorage.clear();
  useSoloDisputeStore.setState({ disputes: [] });
  useHistoryStore.setState(emptyProgress());
  storageNotices.setState({ notices: [] });
  resetSavedWrites();
});

describe('the solo disputes kept on the device', () => {
  it('keeps each, oldest first, saved under its own key, and back after a reload', async () => {
    const store = useSoloDisputeStore.getState();
    expect(store.disputeFiled(WITH_EVIDENCE)).toEqual({ ok: true });
    expect(store.disputeFiled(WITHOUT_EVIDENCE)).toEqual({ ok: true });
    expect(disputes()).toEqual([WITHOUT_EVIDENCE, WITH_EVIDENCE]);
    const saved = localStorage.getItem(KEY) ?? '';
    expect(JSON.parse(saved)).toEqual({ state: { disputes: [WITHOUT_EVIDENCE, WITH_EVIDENCE] }, version: 1 });

    // A reload: a fresh state (whose write is undone here), then what was saved is read.
    useSoloDisputeStore.setState({ disputes: [] });
    localStorage.setItem(KEY, saved);
    await useSoloDisputeStore.persist.rehydrate();
    expect(disputes()).toEqual([WITHOUT_EVIDENCE, WITH_EVIDENCE]);
  });

  it('refuses a fourth dispute on one question, saying how to file another, and deletes one', () => {
    const store = useSoloDisputeStore.getState();
    for (const minutes of [1, 2, 3])
      expect(store.disputeFiled(again(WITH_EVIDENCE, minutes))).toEqual({ ok: true });
    expect(store.disputeFiled(again(WITH_EVIDENCE, 4))).toEqual({
      ok: false,
      problem:
        'You have already filed 3 disputes on this question; delete one under My disputes to file another.',
    });
    expect(store.disputeFiled(WITHOUT_EVIDENCE)).toEqual({ ok: true }); // another question
    store.disputeDeleted(again(WITH_EVIDENCE, 1).id);
    expect(store.disputeFiled(again(WITH_EVIDENCE, 4))).toEqual({ ok: true });
    expect(disputes().filter((dispute) => dispute.questionId === WITH_EVIDENCE.questionId)).toHaveLength(3);
  });

  it('loads the version 1 shape (fixture) unchanged', async () => {
    localStorage.setItem(KEY, savedFixture);
    await useSoloDisputeStore.persist.rehydrate();
    expect({ state: { disputes: disputes() }, version: 1 }).toEqual(JSON.parse(savedFixture));
  });

  it('sets a damaged saved list aside, tells the learner, and starts empty', async () => {
    const tampered = savedFixture.replace('"end": 46', '"end": 4600');
    localStorage.setItem(KEY, tampered);
    await useSoloDisputeStore.persist.rehydrate();
    expect(disputes()).toEqual([]);
    const aside = Object.keys(localStorage).filter((key) => key.startsWith(`${KEY}:backup:`));
    expect(aside.map((key) => localStorage.getItem(key))).toEqual([tampered]);
    expect(storageNotices.getState().notices).toEqual([
      expect.objectContaining({
        kind: 'corrupt',
        message: expect.stringMatching(/saved disputes could not be read/),
      }),
    ]);
  });
});

describe('the solo disputes in the backup', () => {
  it('go into the backup file and come back out of it unchanged', () => {
    const file = backupFileText(progressOf(useHistoryStore.getState()), T0, [
      WITHOUT_EVIDENCE,
      WITH_EVIDENCE,
    ]);
    expect(JSON.parse(file)).toMatchObject({ format: 'source-quiz-progress', version: 2 });
    expect(readBackupFile(file)).toEqual({
      ok: true,
      progress: emptyProgress(),
      disputes: [WITHOUT_EVIDENCE, WITH_EVIDENCE],
      exportedAt: T0,
    });
  });

  it('a backup of format 1, from before disputes, is still read, with none', () => {
    const old = JSON.stringify({
      format: 'source-quiz-progress',
      version: 1,
      exportedAt: T0,
      progress: historyFixture.state,
    });
    const read = readBackupFile(old);
    expect(read).toMatchObject({ ok: true, disputes: [], exportedAt: T0 });
    expect(read.ok && read.progress).toEqual(historyFixture.state);
  });

  it.each([
    [
      'a quote that is not the selected characters',
      { ...WITH_EVIDENCE.selection, quote: 'in 1863!' },
      'selection',
      /disputes\[0\]\.selection\.quote: the quoted words do not match/,
    ],
    [
      'a selection that ends before it starts',
      { ...WITH_EVIDENCE.selection, start: 46, end: 39 },
      'selection',
      /disputes\[0\]\.selection\.end: the selection ends before it starts/,
    ],
    ['an empty line', '   ', 'note', /disputes\[0\]\.note/],
    ['an unknown kind', 'typo', 'kind', /disputes\[0\]\.kind/],
  ])('refuses a file with %s, naming where', (_, value, field, problem) => {
    const file = backupFileText(emptyProgress(), T0, [{ ...WITH_EVIDENCE, [field]: value } as SoloDispute]);
    const read = readBackupFile(file);
    expect(read.ok).toBe(false);
    expect(read.ok ? '' : read.problem).toMatch(/^This backup is damaged and cannot be read/);
    expect(read.ok ? '' : read.problem).toMatch(problem);
  });

  it('importing adds the disputes not here yet, and nothing the second time', () => {
    useSoloDisputeStore.getState().disputeFiled(WITHOUT_EVIDENCE);
    const file = backupFileText(emptyProgress(), T0, [WITHOUT_EVIDENCE, WITH_EVIDENCE]);
    const preview = useHistoryStore.getState().importPreviewed(file);
    expect(preview).toMatchObject({ ok: true, kind: 'backup', disputes: [WITH_EVIDENCE] });
    expect(disputes()).toEqual([WITHOUT_EVIDENCE]); // a preview changes nothing
    expect(useHistoryStore.getState().backupImported(file)).toMatchObject({ ok: true, addedDisputes: 1 });
    expect(disputes()).toEqual([WITHOUT_EVIDENCE, WITH_EVIDENCE]);
    expect(useHistoryStore.getState().backupImported(file)).toMatchObject({ ok: true, addedDisputes: 0 });
    expect(disputes()).toHaveLength(2);
  });

  it('the saved list, offered for download when it could not be used, imports too', () => {
    const preview = useHistoryStore.getState().importPreviewed(savedFixture);
    expect(preview).toMatchObject({ ok: true, kind: 'saved disputes', disputes: [WITH_EVIDENCE] });
  });

  it('are forgotten when another tab resets all progress, so this tab cannot write them back', () => {
    useSoloDisputeStore.getState().disputeFiled(WITH_EVIDENCE);
    // What the other tab's reset leaves in storage, and the event this tab hears of it.
    localStorage.setItem(KEY, JSON.stringify({ state: { disputes: [] }, version: 1 }));
    localStorage.setItem('source-quiz:history:reset-at', String(T0));
    window.dispatchEvent(
      new StorageEvent('storage', { key: 'source-quiz:history:reset-at', storageArea: localStorage }),
    );
    expect(disputes()).toEqual([]);
    useSoloDisputeStore.getState().disputeFiled(WITHOUT_EVIDENCE);
    expect(JSON.parse(localStorage.getItem(KEY) ?? '{}')).toEqual({
      state: { disputes: [WITHOUT_EVIDENCE] },
      version: 1,
    });
  });
});
