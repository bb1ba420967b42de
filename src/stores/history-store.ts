import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { joinProgress, type MergeResult } from '@/engine/merge-backup';
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
import { replacingSaved, safePersist } from './safe-persist';
import { announceReset, listenToOtherTabs } from './other-tabs';
import { progressSchema } from './history-schema';
import { previewImport, previewMerge, type ImportPreview } from './progress-import';

export type ImportOutcome = ({ ok: true } & Omit<MergeResult, 'progress'>) | { ok: false; problem: string };
export type { ImportPreview } from './progress-import';

type HistoryState = Progress & {
  attemptStarted(session: QuizSession): void;
  /** The answer `session` now holds for `questionId` was submitted. */
  answerRecorded(session: QuizSession, questionId: string): void;
  attemptFinished(session: QuizSession): void;
  targetRetentionChanged(targetRetention: number): void;
  scheduleReset(questionId: string, at: number): void;
  /** Checks a file the app wrote and says what importing it would add; changes nothing. */
  importPreviewed(fileText: string): ImportPreview;
  /** Merges a previewed file in, all at once, as checked against the history as it is now. */
  importConfirmed(preview: Extract<ImportPreview, { ok: true }>): ImportOutcome;
  /** Checks a file and merges it in at once, saying what it added; a file that fails changes nothing. */
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
export const createHistoryStore = () =>
  create<HistoryState>()(
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
          scheduleReset: (questionId, at) =>
            update((progress) => withScheduleReset(progress, questionId, at)),
          importPreviewed: (fileText) => previewImport(progressOf(get()), fileText),
          importConfirmed: (preview) => {
            // Answers may have been recorded since the preview: merge into the history as it is now.
            const latest = previewMerge(progressOf(get()), preview.incoming, preview.kind);
            if (!latest.ok) return latest;
            set(latest.progress);
            return { ok: true, added: latest.added, tookSettings: latest.tookSettings };
          },
          backupImported: (fileText) => {
            const preview = get().importPreviewed(fileText);
            return preview.ok ? get().importConfirmed(preview) : preview;
          },
          progressReset: () => {
            replacingSaved('history', () => set(emptyProgress()));
            announceReset();
          },
        };
      },
      safePersist<HistoryState, Progress>({
        name: 'history',
        describedAs: 'answers and progress',
        version: 1,
        schema: progressSchema,
        partialize: progressOf,
        combine: joinProgress,
      }),
    ),
  );

/** The learner's history in this tab: each tab has one, and they share what is saved. */
export const useHistoryStore = createHistoryStore();

listenToOtherTabs({
  key: 'source-quiz:history',
  onSaved: () => void useHistoryStore.persist.rehydrate(),
  onReset: () => replacingSaved('history', () => useHistoryStore.setState(emptyProgress())),
});
