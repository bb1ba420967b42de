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
import {
  ATTEMPT_PREFIX,
  isAttemptKey,
  migrateLegacyQuiz,
  readSavedAttempt,
  readSavedAttempts,
  removeSavedAttempt,
  saveAttempt,
} from './saved-attempts';

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
  /** Reads every saved attempt again (at start, and in tests). */
  savedAttemptsRead(): void;
  /** Another tab saved or removed the attempt under `storageKey`. */
  savedAttemptChanged(storageKey: string): void;
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

function loadAttempts(): Record<string, QuizAttempt> {
  migrateLegacyQuiz(Date.now());
  return readSavedAttempts();
}

function withoutIds(attempts: Attempts, ids: readonly string[]): Record<string, QuizAttempt> {
  return Object.fromEntries(Object.entries(attempts).filter(([id]) => !ids.includes(id)));
}

export const useQuizStore = create<QuizState>()((set, get) => {
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
    attempts: loadAttempts(),
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
    savedAttemptsRead: () => {
      const attempts = loadAttempts();
      const { currentId } = get();
      set({ attempts, ...currentOf(currentId === null ? undefined : attempts[currentId]) });
    },
    savedAttemptChanged: (storageKey) => {
      const id = storageKey.slice(ATTEMPT_PREFIX.length);
      const { attempts, currentId } = get();
      const theirs = readSavedAttempt(storageKey);
      if (!theirs) {
        // Removed (or damaged and set aside) by another tab: this tab keeps the one it is showing.
        if (id !== currentId && attempts[id]) set({ attempts: withoutIds(attempts, [id]) });
        return;
      }
      const mine = attempts[id];
      const joined = mine ? joinAttempts(mine, theirs) : theirs;
      const hasMore =
        Object.keys(joined.session.submissions).length > Object.keys(theirs.session.submissions).length;
      // This tab held answers the other tab's save lacked: they go back in.
      if (hasMore) saveAttempt(joined);
      set({ attempts: { ...attempts, [id]: joined }, ...(id === currentId ? currentOf(joined) : {}) });
    },
  };
});

// Other tabs save attempts too: the browser's storage event says which.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (isAttemptKey(event.key)) useQuizStore.getState().savedAttemptChanged(event.key);
  });
}
