import { useId, useState, type ChangeEvent } from 'react';
import { plural } from '@/lib/plural';
import { useHistoryStore, type ImportOutcome } from '@/stores/history-store';
import { downloadBackup } from './download-backup';

function describeImport(outcome: Extract<ImportOutcome, { ok: true }>, targetRetention: number): string {
  const { attempts, answers } = outcome.added;
  const added =
    attempts + answers === 0
      ? 'Nothing to add: everything in this backup is already here.'
      : `Added ${plural(attempts, 'quiz', 'quizzes')} and ${plural(answers, 'answer')} from the backup.`;
  return outcome.tookSettings
    ? `${added} Its settings were taken too (target retention ${Math.round(targetRetention * 100)}%).`
    : added;
}

/** Export everything to a file, and merge a file back in (on this device or another). */
export function BackupSection() {
  const headingId = useId();
  const inputId = useId();
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState('');

  function exportBackup(now: number) {
    setProblem('');
    setMessage(`Backup downloaded as ${downloadBackup(now)}.`);
  }

  async function importBackup(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    const text = await file.text();
    // Cleared, so that choosing the same file again is noticed.
    input.value = '';
    const outcome = useHistoryStore.getState().backupImported(text);
    if (outcome.ok) {
      setProblem('');
      setMessage(describeImport(outcome, useHistoryStore.getState().settings.targetRetention));
    } else {
      setMessage('');
      setProblem(`${outcome.problem} Nothing was changed.`);
    }
  }

  return (
    <section aria-labelledby={headingId} className="progress-section">
      <h2 id={headingId}>Backup</h2>
      <p>
        Your progress is kept in this browser only. Download it as a file to keep it safe or to move it to
        another device; importing a file adds what is new and never duplicates a quiz.
      </p>
      <div className="progress-actions">
        <button type="button" className="button" onClick={() => exportBackup(Date.now())}>
          Download a backup
        </button>
        <input
          id={inputId}
          className="visually-hidden progress-file"
          type="file"
          accept=".json,application/json"
          onChange={(event) => void importBackup(event)}
        />
        <label htmlFor={inputId} className="button button--secondary">
          Import a backup…
        </label>
      </div>
      <p role="status" className="progress-status">
        {message}
      </p>
      {problem && (
        <p role="alert" className="notice notice--error">
          {problem}
        </p>
      )}
    </section>
  );
}
