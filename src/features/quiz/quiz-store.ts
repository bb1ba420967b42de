import type { Question } from '@/domain/question';
import type { QuizMode } from '@/domain/quiz-mode';
import { z } from 'zod';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
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
import { quizSessionSchema } from '@/stores/saved-quiz-schema';
import { safePersist } from '@/stores/safe-persist';

/** A time limit the learner can extend or switch off (WCAG 2.2.1); `deadline` is ms since the epoch. */
export type QuizTimer = { deadline: number; isOff: boolean };

export type QuizStartInput = {
  key: string;
  pool: readonly Question[];
  settings: DrawSettings;
  seed: string;
  mode: QuizMode;
  minutes: number;
  now: number;
};

type QuizState = {
  session: QuizSession | null;
  /** The URL the session belongs to, so a reload or a link resumes it rather than starting over. */
  sessionKey: string | null;
  timer: QuizTimer | null;
  quizStarted(input: QuizStartInput): void;
  answerSubmitted(response: LearnerResponse, now: number): void;
  nextRequested(): void;
  questionChosen(index: number): void;
  quizFinished(now: number): void;
  timerExtended(minutes: number): void;
  timerTurnedOff(): void;
};

const MINUTE = 60_000;

export const useQuizStore = create<QuizState>()(
  persist(
    (set, get) => ({
      session: null,
      sessionKey: null,
      timer: null,
      // The learner's history hears of these through quiz-events.ts.
      quizStarted: ({ key, pool, settings, seed, mode, minutes, now }) => {
        const session = startQuiz({ pool, settings, seed, mode, startedAt: now });
        set({
          session,
          sessionKey: key,
          timer: minutes > 0 ? { deadline: now + minutes * MINUTE, isOff: false } : null,
        });
      },
      answerSubmitted: (response, now) => {
        const { session } = get();
        if (!session) return;
        const answered = submitAnswer(session, response, now);
        if (answered !== session) set({ session: answered });
      },
      nextRequested: () => set(({ session }) => (session ? { session: goToNext(session) } : {})),
      questionChosen: (index) =>
        set(({ session }) => (session ? { session: goToQuestion(session, index) } : {})),
      quizFinished: (now) => {
        const { session } = get();
        if (!session) return;
        const finished = finishQuiz(session, now);
        if (finished === session) return;
        set({ session: finished });
      },
      timerExtended: (minutes) =>
        set(({ timer }) =>
          timer ? { timer: { ...timer, deadline: timer.deadline + minutes * MINUTE } } : {},
        ),
      timerTurnedOff: () => set(({ timer }) => (timer ? { timer: { ...timer, isOff: true } } : {})),
    }),
    safePersist<QuizState, Pick<QuizState, 'session' | 'sessionKey' | 'timer'>>({
      name: 'quiz',
      describedAs: 'quiz in progress',
      version: 1,
      schema: z.object({
        session: quizSessionSchema.nullable(),
        sessionKey: z.string().nullable(),
        timer: z.object({ deadline: z.number(), isOff: z.boolean() }).nullable(),
      }),
      partialize: ({ session, sessionKey, timer }) => ({ session, sessionKey, timer }),
    }),
  ),
);
