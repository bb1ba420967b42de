import type { useHistoryStore } from './history-store';
import { afterNextPaint } from '@/lib/after-next-paint';
import { onFirstInput } from '@/lib/on-first-input';
import { reportStorageNotice } from './storage-notices';

type HistoryStore = typeof useHistoryStore;

// The history store (with zod, its schemas and the scheduling library: about 50 KiB gzip on a quiz
// page) is not loaded with the pages that record into it: the quiz's first question and the live page
// paint without it. Until it is here, and until the frame that follows them is painted, changes wait
// in memory and reach it in the order they were recorded.
let historyStore: HistoryStore | undefined;
let loading: Promise<void> | undefined;
let isScheduled = false;
let applying: Promise<void> | undefined;
const waiting: ((store: HistoryStore) => void)[] = [];

/**
 * How long after the learner's first input (choosing an option, or moving to it) the store loads, so
 * that evaluating its code (about 50 KiB gzip) never delays the answer a quick learner checks just
 * after choosing; an answer loads it at once, after its feedback.
 */
const AFTER_INPUT_MS = 1000;

function applyWaiting(store: HistoryStore): void {
  for (const change of waiting.splice(0)) change(store);
}

function load(): Promise<void> {
  loading ??= import('./history-store').then(
    (module) => {
      historyStore = module.useHistoryStore;
      applyWaiting(historyStore);
    },
    () => {
      // Offline after an update removed the file, say: the waiting changes stay for the next try.
      loading = undefined;
      reportStorageNotice({
        kind: 'not-saved',
        key: 'source-quiz:history',
        message:
          'Your answers could not be added to your history yet: part of the app did not load. The app tries again at your next answer; keep this page open until it can.',
      });
    },
  );
  return loading;
}

/**
 * Applies the waiting changes once the screen that follows them is painted: recording an answer in
 * the history (its review schedule, its checks) took 6 ms of the click on "Check answer" with the CPU
 * slowed 4×, and 30 ms the first time, before the feedback could be drawn.
 */
function applyAfterPaint(): Promise<void> {
  applying ??= new Promise((resolve) =>
    afterNextPaint(() => {
      applying = undefined;
      if (historyStore) applyWaiting(historyStore);
      resolve();
    }),
  );
  return applying;
}

/** Keeps `change` for the store, to apply after the next frame; true if the store must load first. */
function keep(change: (store: HistoryStore) => void): boolean {
  waiting.push(change);
  if (!historyStore) return true;
  void applyAfterPaint();
  return false;
}

/** Applies `change` to the history store once the next frame is painted, loading the store then if need be. */
export function updateHistory(change: (store: HistoryStore) => void): void {
  if (keep(change)) afterNextPaint(() => void load());
}

/**
 * Like `updateHistory`, but loads the store only a second after the learner's first input on the
 * page, unless another change needs it sooner: for the start of a quiz, recorded while its first
 * question is being drawn and shown, so that the store's files (with zod and the scheduling library)
 * do not compete with the question's for the connection and the processor.
 */
export function updateHistoryLater(change: (store: HistoryStore) => void): void {
  if (keep(change)) prepareHistory();
}

/**
 * Loads the store a second after the learner's first input, for changes to come, so that an answer
 * does not wait for it; or when the page is hidden, so that a change kept in memory is saved before
 * the tab may close.
 */
export function prepareHistory(): void {
  if (isScheduled || historyStore || typeof document === 'undefined') return;
  isScheduled = true;
  const stopWaitingForInput = onFirstInput(() => {
    stopListening();
    setTimeout(() => void load(), AFTER_INPUT_MS);
  });
  const stopListening = () => {
    stopWaitingForInput();
    document.removeEventListener('visibilitychange', startWhenHidden);
  };
  const startWhenHidden = () => {
    if (document.visibilityState !== 'hidden') return;
    stopListening();
    void load();
  };
  document.addEventListener('visibilitychange', startWhenHidden);
}

/**
 * Settles once the changes recorded so far have reached the history store (or its loading failed),
 * loading it now if they wait for it.
 */
export function historyRecorded(): Promise<void> {
  if (waiting.length === 0) return applying ?? loading ?? Promise.resolve();
  return historyStore ? applyAfterPaint() : load();
}
