import { useStorageNotices } from '@/hooks/use-storage-notices';
import { downloadText } from '@/lib/download-text';
import { dismissStorageNotice, type StorageNotice } from '@/stores/storage-notices';

function downloadKeptValue(notice: StorageNotice): void {
  if (notice.keptValue) {
    downloadText(
      `${notice.key.replace(/[^a-z0-9-]+/gi, '-')}-kept-aside.json`,
      notice.keptValue,
      'application/json',
    );
  }
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
          <div className="storage-notice__actions">
            {notice.keptValue && (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => downloadKeptValue(notice)}
              >
                Download the saved data
              </button>
            )}
            <button
              type="button"
              className="button button--secondary"
              onClick={() => dismissStorageNotice(notice.id)}
            >
              Dismiss
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}
