import { joinAttempts, type QuizAttempt } from '@/engine/quizzes-in-progress';
import type { DamagedRecord, HistoryDb } from './history-db';
import { quizAttemptSchema } from './saved-attempts';

/**
 * Quizzes in progress in the history's database, one record per attempt keyed by its id: a write
 * touches one attempt only, and joins with what another tab saved of it in the same transaction.
 */
export type AttemptChange = { id: string; attempt?: QuizAttempt };

function usableAttempt(value: unknown, key: IDBValidKey): QuizAttempt | undefined {
  const parsed = quizAttemptSchema.safeParse(value);
  return parsed.success && parsed.data.id === key ? parsed.data : undefined;
}

/**
 * Saves and removes attempts in one transaction. Each attempt is joined with the saved one, so that an
 * answer another tab saved meanwhile is kept; a saved value that cannot be read is moved to `damaged`
 * first, never written over. Resolves, once committed, with the attempts as saved.
 */
export async function writeAttempts(db: HistoryDb, changes: AttemptChange[]): Promise<QuizAttempt[]> {
  const tx = db.transaction(['quizAttempts', 'damaged'], 'readwrite');
  const store = tx.objectStore('quizAttempts');
  const saved: QuizAttempt[] = [];
  const writes = changes.map(async ({ id, attempt }) => {
    if (!attempt) return store.delete(id);
    const kept: unknown = await store.get(id);
    let joined = attempt;
    if (kept !== undefined) {
      const usable = usableAttempt(kept, id);
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
