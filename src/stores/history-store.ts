import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { mergeProgress, type MergeResult } from '@/engine/merge-backup';
import {
  emptyProgress,
  withAnswerRecorded,
  withAttemptFinished,
  withAttemptStarted,
  withScheduleReset,
  withTargetRetention,
  type Progress,
} from '@/engine/progress';
import type { QuizSession } from '@/engine/quiz-session';
import { safePersist } from './safe-persist';
import { progressSchema } from './history-schema';
import { readBackupFile } from './progress-backup';

export type ImportOutcome = ({ ok: true } & Omit<MergeResult, 'progress'>) | { ok: false; problem: string };

type HistoryState = Progress & {
  attemptStarted(session: QuizSession): void;
  /** The answer `session` now holds for `questionId` was submitted. */
  answerRecorded(session: QuizSession, questionId: string): void;
  attemptFinished(session: QuizSession): void;
  targetRetentionChanged(targetRetention: number): void;
  scheduleReset(questionId: string, at: number): void;
  /** Checks a backup file and merges it in, saying what it added; a file that fails changes nothing. */
  backupImported(fileText: string): ImportOutcome;
  progressReset(): void;
};

/** The saved part of the state: everything but the actions. */
export function progressOf({ history, schedules, resets, settings }: Progress): Progress {
  return { history, schedules, resets, settings };
}

/**
 * The learner's history, schedules and settings, shared by the quiz (which records), review and
 * progress. Saved as untrusted data under `source-quiz:history`, version 1.
 */
export const useHistoryStore = create<HistoryState>()(
  persist(
    (set, get): HistoryState => {
      // Leaves the state alone (no re-render, no save) when the engine changed nothing.
      const update = (change: (progress: Progress) => Progress) =>
        set((state) => {
          const current = progressOf(state);
          const next = change(current);
          return next === current ? state : next;
        });
      return {
        ...emptyProgress(),
        attemptStarted: (session) => update((progress) => withAttemptStarted(progress, session)),
        answerRecorded: (session, questionId) =>
          update((progress) => withAnswerRecorded(progress, session, questionId)),
        attemptFinished: (session) => update((progress) => withAttemptFinished(progress, session)),
        targetRetentionChanged: (targetRetention) =>
          update((progress) => withTargetRetention(progress, targetRetention)),
        scheduleReset: (questionId, at) => update((progress) => withScheduleReset(progress, questionId, at)),
        backupImported: (fileText) => {
          const backup = readBackupFile(fileText);
          if (!backup.ok) return backup;
          const { progress, ...summary } = mergeProgress(progressOf(get()), backup.progress);
          set(progress);
          return { ok: true, ...summary };
        },
        progressReset: () => set(emptyProgress()),
      };
    },
    safePersist<HistoryState, Progress>({
      name: 'history',
      describedAs: 'answers and progress',
      version: 1,
      schema: progressSchema,
      partialize: progressOf,
    }),
  ),
);
