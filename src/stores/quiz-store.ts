import type { Question } from '@/domain/question';
import type { QuizMode } from '@/domain/quiz-mode';
import { create } from 'zustand';
import type { LearnerResponse } from '@/domain/learner-response';
import {
  finishQuiz,
  goToNext,
  goToQuestion,
  startQuiz,
  submitAnswer,
  type QuizSession,
} from '@/engine/quiz-session';
import type { DrawSettings } from '@/engine/draw-settings';
import {
  finishedAttemptsToDrop,
  joinAttempts,
  latestAttemptAt,
  type Attempts,
  type QuizAttempt,
  type QuizTimer,
} from '@/engine/quizzes-in-progress';
import { ATTEMPT_PREFIX, hasSavedAttempts, isAttemptKey } from './saved-attempt-keys';
import { saveAttempts, type AttemptSaving } from './attempt-saving';

export type { QuizTimer } from '@/engine/quizzes-in-progress';

export type QuizStartInput = {
  key: string;
  /** What the quiz is, in words, for the list of quizzes in progress. */
  title: string;
  pool: readonly Question[];
  settings: DrawSettings;
  seed: string;
  mode: QuizMode;
  minutes: number;
  now: number;
};

type QuizState = {
  /** Every quiz attempt saved on this device (in progress, or finished a moment ago), by id. */
  attempts: Attempts;
  /** The attempt this tab shows; each tab has its own. */
  currentId: string | null;
  /** The current attempt's session, address and timer, for the quiz page. */
  session: QuizSession | null;
  sessionKey: string | null;
  timer: QuizTimer | null;
  /** False until the saved attempts are read (from IndexedDB, after the start): nothing resumes before. */
  isLoaded: boolean;
  /** Makes the latest attempt at `key` current; false when there is none to resume. */
  quizResumed(key: string): boolean;
  quizStarted(input: QuizStartInput): void;
  answerSubmitted(response: LearnerResponse, now: number): void;
  nextRequested(): void;
  questionChosen(index: number): void;
  quizFinished(now: number): void;
  timerExtended(minutes: number): void;
  timerTurnedOff(): void;
  /** The learner chose to drop an attempt; its answers stay in the history. */
  attemptDiscarded(id: string): void;
  /** Reads every attempt saved in localStorage again (in tests). */
  savedAttemptsRead(): Promise<void>;
  /** Another tab saved or removed the attempt under `storageKey` (localStorage). */
  savedAttemptChanged(storageKey: string): Promise<void>;
  /** The attempts saved in IndexedDB were read, joined with this tab's. */
  savedAttemptsLoaded(attempts: Record<string, QuizAttempt>): void;
  /** An attempt as saved in IndexedDB, by another tab or joined with its answers. */
  attemptSavedElsewhere(theirs: QuizAttempt): void;
  /** Another tab removed the attempt from IndexedDB. */
  attemptRemovedElsewhere(id: string): void;
};

const MINUTE = 60_000;

function newAttemptId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(9));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function currentOf(attempt: QuizAttempt | undefined) {
  return attempt
    ? { currentId: attempt.id, session: attempt.session, sessionKey: attempt.key, timer: attempt.timer }
    : { currentId: null, session: null, sessionKey: null, timer: null };
}

/** The attempts localStorage holds, checked; the module that checks them (and zod) loads on first use. */
async function loadAttempts(): Promise<Record<string, QuizAttempt>> {
  const { migrateLegacyQuiz, readSavedAttempts } = await import('./saved-attempts');
  migrateLegacyQuiz(Date.now());
  return readSavedAttempts();
}

function withoutIds(attempts: Attempts, ids: readonly string[]): Record<string, QuizAttempt> {
  return Object.fromEntries(Object.entries(attempts).filter(([id]) => !ids.includes(id)));
}

export type QuizStoreOptions = {
  /** The IndexedDB database (and BroadcastChannel) name: tests give each "browser" its own. */
  databaseName?: string;
};

