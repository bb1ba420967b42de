import { z } from 'zod';
import type { QuizAttempt } from '@/engine/quizzes-in-progress';
import { browserStorage } from './browser-storage';
import { keepAside } from './safe-persist';
import {
  attemptStorageKey,
  LEGACY_QUIZ_KEY,
  SAVED_ATTEMPT_DESCRIBED_AS as DESCRIBED_AS,
  saveAttempt,
  savedAttemptKeys,
} from './saved-attempt-keys';
import { quizSessionSchema } from './saved-quiz-schema';
import { isHeld } from './saved-writes';

// Reading attempts saved in localStorage checks each with zod: this module is loaded once the quiz
// has painted (attempt-saving.ts), and its keys and writes are in saved-attempt-keys.ts.

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

/** Every attempt saved on this device, by id. */
export function readSavedAttempts(): Record<string, QuizAttempt> {
  const attempts: Record<string, QuizAttempt> = {};
  for (const key of savedAttemptKeys()) {
    const attempt = readSavedAttempt(key);
    if (attempt) attempts[attempt.id] = attempt;
  }
  return attempts;
}

/**
 * The one quiz in progress that older versions saved becomes an attempt of its own. The old key goes
 * only once the attempt is saved; a damaged old value is set aside as before.
 */
export function migrateLegacyQuiz(now: number): void {
  let raw: string | null | undefined;
  try {
    raw = browserStorage()?.getItem(LEGACY_QUIZ_KEY);
  } catch {
    return;
  }
  if (raw == null || isHeld(LEGACY_QUIZ_KEY)) return;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    keepAside(LEGACY_QUIZ_KEY, raw, 'corrupt', DESCRIBED_AS);
    return;
  }
  const legacy = legacySchema.safeParse(parsed);
  if (!legacy.success) {
    keepAside(LEGACY_QUIZ_KEY, raw, 'corrupt', DESCRIBED_AS);
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
    browserStorage()?.removeItem(LEGACY_QUIZ_KEY);
  } catch {
    // Read a moment ago; if it cannot go now, the next start finds it moved and tries again.
  }
}
