// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { mayHoldSavedData } from '@/stores/browser-storage';

async function deleteDatabases(): Promise<void> {
  for (const { name } of await indexedDB.databases()) {
    if (!name) continue;
    await new Promise((resolve) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = resolve;
      request.onerror = resolve;
    });
  }
}

describe('whether the browser may hold saved data', () => {
  beforeEach(async () => {
    localStorage.clear();
    await deleteDatabases();
  });

  it('is no on a browser that holds nothing of the app, even with other sites’ kind of data', async () => {
    localStorage.setItem('another-app', '1');
    (await openDB('another-database', 1)).close();
    expect(await mayHoldSavedData()).toBe(false);
  });

  it('is yes with any key the app saves, a damaged one too', async () => {
    localStorage.setItem('source-quiz:history', '{"state": {"hist');
    expect(await mayHoldSavedData()).toBe(true);
  });

  it('is yes with the app’s database, even empty', async () => {
    (await openDB('source-quiz', 1)).close();
    expect(await mayHoldSavedData()).toBe(true);
  });
});
