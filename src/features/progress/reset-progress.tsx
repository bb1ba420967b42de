import { useId, useRef, useState } from 'react';
import { plural } from '@/lib/plural';
import { useHistoryStore } from '@/stores/history-store';
import { downloadBackup } from '@/stores/download-backup';
import { resetAllProgress } from '@/stores/reset-all-progress';
import { useSoloDisputeStore } from '@/stores/solo-dispute-store';

/** "Reset all progress", behind a confirmation dialog that offers a backup first. */
export function ResetProgress() {
  const headingId = useId();
  const titleId = useId();
  const textId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [status, setStatus] = useState('');
  const [backupNote, setBackupNote] = useState('');
  const answerCount = useHistoryStore((state) => state.history.answers.length);
  const attemptCount = useHistoryStore((state) => state.history.attempts.length);
  const disputeCount = useSoloDisputeStore((state) => state.disputes.length);

  function open() {
    setBackupNote('');
    setStatus('');
    dialog.current?.showModal();
  }

  function reset() {
    resetAllProgress();
    dialog.current?.close();
    setStatus('All progress was reset. This device now starts afresh.');
  }

  return (
    <section aria-labelledby={headingId} className="progress-section">
      <h2 id={headingId}>Start over</h2>
      <p>Resetting deletes your history, schedules, settings and disputes from this browser.</p>
      <button type="button" className="button button--danger" onClick={open}>
        Reset all progress…
      </button>
      <p role="status" className="progress-status">
        {status}
      </p>
      <dialog ref={dialog} className="dialog" aria-labelledby={titleId} aria-describedby={textId}>
        <h2 id={titleId}>Reset all progress?</h2>
        <p id={textId}>
          This deletes {plural(attemptCount, 'quiz', 'quizzes')}, {plural(answerCount, 'answer')},{' '}
          {plural(disputeCount, 'dispute')} you filed, every schedule and your settings from this browser. It
          cannot be undone. Download a backup first (it keeps the disputes too) if you may want them back.
        </p>
        <p role="status" className="progress-status">
          {backupNote}
        </p>
        <div className="dialog__actions">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setBackupNote(`Backup downloaded as ${downloadBackup(Date.now())}.`)}
          >
            Download a backup first
          </button>
          <button type="button" className="button button--danger" onClick={reset}>
            Reset all progress
          </button>
          <button type="button" className="button button--secondary" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
        </div>
      </dialog>
    </section>
  );
}
