import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { joinProgress, type MergeResult } from '@/engine/merge-backup';
import {
  emptyProgress,
  withAnswerRecorded,
  withAttemptFinished,
  withAttemptStarted,
  withRegradesRecorded,
  withScheduleReset,
  withTargetRetention,
  type Progress,
} from '@/engine/progress';
import { attemptIdOf } from '@/engine/history';
import { regradeKey, regradesDue } from '@/engine/regrade-history';
import type { Question } from '@/domain/question';
import type { QuizSession } from '@/engine/quiz-session';
import { replacingSaved, safePersist } from './safe-persist';
import { announceReset, listenToOtherTabs } from './other-tabs';
import { progressSchema } from './history-schema';
import { previewImport, previewMerge, type ImportPreview } from './progress-import';
import { historyStarted } from './history-demand';
import { recordsAddedBetween, recordsOfChange, saveHistory, type HistorySaving } from './history-saving';
import type { HistoryRecords } from './history-db';
import { newDisputes, useSoloDisputeStore } from './solo-dispute-store';

export type ImportOutcome =
  ({ ok: true } & Omit<MergeResult, 'progress'> & { addedDisputes: number }) | { ok: false; problem: string };
export type { ImportPreview } from './progress-import';

type HistoryState = Progress & {
  attemptStarted(session: QuizSession): void;
  /** The answer `session` now holds for `questionId` was submitted. */
  answerRecorded(session: QuizSession, questionId: string): void;
  attemptFinished(session: QuizSession): void;
  targetRetentionChanged(targetRetention: number): void;
  scheduleReset(questionId: string, at: number): void;
  /**
   * The banks were loaded with these questions: answers graded against another version of one are
   * regraded with this one, once (see `regrade-history.ts`).
   */
  questionsLoaded(questions: readonly Question[], at: number): void;
  /**
   * Checks a file the app wrote and says what importing it would add (its `disputes` are those not
   * here yet); changes nothing.
   */
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

export type HistoryStoreOptions = {
  /** The IndexedDB database (and BroadcastChannel) name: tests give each "browser" its own. */
  databaseName?: string;
};

/** The history store of one tab, and how its history is saved. */
export type HistoryStore = ReturnType<typeof createStoreOnly> & { saving: HistorySaving };

const createStoreOnly = (saving: () => HistorySaving | undefined) =>
  create<HistoryState>()(
    persist(
      (set, get): HistoryState => {
        // Leaves the state alone (no re-render, no save) when the engine changed nothing; a change
        // saved in the database appends only the records it added.
        const update = (
          change: (progress: Progress) => Progress,
          added: (after: Progress) => HistoryRecords,
        ) => {
          const current = progressOf(get());
          const next = change(current);
          if (next === current) return;
          set(next);
          saving()?.added(added(next));
        };
        const attemptOf = (session: QuizSession) => ({ attemptId: attemptIdOf(session) });
        return {
          ...emptyProgress(),
          attemptStarted: (session) =>
            update(
              (progress) => withAttemptStarted(progress, session),
              (after) => recordsOfChange(after, attemptOf(session)),
            ),
          answerRecorded: (session, questionId) =>
            update(
              (progress) => withAnswerRecorded(progress, session, questionId),
              (after) =>
                recordsOfChange(after, {
                  ...attemptOf(session),
                  answer: {
                    attemptId: attemptIdOf(session),
                    questionId,
                    answeredAt: session.submissions[questionId]?.submittedAt ?? -1,
                  },
                }),
            ),
          attemptFinished: (session) =>
            update(
              (progress) => withAttemptFinished(progress, session),
              (after) => recordsOfChange(after, attemptOf(session)),
            ),
          targetRetentionChanged: (targetRetention) =>
            update(
              (progress) => withTargetRetention(progress, targetRetention),
              (after) => recordsOfChange(after, { settings: true }),
            ),
          scheduleReset: (questionId, at) =>
            update(
              (progress) => withScheduleReset(progress, questionId, at),
              (after) => recordsOfChange(after, { resetOf: questionId }),
            ),
          questionsLoaded: (questions, at) => {
            const due = regradesDue(get().history, questions, at);
            if (due.regrades.length === 0) return;
            update(
              (progress) => withRegradesRecorded(progress, due),
              (after) => recordsOfChange(after, { regrades: new Set(due.regrades.map(regradeKey)) }),
            );
          },
          importPreviewed: (fileText) => {
            const preview = previewImport(progressOf(get()), fileText);
            if (!preview.ok) return preview;
            const disputes = newDisputes(useSoloDisputeStore.getState().disputes, preview.disputes);
            return { ...preview, disputes };
          },
          importConfirmed: (preview) => {
            // Answers may have been recorded since the preview: merge into the history as it is now.
            const latest = previewMerge(progressOf(get()), preview.incoming, preview.kind);
            if (!latest.ok) return latest;
            const before = progressOf(get());
            set(latest.progress);
            // All that the import added, in one transaction.
            saving()?.added(recordsAddedBetween(before, latest.progress));
            const addedDisputes = useSoloDisputeStore.getState().disputesImported(preview.disputes);
            return { ok: true, added: latest.added, tookSettings: latest.tookSettings, addedDisputes };
          },
          backupImported: (fileText) => {
            const preview = get().importPreviewed(fileText);
            return preview.ok ? get().importConfirmed(preview) : preview;
          },
          progressReset: () => {
            replacingSaved('history', () => set(emptyProgress()));
            saving()?.reset();
            announceReset();
          },
        };
      },
      safePersist<HistoryState, Progress>({
        name: 'history',
        describedAs: 'answers and progress',
        // The damaged value stays in localStorage until downloaded; new answers go to IndexedDB.
        whileHeld:
          "Until then, your new answers are still saved in this browser's database (where it has none, they are kept only while this page is open).",
        version: 1,
        schema: progressSchema,
        partialize: progressOf,
        combine: joinProgress,
        isSavedElsewhere: () => saving()?.mode() === 'database',
      }),
    ),
  );

/**
 * The learner's history, schedules and settings, shared by the quiz (which records), review and
 * progress. Saved in IndexedDB, one record per answer (see `history-saving.ts`); where the browser has
 * none, as untrusted data under `source-quiz:history` in localStorage, version 1, which is also what
 * the first start of the IndexedDB version migrates from.
 */
export const createHistoryStore = (options: HistoryStoreOptions = {}): HistoryStore => {
  // The store's actions reach its saving, made once the store (which it loads into) exists.
  const made: { saving?: HistorySaving } = {};
  const store = createStoreOnly(() => made.saving);
  const saving = saveHistory(store, options);
  made.saving = saving;
  return Object.assign(store, { saving });
};

/** The learner's history in this tab: each tab has one, and they share what is saved. */
export const useHistoryStore = createHistoryStore();
historyStarted();

/**
 * Settles once the saved history has been read into the store (or could not be): a page that shows
 * only the history waits for it, instead of saying for a moment that nothing was answered.
 */
export const historyRead: Promise<void> = useHistoryStore.saving.ready.catch(() => undefined);

listenToOtherTabs({
  key: 'source-quiz:history',
  onSaved: () => void useHistoryStore.persist.rehydrate(),
  onReset: () => replacingSaved('history', () => useHistoryStore.setState(emptyProgress())),
});
