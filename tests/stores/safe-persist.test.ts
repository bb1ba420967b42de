// @vitest-environment jsdom
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createStore } from 'zustand/vanilla';
import { persist } from 'zustand/middleware';
import { safePersist } from '@/stores/safe-persist';
import { resetSavedWrites } from '@/stores/saved-writes';
import { storageNotices } from '@/stores/storage-notices';

type Counter = { count: number; label: string; increment: () => void };
const KEY = 'source-quiz:counter';

function makeStore() {
  return createStore<Counter>()(
    persist(
      (set) => ({ count: 0, label: 'new', increment: () => set((s) => ({ count: s.count + 1 })) }),
      safePersist({
        name: 'counter',
        describedAs: 'counts',
        version: 2,
        schema: z.object({ count: z.number().int(), label: z.string() }),
        partialize: ({ count, label }) => ({ count, label }),
        // Version 1 saved the count as `n`.
        migrate: (persisted, from) =>
          from === 1 && typeof persisted === 'object' && persisted !== null && 'n' in persisted
            ? { count: persisted.n, label: 'migrated' }
            : persisted,
      }),
    ),
  );
}

const backups = () => Object.keys(localStorage).filter((key) => key.startsWith(`${KEY}:backup:`));

beforeEach(() => {
  localStorage.clear();
  storageNotices.setState({ notices: [] });
  resetSavedWrites();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('safePersist', () => {
  it('restores a valid saved state and saves each change', () => {
    localStorage.setItem(KEY, JSON.stringify({ state: { count: 4, label: 'kept' }, version: 2 }));
    const store = makeStore();
    expect(store.getState()).toMatchObject({ count: 4, label: 'kept' });
    store.getState().increment();
    expect(JSON.parse(localStorage.getItem(KEY) ?? '')).toEqual({
      state: { count: 5, label: 'kept' },
      version: 2,
    });
  });

  it('migrates the version 1 shape', () => {
    localStorage.setItem(KEY, JSON.stringify({ state: { n: 7 }, version: 1 }));
    expect(makeStore().getState()).toMatchObject({ count: 7, label: 'migrated' });
    expect(storageNotices.getState().notices).toEqual([]);
  });

  it('keeps unreadable JSON aside, starts afresh and says so', () => {
    localStorage.setItem(KEY, '{"state": {"count": 3');
    const store = makeStore();
    expect(store.getState().count).toBe(0);
    expect(backups().map((key) => localStorage.getItem(key))).toEqual(['{"state": {"count": 3']);
    const [notice] = storageNotices.getState().notices;
    expect(notice).toMatchObject({ kind: 'corrupt', keptValue: '{"state": {"count": 3' });
    expect(notice?.message).toMatch(/saved counts could not be read/);
  });

  it('keeps a value that fails the schema aside', () => {
    const raw = JSON.stringify({ state: { count: 'three', label: 'x' }, version: 2 });
    localStorage.setItem(KEY, raw);
    expect(makeStore().getState().count).toBe(0);
    expect(backups().map((key) => localStorage.getItem(key))).toEqual([raw]);
    expect(storageNotices.getState().notices[0]?.kind).toBe('corrupt');
  });

  it('does not use, but keeps, a value saved by a newer version', () => {
    const raw = JSON.stringify({ state: { count: 9, label: 'future' }, version: 3 });
    localStorage.setItem(KEY, raw);
    expect(makeStore().getState().count).toBe(0);
    expect(backups().map((key) => localStorage.getItem(key))).toEqual([raw]);
    expect(storageNotices.getState().notices[0]?.message).toMatch(/newer version/);
  });

  it('keeps working in memory and warns when the storage is full', () => {
    const store = makeStore();
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    store.getState().increment();
    store.getState().increment();
    expect(store.getState().count).toBe(2);
    expect(storageNotices.getState().notices).toHaveLength(1);
    expect(storageNotices.getState().notices[0]).toMatchObject({ kind: 'not-saved' });
  });

  it('warns when the storage cannot be read at all', () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(makeStore().getState().count).toBe(0);
    expect(storageNotices.getState().notices[0]).toMatchObject({ kind: 'unavailable' });
  });
});

describe('safePersist across restarts', () => {
  it('sets a damaged value aside once, not again at every start', () => {
    localStorage.setItem(KEY, 'not json');
    makeStore();
    makeStore();
    makeStore();
    expect(backups()).toHaveLength(1);
  });
});

describe('safePersist on any saved text', () => {
  it('keeps aside an older saved value that migrates to nothing, rather than saving over it', () => {
    const raw = JSON.stringify({ state: null, version: 0 });
    localStorage.setItem(KEY, raw);
    makeStore().getState().increment();
    expect(backups().map((key) => localStorage.getItem(key))).toEqual([raw]);
    expect(storageNotices.getState().notices).toHaveLength(1);
  });

  it('never throws, and never loses the saved text: it stays, or is kept aside and reported', () => {
    const envelope = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.json(),
      // Version 1 is migrated and saved anew, by design: the migration test covers it.
      fc
        .record({
          state: fc.anything(),
          version: fc.oneof(
            fc.integer().filter((v) => v !== 1),
            fc.string(),
          ),
        })
        .map((value) => JSON.stringify(value)),
    );
    fc.assert(
      fc.property(envelope, (raw) => {
        localStorage.clear();
        storageNotices.setState({ notices: [] });
        resetSavedWrites();
        localStorage.setItem(KEY, raw);
        makeStore();
        const isStillThere = localStorage.getItem(KEY) === raw;
        const isKeptAside = backups().some((key) => localStorage.getItem(key) === raw);
        expect(isStillThere || isKeptAside).toBe(true);
        expect(isKeptAside).toBe(storageNotices.getState().notices.length > 0);
      }),
      { numRuns: 1000 },
    );
  });
});
