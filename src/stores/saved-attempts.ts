import { z } from 'zod';
import type { QuizAttempt } from '@/engine/quizzes-in-progress';
import { browserStorage } from './browser-storage';
import { keepAside, STORAGE_PREFIX } from './safe-persist';
import { quizSessionSchema } from './saved-quiz-schema';
import { isHeld, writeSaved } from './saved-writes';

/**
 * Each quiz attempt is saved under a key of its own, so that starting another quiz, or answering in
 * another tab, never writes over it. Before this, one key (`source-quiz:quiz`) held one quiz. This is
 * where attempts stay when IndexedDB cannot be opened, and where the version before kept them: the
 * first start with IndexedDB copies them there (`attempt-saving.ts`).
 */
export const ATTEMPT_PREFIX = `${STORAGE_PREFIX}attempt:`;
const LEGACY_KEY = `${STORAGE_PREFIX}quiz`;
const DESCRIBED_AS = 'quiz in progress';

const timerSchema = z.lazy(() => z.object({ deadline: z.number(), isOff: z.boolean() }));

export const quizAttemptSchema = z.lazy(() =>
  z.object({
    version: z.literal(1),
    id: z.string().min(1).max(100),
    key: z.string().max(10_000),
    title: z.string().max(500),
    session: quizSessionSchema,
    timer: timerSchema.nullable(),
    updatedAt: z.number(),
  }),
) satisfies z.ZodType<QuizAttempt>;

const legacySchema = z.lazy(() =>
  z.object({
    version: z.literal(1),
    state: z.object({
      session: quizSessionSchema.nullable(),
      sessionKey: z.string().nullable(),
      timer: timerSchema.nullable(),
    }),
  }),
);

export function attemptStorageKey(id: string): string {
  return ATTEMPT_PREFIX + id;
}

/** Whether `key` is one attempt's own key (and not a copy set aside from one). */
export function isAttemptKey(key: string | null): key is string {
  return key !== null && key.startsWith(ATTEMPT_PREFIX) && !key.includes(':backup:');
}

/** The attempt saved under `key`; a value that cannot be used is set aside and reported, never wiped. */
export function readSavedAttempt(key: string): QuizAttempt | undefined {
  let raw: string | null | undefined;
  try {
    raw = browserStorage()?.getItem(key);
  } catch {
    return undefined;
  }
  if (raw == null || isHeld(key)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    keepAside(key, raw, 'corrupt', DESCRIBED_AS);
    return undefined;
  }
  const version = z.object({ version: z.number() }).safeParse(parsed);
  if (version.success && version.data.version > 1) {
    keepAside(key, raw, 'future-version', DESCRIBED_AS);
    return undefined;
  }
  const attempt = quizAttemptSchema.safeParse(parsed);
  if (attempt.success && attemptStorageKey(attempt.data.id) === key) return attempt.data;
  keepAside(key, raw, 'corrupt', DESCRIBED_AS);
  return undefined;
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

/** Every attempt saved on this device, by id. */
export function readSavedAttempts(): Record<string, QuizAttempt> {
  const attempts: Record<string, QuizAttempt> = {};
  for (const key of savedAttemptKeys()) {
    const attempt = readSavedAttempt(key);
    if (attempt) attempts[attempt.id] = attempt;
  }
  return attempts;
}

/** Saves one attempt; a refused write is kept, retried and reported (saved-writes.ts). */
export function saveAttempt(attempt: QuizAttempt): boolean {
  return writeSaved(attemptStorageKey(attempt.id), JSON.stringify(attempt), DESCRIBED_AS);
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

/**
 * The one quiz in progress that older versions saved becomes an attempt of its own. The old key goes
 * only once the attempt is saved; a damaged old value is set aside as before.
 */
export function migrateLegacyQuiz(now: number): void {
  let raw: string | null | undefined;
  try {
    raw = browserStorage()?.getItem(LEGACY_KEY);
  } catch {
    return;
  }
  if (raw == null || isHeld(LEGACY_KEY)) return;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    keepAside(LEGACY_KEY, raw, 'corrupt', DESCRIBED_AS);
    return;
  }
  const legacy = legacySchema.safeParse(parsed);
  if (!legacy.success) {
    keepAside(LEGACY_KEY, raw, 'corrupt', DESCRIBED_AS);
    return;
  }
  const { session, sessionKey, timer } = legacy.data.state;
  // One id for the old quiz, so a second start (if the old key could not go) finds it already moved
  // and never writes the old answers over newer ones.
  const id = session ? `moved-${session.startedAt}` : '';
  let isMoved = false;
  try {
    isMoved = browserStorage()?.getItem(attemptStorageKey(id)) != null;
  } catch {
    isMoved = false;
  }
  if (session && sessionKey !== null && !isMoved) {
    const attempt: QuizAttempt = {
      version: 1,
      id,
      key: sessionKey,
      title: session.mode === 'test' ? 'Test' : 'Practice quiz',
      session,
      timer,
      updatedAt: now,
    };
    if (!saveAttempt(attempt)) return;
  }
  try {
    browserStorage()?.removeItem(LEGACY_KEY);
  } catch {
    // Read a moment ago; if it cannot go now, the next start finds it moved and tries again.
  }
}
