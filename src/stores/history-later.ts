import type { useHistoryStore } from './history-store';
import { reportStorageNotice } from './storage-notices';

type HistoryStore = typeof useHistoryStore;

// The history store (with its scheduling library, about 18 KiB gzip) is loaded at the first change a
// page records, not with the page: the quiz's first question and the live page paint without it.
// Until it is here, changes wait in memory and reach it in the order they were recorded.
let historyStore: HistoryStore | undefined;
let loading: Promise<void> | undefined;
const waiting: ((store: HistoryStore) => void)[] = [];

/** Applies `change` to the history store: at once when it is loaded, else as soon as it is. */
export function updateHistory(change: (store: HistoryStore) => void): void {
  if (historyStore) {
    change(historyStore);
    return;
  }
  waiting.push(change);
  loading ??= import('./history-store').then(
    (module) => {
      historyStore = module.useHistoryStore;
      for (const waited of waiting.splice(0)) waited(historyStore);
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
}

/** Starts loading the store for changes to come, so that they are not left waiting for it. */
export function prepareHistory(): void {
  updateHistory(() => {});
}

/** Settles once the changes recorded so far have reached the history store (or its loading failed). */
export function historyRecorded(): Promise<void> {
  return loading ?? Promise.resolve();
}
