import { STORAGE_FULL_NOT_SAVED } from './browser-storage';
import { dismissStorageNotice, reportStorageNotice } from './storage-notices';

/** A refused write is tried again after these pauses, then waits for the next change or "Try again". */
export const RETRY_DELAYS_MS = [2_000, 10_000, 60_000];

function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);
}

export type DatabaseWriteFailures = {
  /** Reports the failure in words and schedules `flush` again, while tries are left. */
  failed(error: unknown): void;
  /** A write went through: the notices go and the next failure starts its tries afresh. */
  succeeded(): void;
};

/**
 * What the history and the quizzes in progress do alike when IndexedDB refuses a write: a notice
 * (one for a full storage, whichever write met it, since both fail beside each other) and a few
 * timed retries of `flush`.
 */
export function databaseWriteFailures(
  noticeKey: string,
  refusedMessage: string,
  flush: () => void,
): DatabaseWriteFailures {
  let retries = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  return {
    failed(error) {
      const isFull = isQuotaError(error);
      reportStorageNotice({
        kind: 'not-saved',
        key: isFull ? 'storage-full' : noticeKey,
        canRetry: true,
        isFull,
        message: isFull ? STORAGE_FULL_NOT_SAVED : refusedMessage,
      });
      if (retryTimer === undefined && retries < RETRY_DELAYS_MS.length) {
        retryTimer = setTimeout(() => {
          retryTimer = undefined;
          flush();
        }, RETRY_DELAYS_MS[retries]);
        retries += 1;
      }
    },
    succeeded() {
      retries = 0;
      dismissStorageNotice(`not-saved:${noticeKey}`);
      dismissStorageNotice('not-saved:storage-full');
    },
  };
}
