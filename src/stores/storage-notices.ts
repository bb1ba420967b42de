import { createStore } from 'zustand/vanilla';

export type StorageNotice = {
  id: string;
  kind: 'corrupt' | 'future-version' | 'not-saved' | 'unavailable';
  /** The storage key the problem concerns. */
  key: string;
  message: string;
  /** The saved text that could not be used, offered for download so it is never lost. */
  keptValue?: string;
  backupKey?: string;
  /** The damaged value has no copy, so nothing is saved over it until it is downloaded or discarded. */
  isHeld?: boolean;
  /** A write failed and is kept to try again. */
  canRetry?: boolean;
  /** The storage is full: the learner is offered a backup download and told how to make room. */
  isFull?: boolean;
};

type NoticeState = { notices: StorageNotice[] };

/** Problems with saved data, shown in a banner until dismissed. Outside React so stores can report. */
export const storageNotices = createStore<NoticeState>()(() => ({ notices: [] }));

export function reportStorageNotice(notice: Omit<StorageNotice, 'id'>): void {
  const id = `${notice.kind}:${notice.key}`;
  const { notices } = storageNotices.getState();
  if (notices.some((existing) => existing.id === id)) return;
  storageNotices.setState({ notices: [...notices, { ...notice, id }] });
}

export function dismissStorageNotice(id: string): void {
  storageNotices.setState(({ notices }) => ({ notices: notices.filter((notice) => notice.id !== id) }));
}
