// @vitest-environment jsdom
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createStore } from 'zustand/vanilla';
import { persist } from 'zustand/middleware';
import { checkSaving } from '@/stores/browser-storage';
import { safePersist } from '@/stores/safe-persist';
import { releaseKey, resetSavedWrites, retryPendingWrites } from '@/stores/saved-writes';
import { storageNotices } from '@/stores/storage-notices';

type Counter = { count: number; increment: () => void };
const KEY = 'source-quiz:tally';

function makeStore() {
  return createStore<Counter>()(
    persist(
      (set) => ({ count: 0, increment: () => set((s) => ({ count: s.count + 1 })) }),
      safePersist({
        name: 'tally',
        describedAs: 'tallies',
        version: 1,
        schema: z.object({ count: z.number().int() }),
        partialize: ({ count }) => ({ count }),
      }),
    ),
  );
}

const saved = () => localStorage.getItem(KEY);
const notices = () => storageNotices.getState().notices;
const backups = () => Object.keys(localStorage).filter((key) => key.startsWith(`${KEY}:backup:`));
const usableSave = z.object({ state: z.object({ count: z.number().int() }), version: z.literal(1) });
function isUsableSave(raw: string): boolean {
  try {
    return usableSave.safeParse(JSON.parse(raw)).success;
  } catch {
    return false;
  }
}
const realSetItem = Storage.prototype.setItem;

/** The storage refuses every write (a full quota), or only those `refuses` picks. */
function refuseWrites(refuses: (key: string) => boolean = () => true) {
  return vi.spyOn(Storage.prototype, 'setItem').mockImplementation(function (this: Storage, key, value) {
    if (refuses(key)) throw new DOMException('full', 'QuotaExceededError');
    realSetItem.call(this, key, value);
  });
}

beforeEach(() => {
  localStorage.clear();
  storageNotices.setState({ notices: [] });
  resetSavedWrites();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('checking at start whether anything can be saved', () => {
  it('says nothing when saving works', () => {
    expect(checkSaving()).toBe('ok');
    expect(notices()).toEqual([]);
    expect(localStorage.length).toBe(0);
  });

  it('tells the learner at once, in words, when the browser blocks site data', () => {
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('The document is sandboxed', 'SecurityError');
    });
    expect(checkSaving()).toBe('blocked');
    const [notice] = notices();
    expect(notice?.kind).toBe('unavailable');
    expect(notice?.message).toMatch(/not letting the app save anything/);
    expect(notice?.message).toMatch(/You can still take quizzes/);
    expect(notice?.message).toMatch(/download a backup/);
  });

  it('tells a private window with no room that nothing will be kept', () => {
    refuseWrites();
    expect(checkSaving()).toBe('blocked');
    expect(notices()[0]?.kind).toBe('unavailable');
  });

  it('tells a full storage apart from a blocked one', () => {
    localStorage.setItem('other-site-data', 'x');
    refuseWrites();
    expect(checkSaving()).toBe('full');
    expect(notices()[0]?.message).toMatch(/storage for this site is full/);
  });

  it('reports blocked storage when a store loads, too (once)', () => {
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    makeStore();
    checkSaving();
    expect(notices()).toHaveLength(1);
  });
});

describe('a storage that is full', () => {
  it('says so once, with what to do, keeps what was saved, and clears the message once there is room', () => {
    const store = makeStore();
    store.getState().increment();
    const before = saved();
    const refusal = refuseWrites();
    store.getState().increment();
    store.getState().increment();
    expect(saved()).toBe(before);
    expect(notices()).toEqual([
      expect.objectContaining({
        kind: 'not-saved',
        isFull: true,
        canRetry: true,
        message: expect.stringMatching(/is full.*Nothing saved before is lost.*download a backup now/s),
      }),
    ]);
    refusal.mockRestore();
    expect(retryPendingWrites()).toBe(0);
    expect(JSON.parse(saved() ?? '')).toEqual({ state: { count: 3 }, version: 1 });
    expect(notices()).toEqual([]);
  });
});

describe('a write that fails', () => {
  it('is reported, kept, and saved by a retry once the storage has room', () => {
    const store = makeStore();
    const refusal = refuseWrites();
    store.getState().increment();
    expect(saved()).toBeNull();
    expect(notices()).toEqual([expect.objectContaining({ kind: 'not-saved', key: KEY, canRetry: true })]);
    expect(retryPendingWrites()).toBe(1);
    refusal.mockRestore();
    expect(retryPendingWrites()).toBe(0);
    expect(JSON.parse(saved() ?? '')).toEqual({ state: { count: 1 }, version: 1 });
    expect(notices()).toEqual([]);
  });

  it('is retried by itself after a pause', () => {
    vi.useFakeTimers();
    const store = makeStore();
    const refusal = refuseWrites();
    store.getState().increment();
    refusal.mockRestore();
    vi.advanceTimersByTime(2_000);
    expect(JSON.parse(saved() ?? '')).toEqual({ state: { count: 1 }, version: 1 });
    expect(notices()).toEqual([]);
  });

  it('keeps the latest state, not the first that failed', () => {
    const store = makeStore();
    const refusal = refuseWrites();
    store.getState().increment();
    store.getState().increment();
    refusal.mockRestore();
    retryPendingWrites();
    expect(JSON.parse(saved() ?? '')).toMatchObject({ state: { count: 2 } });
  });
});

describe('a damaged value with no room to copy it aside', () => {
  const damaged = '{"state": {"count": 3';

  it('is never reported as set aside, and nothing is written over it until the learner decides', () => {
    localStorage.setItem(KEY, damaged);
    refuseWrites((key) => key.includes(':backup:'));
    const store = makeStore();
    const [notice] = notices();
    expect(notice).toMatchObject({ kind: 'corrupt', isHeld: true, keptValue: damaged });
    expect(notice?.message).toMatch(/no room to copy them aside/);
    expect(notice?.message).not.toMatch(/copied aside/);
    store.getState().increment();
    store.getState().increment();
    expect(saved()).toBe(damaged);
    expect(store.getState().count).toBe(2);

    releaseKey(KEY); // the learner downloaded it
    expect(JSON.parse(saved() ?? '')).toEqual({ state: { count: 2 }, version: 1 });
  });

  it('stays in place when discarded before anything new was recorded, then goes', () => {
    localStorage.setItem(KEY, damaged);
    refuseWrites((key) => key.includes(':backup:'));
    makeStore();
    expect(saved()).toBe(damaged);
    releaseKey(KEY);
    expect(saved()).toBeNull();
  });
});

describe('random damage, with or without room for a copy', () => {
  it('is always either left in place or copied aside, and always reported', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.record({ state: fc.anything(), version: fc.integer({ min: 2 }) }).map((v) => JSON.stringify(v)),
        ),
        fc.boolean(),
        (raw, hasRoom) => {
          fc.pre(raw.length > 0 && !isUsableSave(raw));
          localStorage.clear();
          storageNotices.setState({ notices: [] });
          resetSavedWrites();
          vi.restoreAllMocks();
          localStorage.setItem(KEY, raw);
          if (!hasRoom) refuseWrites((key) => key.includes(':backup:'));
          const store = makeStore();
          store.getState().increment();
          const isKeptAside = backups().some((key) => localStorage.getItem(key) === raw);
          expect(isKeptAside || saved() === raw).toBe(true);
          expect(notices().some((notice) => notice.keptValue === raw)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});
