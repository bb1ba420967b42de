import type { QuizAttempt } from '@/engine/quizzes-in-progress';
import { browserStorage } from './browser-storage';
import { STORAGE_PREFIX } from './safe-persist';
import { isHeld, writeSaved } from './saved-writes';

/**
 * Each quiz attempt is saved under a key of its own, so that starting another quiz, or answering in
 * another tab, never writes over it. Before this, one key (`source-quiz:quiz`) held one quiz. This is
 * where attempts stay when IndexedDB cannot be opened, and where the version before kept them: the
 * first start with IndexedDB copies them there (`attempt-saving.ts`).
 */
export const ATTEMPT_PREFIX = `${STORAGE_PREFIX}attempt:`;
export const SAVED_ATTEMPT_DESCRIBED_AS = 'quiz in progress';
/** The one key that versions before attempts of their own saved the quiz in progress under. */
export const LEGACY_QUIZ_KEY = `${STORAGE_PREFIX}quiz`;

export function attemptStorageKey(id: string): string {
  return ATTEMPT_PREFIX + id;
}

/** Whether `key` is one attempt's own key (and not a copy set aside from one). */
export function isAttemptKey(key: string | null): key is string {
  return key !== null && key.startsWith(ATTEMPT_PREFIX) && !key.includes(':backup:');
}

/** The localStorage keys that pass `test`; none where the storage cannot be read. */
function storageKeys(test: (key: string) => boolean): string[] {
  const storage = browserStorage();
  if (!storage) return [];
  try {
    return Object.keys(storage).filter(test);
  } catch {
    return [];
  }
}

/** The localStorage keys of every attempt saved there (the fallback, or by the version before). */
export function savedAttemptKeys(): string[] {
  return storageKeys(isAttemptKey);
}

/** Whether localStorage holds the quiz of a version before, to move (a storage not read is a doubt). */
export function hasLegacyQuiz(): boolean {
  try {
    return browserStorage()?.getItem(LEGACY_QUIZ_KEY) != null;
  } catch {
    return true;
  }
}

/** Whether localStorage holds any attempt, or the quiz of a version before, to read (and check). */
export function hasSavedAttempts(): boolean {
  return savedAttemptKeys().length > 0 || hasLegacyQuiz();
}

/** Saves one attempt; a refused write is kept, retried and reported (saved-writes.ts). */
export function saveAttempt(attempt: QuizAttempt): boolean {
  return writeSaved(attemptStorageKey(attempt.id), JSON.stringify(attempt), SAVED_ATTEMPT_DESCRIBED_AS);
}

export function removeSavedAttempt(id: string): void {
  const key = attemptStorageKey(id);
  if (isHeld(key)) return;
  try {
    browserStorage()?.removeItem(key);
  } catch {
    // Nothing to remove from a storage we cannot reach.
  }
}

// An attempt removed while the database keeps the attempts is marked here until the database has the
// removal, as a change stays in localStorage until written: a reload in between must not bring it back.
const REMOVED_PREFIX = `${STORAGE_PREFIX}attempt-removed:`;

export function markAttemptRemoved(id: string): void {
  try {
    browserStorage()?.setItem(REMOVED_PREFIX + id, '1');
  } catch {
    // Without the mark, only a reload before the database's write could list the quiz again.
  }
}

export function unmarkAttemptRemoved(id: string): void {
  try {
    browserStorage()?.removeItem(REMOVED_PREFIX + id);
  } catch {
    // Left in place, the removal is written again at the next start: nothing else is affected.
  }
}

/** The attempts marked removed whose removal the database may not have yet. */
export function attemptsMarkedRemoved(): string[] {
  return storageKeys((key) => key.startsWith(REMOVED_PREFIX)).map((key) => key.slice(REMOVED_PREFIX.length));
}
