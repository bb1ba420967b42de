import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import type * as Zustand from 'zustand';
import type * as ZustandVanilla from 'zustand/vanilla';
import { historyRecorded } from '@/stores/history-later';
import { resetAllStores } from './kit/store-reset';

// Every zustand store remembers its initial state, and goes back to it after each test (below).
vi.mock('zustand', async (importOriginal) => {
  const actual = await importOriginal<typeof Zustand>();
  const { resettableCreate, resettableCreateStore } = await import('./kit/store-reset');
  return {
    ...actual,
    create: resettableCreate(actual.create),
    createStore: resettableCreateStore(actual.createStore),
  };
});
vi.mock('zustand/vanilla', async (importOriginal) => {
  const actual = await importOriginal<typeof ZustandVanilla>();
  const { resettableCreateStore } = await import('./kit/store-reset');
  return { ...actual, createStore: resettableCreateStore(actual.createStore) };
});

// findBy… and waitFor wait up to 10 s: a page that loads its content late still counts, a page that
// never shows what is expected still fails.
configure({ asyncUtilTimeout: 10_000 });

// Each test starts from nothing saved: no store remembers the last test, and no saved copy reloads it.
// What a page recorded reaches the history before the stores are reset, not during the next test.
afterEach(async () => {
  cleanup();
  await historyRecorded();
  vi.restoreAllMocks();
  resetAllStores();
  localStorage.clear();
  sessionStorage.clear();
});

// jsdom does no layout, so it has no scrolling; the real browser tests check where things scroll to.
Element.prototype.scrollIntoView ??= function scrollIntoView() {};

// jsdom's Blob and File have no text() or arrayBuffer(), which every browser has (pages read uploaded
// files with them, tests read downloads); the same through jsdom's FileReader.
function readBlob<T extends 'text' | 'bytes'>(
  blob: Blob,
  as: T,
): Promise<T extends 'text' ? string : ArrayBuffer>;
function readBlob(blob: Blob, as: 'text' | 'bytes'): Promise<string | ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      reader.result === null ? reject(new Error('nothing read')) : resolve(reader.result);
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    if (as === 'text') reader.readAsText(blob);
    else reader.readAsArrayBuffer(blob);
  });
}
Blob.prototype.text ??= function text(this: Blob) {
  return readBlob(this, 'text');
};
Blob.prototype.arrayBuffer ??= function arrayBuffer(this: Blob) {
  return readBlob(this, 'bytes');
};