const createStoreOnly = (saving: () => AttemptSaving | undefined) =>
  create<QuizState>()((set, get) => {
    const saveAttempt = (attempt: QuizAttempt) => saving()?.saved(attempt);
    const removeSavedAttempt = (id: string) => saving()?.removed(id);
    /** Another tab's copy of an attempt joins this tab's; the one on screen follows. */
    const joinTheirs = (theirs: QuizAttempt) => {
      const { attempts, currentId } = get();
      const mine = attempts[theirs.id];
      const joined = mine ? joinAttempts(mine, theirs) : theirs;
      set({
        attempts: { ...attempts, [joined.id]: joined },
        ...(joined.id === currentId ? currentOf(joined) : {}),
      });
      return joined;
    };
    const removeTheirs = (id: string) => {
      const { attempts, currentId } = get();
      // Removed (or damaged and set aside) by another tab: this tab keeps the one it is showing.
      if (id !== currentId && attempts[id]) set({ attempts: withoutIds(attempts, [id]) });
    };
    /** A time later than any attempt's, so "the latest" is right even for changes in the same millisecond. */
    const nextStamp = () =>
      Math.max(Date.now(), ...Object.values(get().attempts).map((attempt) => attempt.updatedAt + 1));
    /** Applies `change` to the current attempt and saves it, unless the engine changed nothing. */
    const changeCurrent = (change: (attempt: QuizAttempt) => QuizAttempt) => {
      const { attempts, currentId } = get();
      const attempt = currentId === null ? undefined : attempts[currentId];
      if (!attempt) return;
      const changed = change(attempt);
      if (changed === attempt) return;
      const saved = { ...changed, updatedAt: nextStamp() };
      saveAttempt(saved);
      set({ attempts: { ...attempts, [saved.id]: saved }, ...currentOf(saved) });
    };
    const changeSession = (change: (session: QuizSession) => QuizSession) =>
      changeCurrent((attempt) => {
        const session = change(attempt.session);
        return session === attempt.session ? attempt : { ...attempt, session };
      });
    /** Finished attempts replaced or beyond the few kept go, from storage too. */
    const dropOldFinished = (attempts: Attempts) => {
      const dropped = finishedAttemptsToDrop(attempts).filter((id) => id !== get().currentId);
      for (const id of dropped) removeSavedAttempt(id);
      return dropped.length > 0 ? withoutIds(attempts, dropped) : attempts;
    };

    return {
      // Read after the start by the saving (attempt-saving.ts), which sets isLoaded. Without a
      // database and with nothing saved there is nothing to wait for.
      attempts: {},
      isLoaded: typeof indexedDB === 'undefined' && !hasSavedAttempts(),
      currentId: null,
      session: null,
      sessionKey: null,
      timer: null,
      quizResumed: (key) => {
        const attempt = latestAttemptAt(get().attempts, key);
        if (!attempt) return false;
        set(currentOf(attempt));
        return true;
      },
      // The learner's history hears of these through quiz-events.ts.
      quizStarted: ({ key, title, pool, settings, seed, mode, minutes, now }) => {
        const attempt: QuizAttempt = {
          version: 1,
          id: newAttemptId(),
          key,
          title,
          session: startQuiz({ pool, settings, seed, mode, startedAt: now }),
          timer: minutes > 0 ? { deadline: now + minutes * MINUTE, isOff: false } : null,
          updatedAt: Math.max(now, nextStamp()),
        };
        saveAttempt(attempt);
        set(currentOf(attempt));
        set({ attempts: dropOldFinished({ ...get().attempts, [attempt.id]: attempt }) });
      },
      answerSubmitted: (response, now) => changeSession((session) => submitAnswer(session, response, now)),
      nextRequested: () => changeSession(goToNext),
      questionChosen: (index) => changeSession((session) => goToQuestion(session, index)),
      quizFinished: (now) => {
        changeSession((session) => finishQuiz(session, now));
        set({ attempts: dropOldFinished(get().attempts) });
      },
      timerExtended: (minutes) =>
        changeCurrent((attempt) =>
          attempt.timer
            ? { ...attempt, timer: { ...attempt.timer, deadline: attempt.timer.deadline + minutes * MINUTE } }
            : attempt,
        ),
      timerTurnedOff: () =>
        changeCurrent((attempt) =>
          attempt.timer ? { ...attempt, timer: { ...attempt.timer, isOff: true } } : attempt,
        ),
      attemptDiscarded: (id) => {
        removeSavedAttempt(id);
        const { attempts, currentId } = get();
        set({ attempts: withoutIds(attempts, [id]), ...(currentId === id ? currentOf(undefined) : {}) });
      },
      savedAttemptsRead: async () => {
        const attempts = await loadAttempts();
        const { currentId } = get();
        set({ attempts, isLoaded: true, ...currentOf(currentId === null ? undefined : attempts[currentId]) });
      },
      savedAttemptChanged: async (storageKey) => {
        const { readSavedAttempt } = await import('./saved-attempts');
        const theirs = readSavedAttempt(storageKey);
        if (!theirs) {
          removeTheirs(storageKey.slice(ATTEMPT_PREFIX.length));
          return;
        }
        const joined = joinTheirs(theirs);
        const hasMore =
          Object.keys(joined.session.submissions).length > Object.keys(theirs.session.submissions).length;
        // This tab held answers the other tab's save lacked: they go back in.
        if (hasMore) saveAttempt(joined);
      },
      savedAttemptsLoaded: (attempts) => {
        const { currentId } = get();
        set({ attempts, isLoaded: true, ...currentOf(currentId === null ? undefined : attempts[currentId]) });
      },
      attemptSavedElsewhere: (theirs) => void joinTheirs(theirs),
      attemptRemovedElsewhere: removeTheirs,
    };
  });

/** The quizzes in progress of one tab, and how they are saved. */
export type QuizStore = ReturnType<typeof createStoreOnly> & { saving: AttemptSaving };

/**
 * Quizzes in progress, saved in the history's IndexedDB database (`attempt-saving.ts`), or where the
 * browser has none, one localStorage key per attempt (`saved-attempts.ts`).
 */
export const createQuizStore = (options: QuizStoreOptions = {}): QuizStore => {
  const made: { saving?: AttemptSaving } = {};
  const store = createStoreOnly(() => made.saving);
  const saving = saveAttempts(
    {
      loaded: (attempts) => store.getState().savedAttemptsLoaded(attempts),
      changed: (attempt) => store.getState().attemptSavedElsewhere(attempt),
      removed: (id) => store.getState().attemptRemovedElsewhere(id),
    },
    () => store.getState().attempts,
    options,
  );
  made.saving = saving;
  // Without a database the attempts read from localStorage are all there is.
  void saving.ready.then(() => {
    if (!store.getState().isLoaded) store.setState({ isLoaded: true });
  });
  return Object.assign(store, { saving });
};

/** The quizzes in progress in this tab: each tab has its own, and they share what is saved. */
export const useQuizStore = createQuizStore();

// Other tabs save attempts too: where they use localStorage, the browser's storage event says which.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (isAttemptKey(event.key) && useQuizStore.saving.mode() !== 'database')
      void useQuizStore.getState().savedAttemptChanged(event.key);
  });
}
