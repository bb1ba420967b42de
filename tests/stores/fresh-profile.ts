import { beforeEach } from 'vitest';
import { resetSavedWrites } from '@/stores/saved-writes';
import { storageNotices } from '@/stores/storage-notices';

let profiles = 0;

/** Moves on to a database of its own, as a new test does (a property's runs each want one). */
export function nextDatabase(): void {
  profiles += 1;
}

/**
 * Starts every test of the file in a browser profile with nothing saved: localStorage empty, no
 * notice showing and, through the name returned, an IndexedDB database of its own.
 */
export function useFreshProfile(prefix: string): () => string {
  beforeEach(() => {
    localStorage.clear();
    storageNotices.setState({ notices: [] });
    resetSavedWrites();
    nextDatabase();
  });
  return () => `${prefix}-${profiles}`;
}
