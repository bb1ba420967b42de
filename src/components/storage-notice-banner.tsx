import { useState } from 'react';
import { useStorageNotices } from '@/hooks/use-storage-notices';
import { downloadText } from '@/lib/download-text';
import { downloadBackup } from '@/stores/download-backup';
import { releaseKey, retryPendingWrites } from '@/stores/saved-writes';
import { dismissStorageNotice, reportStorageNotice, type StorageNotice } from '@/stores/storage-notices';

function downloadKeptValue(notice: StorageNotice): void {
  // An empty or blank value was set aside too: it is offered like any other, so none is kept silently.
  if (notice.keptValue !== undefined) {
    downloadText(
      `${notice.key.replace(/[^a-z0-9-]+/gi, '-')}-kept-aside.json`,
      notice.keptValue,
      'application/json',
    );
  }
}

function retry(notice: StorageNotice): void {
  const left = retryPendingWrites();
  if (left > 0) {
    dismissStorageNotice(notice.id);
    reportStorageNotice({ ...notice, message: `Tried again: still not saved. ${notice.message}` });
  }
}

/** The damaged value is safe in a file now (or the learner let it go): saving can resume. */
function letGo(notice: StorageNotice, how: 'downloaded' | 'discarded'): void {
  if (how === 'downloaded') downloadKeptValue(notice);
  releaseKey(notice.key);
  dismissStorageNotice(notice.id);
}

function NoticeActions({ notice }: { notice: StorageNotice }) {
  const [isConfirmingDiscard, setIsConfirmingDiscard] = useState(false);
  const [backupNote, setBackupNote] = useState('');
  const button = 'button button--secondary';
  if (notice.isHeld) {
    if (isConfirmingDiscard) {
      return (
        <div className="storage-notice__actions">
          <p>Discard the saved data for good? It cannot be brought back.</p>
          <button type="button" className={button} onClick={() => letGo(notice, 'discarded')}>
            Yes, discard it
          </button>
          <button type="button" className={button} onClick={() => setIsConfirmingDiscard(false)}>
            Keep it
          </button>
        </div>
      );
    }
    return (
      <div className="storage-notice__actions">
        <button type="button" className="button" onClick={() => letGo(notice, 'downloaded')}>
          Download the saved data, then save again
        </button>
        <button type="button" className={button} onClick={() => setIsConfirmingDiscard(true)}>
          Discard it…
        </button>
      </div>
    );
  }
  return (
    <div className="storage-notice__actions">
      {notice.isFull && (
        <button type="button" className="button" onClick={() => setBackupNote(downloadBackup(Date.now()))}>
          Download a backup
        </button>
      )}
      {notice.keptValue !== undefined && (
        <button type="button" className={button} onClick={() => downloadKeptValue(notice)}>
          Download the saved data
        </button>
      )}
      {notice.canRetry && (
        <button type="button" className={button} onClick={() => retry(notice)}>
          Try saving again
        </button>
      )}
      <button type="button" className={button} onClick={() => dismissStorageNotice(notice.id)}>
        Dismiss
      </button>
      {backupNote && <p role="status">Backup downloaded as {backupNote}.</p>}
    </div>
  );
}

/** Tells the learner when saved data was set aside or cannot be saved; never hides it silently. */
export function StorageNoticeBanner() {
  const notices = useStorageNotices();
  if (notices.length === 0) return null;
  return (
    <div className="storage-notices" role="alert">
      {notices.map((notice) => (
        <div key={notice.id} className="notice notice--error storage-notice">
          <p>{notice.message}</p>
          <NoticeActions notice={notice} />
        </div>
      ))}
    </div>
  );
}
