import { browserStorage } from './browser-storage';

// As history-db.ts names the database, and every key the app saves begins; not imported from the
// stores that use them, which would load idb and zod.
const DATABASE_NAME = 'source-quiz';
const KEY_PREFIX = 'source-quiz';

/**
 * Whether this browser may hold anything the app saved. False only when it surely holds nothing (no
 * key of the app in localStorage, no database of its own): a first visit then needs neither the
 * saved data's checks nor the database's code. Any doubt counts as "may".
 */
export async function mayHoldSavedData(): Promise<boolean> {
  const storage = browserStorage();
  try {
    if (storage && Object.keys(storage).some((key) => key.startsWith(KEY_PREFIX))) return true;
  } catch {
    return true;
  }
  if (typeof indexedDB === 'undefined') return false;
  if (typeof indexedDB.databases !== 'function') return true;
  try {
    const databases = await indexedDB.databases();
    return databases.some((database) => database.name === DATABASE_NAME);
  } catch {
    return true;
  }
}
