import { reportStorageNotice } from './storage-notices';

/** The browser's localStorage, or undefined when the browser refuses it (site data blocked). */
export function browserStorage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

export type SavingCheck = 'ok' | 'blocked' | 'full';

const PROBE_KEY = 'source-quiz:probe';

export const CANNOT_SAVE_MESSAGE =
  'This browser is not letting the app save anything (site data is blocked for this site, or a private window has no room). You can still take quizzes and see each result, but nothing is kept once this page closes: download a backup on the Progress page before you leave.';

/** What a learner can do about a full storage, in the order that loses nothing. */
export const STORAGE_FULL_ADVICE =
  'To keep them: download a backup now (the button here, or on the Progress page). Then make room: discard quizzes in progress you no longer need on the home page, or, once the backup is safe, reset old progress on the Progress page (the backup can be imported again later).';

/** A write to the database refused for lack of room: the answers and the quiz in progress alike. */
export const STORAGE_FULL_NOT_SAVED = `The browser's storage for this site is full, so your latest answers could not be saved. Nothing saved before is lost, and what you do now is kept while this page stays open. ${STORAGE_FULL_ADVICE}`;

export const STORAGE_FULL_MESSAGE = `The browser's storage for this site is full, so new answers cannot be saved. You can still take quizzes. ${STORAGE_FULL_ADVICE}`;

/**
 * Writes and removes a small value, so the learner hears at once (not at the first lost answer)
 * that nothing can be saved. Reading alone is not enough: a private window may read but not write.
 */
export function checkSaving(): SavingCheck {
  const storage = browserStorage();
  if (!storage) {
    reportStorageNotice({ kind: 'unavailable', key: 'storage', message: CANNOT_SAVE_MESSAGE });
    return 'blocked';
  }
  try {
    storage.setItem(PROBE_KEY, String(Date.now()));
    storage.removeItem(PROBE_KEY);
    return 'ok';
  } catch (error) {
    const isFull = error instanceof DOMException && error.name === 'QuotaExceededError' && storage.length > 0;
    reportStorageNotice(
      isFull
        ? { kind: 'not-saved', key: 'storage-full', isFull: true, message: STORAGE_FULL_MESSAGE }
        : { kind: 'unavailable', key: 'storage', message: CANNOT_SAVE_MESSAGE },
    );
    return isFull ? 'full' : 'blocked';
  }
}

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
