import { joinAttempts, type QuizAttempt } from '@/engine/quizzes-in-progress';
import type { DamagedRecord, HistoryDb } from './history-db-open';

/**
 * Quizzes in progress in the history's database, one record per attempt keyed by its id: a write
 * touches one attempt only, and joins with what another tab saved of it in the same transaction.
 */
export type AttemptChange = { id: string; attempt?: QuizAttempt };

type AttemptCheck = (value: unknown, key: IDBValidKey) => QuizAttempt | undefined;

// The check (zod's schema) loads only once something saved is to be read: a quiz's first save, on a
// device that holds none, needs none.
let loadedCheck: AttemptCheck | undefined;

async function attemptCheck(): Promise<AttemptCheck> {
  if (loadedCheck) return loadedCheck;
  const { quizAttemptSchema } = await import('./saved-attempts');
  loadedCheck = (value, key) => {
    const parsed = quizAttemptSchema.safeParse(value);
    return parsed.success && parsed.data.id === key ? parsed.data : undefined;
  };
  return loadedCheck;
}

/** A write met a saved attempt before the check had loaded: it was undone, to be done again with it. */
class CheckNeeded extends Error {}

/**
 * Saves and removes attempts in one transaction. Each attempt is joined with the saved one, so that an
 * answer another tab saved meanwhile is kept; a saved value that cannot be read is moved to `damaged`
 * first, never written over. Resolves, once committed, with the attempts as saved.
 */
export async function writeAttempts(db: HistoryDb, changes: AttemptChange[]): Promise<QuizAttempt[]> {
  try {
    return await writeChecked(db, changes, loadedCheck);
  } catch (error) {
    if (!(error instanceof CheckNeeded)) throw error;
  }
  return writeChecked(db, changes, await attemptCheck());
}

/**
 * One transaction of `writeAttempts`. Without `check`, meeting a saved attempt aborts it (a module
 * cannot load inside a transaction: IndexedDB commits one that waits for anything else).
 */
async function writeChecked(
  db: HistoryDb,
  changes: AttemptChange[],
  check: AttemptCheck | undefined,
): Promise<QuizAttempt[]> {
  const tx = db.transaction(['quizAttempts', 'damaged'], 'readwrite');
  const store = tx.objectStore('quizAttempts');
  const saved: QuizAttempt[] = [];
  const writes = changes.map(async ({ id, attempt }) => {
    if (!attempt) return store.delete(id);
    const kept: unknown = await store.get(id);
    let joined = attempt;
    if (kept !== undefined) {
      if (!check) {
        tx.abort();
        throw new CheckNeeded();
      }
      const usable = check(kept, id);
      if (usable) joined = joinAttempts(attempt, usable);
      else
        await tx.objectStore('damaged').add({ store: 'quizAttempts', key: id, value: kept, at: Date.now() });
    }
    saved.push(joined);
    return store.put(joined, id);
  });
  await Promise.all([...writes, tx.done]);
  return saved;
}

export type LoadedAttempts = { attempts: Record<string, QuizAttempt>; damaged: DamagedRecord[] };

/** Every saved attempt; one that fails its schema is moved to `damaged`, whole, and reported. */
export async function readAttempts(db: HistoryDb): Promise<LoadedAttempts> {
  const read = db.transaction('quizAttempts', 'readonly');
  const [keys, values] = await Promise.all([read.store.getAllKeys(), read.store.getAll()]);
  if (values.length === 0) return { attempts: {}, damaged: [] };
  const usableAttempt = await attemptCheck();
  const attempts: Record<string, QuizAttempt> = {};
  const damaged: DamagedRecord[] = [];
  const at = Date.now();
  values.forEach((value, index) => {
    const key = keys[index] ?? index;
    const attempt = usableAttempt(value, key);
    if (attempt) attempts[attempt.id] = attempt;
    else damaged.push({ store: 'quizAttempts', key, value, at });
  });
  if (damaged.length > 0) {
    // Copied aside and removed in one transaction: if the copy fails, nothing is removed.
    const tx = db.transaction(['quizAttempts', 'damaged'], 'readwrite');
    await Promise.all([
      ...damaged.flatMap((record) => [
        tx.objectStore('damaged').add(record),
        tx.objectStore('quizAttempts').delete(record.key as string),
      ]),
      tx.done,
    ]);
  }
  return { attempts, damaged };
}
