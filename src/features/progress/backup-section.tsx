import { useId, useState, type ChangeEvent } from 'react';
import { plural } from '@/lib/plural';
import { useHistoryStore, type ImportOutcome, type ImportPreview } from '@/stores/history-store';
import { downloadBackup } from '@/stores/download-backup';
import { usePersistence } from '@/hooks/use-persistence';
import type { PersistenceAnswer } from '@/stores/persistent-storage';

const PERSISTENCE_SENTENCES: Record<PersistenceAnswer, string> = {
  unknown: 'Checking whether this browser keeps your saved data…',
  persistent: 'This browser has agreed to keep your saved data, even when space runs low.',
  'may-be-cleared':
    'This browser has not agreed to keep your saved data: it may clear it when space runs low. Download a backup now and then.',
  unsupported: 'This browser cannot say whether it keeps your saved data; download a backup now and then.',
};

type Preview = Extract<ImportPreview, { ok: true }>;

function whatItAdds(added: { attempts: number; answers: number }, disputes: number): string {
  const quizzes = `${plural(added.attempts, 'quiz', 'quizzes')} and ${plural(added.answers, 'answer')}`;
  return disputes > 0 ? `${quizzes}, and ${plural(disputes, 'dispute')}` : quizzes;
}

function describeImport(outcome: Extract<ImportOutcome, { ok: true }>, targetRetention: number): string {
  const { attempts, answers } = outcome.added;
  const added =
    attempts + answers + outcome.addedDisputes === 0
      ? 'Nothing to add: everything in this file is already here.'
      : `Added ${whatItAdds(outcome.added, outcome.addedDisputes)} from the file.`;
  return outcome.tookSettings
    ? `${added} Its settings were taken too (target retention ${Math.round(targetRetention * 100)}%).`
    : added;
}

/** Export everything to a file, and merge a file back in (on this device or another) once shown what it adds. */
export function BackupSection() {
  const headingId = useId();
  const inputId = useId();
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const persistence = usePersistence();

  function exportBackup(now: number) {
    setProblem('');
    setMessage(`Backup downloaded as ${downloadBackup(now)}.`);
  }

  function showOutcome(outcome: ImportOutcome) {
    setPreview(null);
    if (outcome.ok) {
      setProblem('');
      setMessage(describeImport(outcome, useHistoryStore.getState().settings.targetRetention));
    } else {
      setMessage('');
      setProblem(`${outcome.problem} Nothing was changed.`);
    }
  }

  async function previewFile(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    const text = await file.text();
    // Cleared, so that choosing the same file again is noticed.
    input.value = '';
    const read = useHistoryStore.getState().importPreviewed(text);
    if (!read.ok) return showOutcome(read);
    if (read.added.attempts + read.added.answers + read.disputes.length === 0 && !read.tookSettings) {
      return showOutcome({ ok: true, added: read.added, tookSettings: false, addedDisputes: 0 });
    }
    setProblem('');
    setMessage('');
    setPreview(read);
  }

  return (
    <section aria-labelledby={headingId} className="progress-section">
      <h2 id={headingId}>Backup</h2>
      <p>
        Your progress is kept in this browser only. Download it as a file to keep it safe or to move it to
        another device; importing a file shows what it adds first, adds only what is new and never duplicates
        a quiz. The saved data the app offers to download after a problem can be imported here too.
      </p>
      <p data-testid="persistence">{PERSISTENCE_SENTENCES[persistence]}</p>
      <div className="progress-actions">
        <button type="button" className="button" onClick={() => exportBackup(Date.now())}>
          Download a backup
        </button>
        <input
          id={inputId}
          className="visually-hidden progress-file"
          type="file"
          accept=".json,application/json"
          onChange={(event) => void previewFile(event)}
        />
        <label htmlFor={inputId} className="button button--secondary">
          Import a backup…
        </label>
      </div>
      {preview && (
        <div className="notice progress-import-preview" role="group" aria-label="Import">
          <p>
            This file ({preview.kind}) would add {whatItAdds(preview.added, preview.disputes.length)}
            {preview.tookSettings ? ', and its settings' : ''}. Nothing changes until you add them.
          </p>
          <div className="progress-actions">
            <button
              type="button"
              className="button"
              onClick={() => showOutcome(useHistoryStore.getState().importConfirmed(preview))}
            >
              Add them
            </button>
            <button type="button" className="button button--secondary" onClick={() => setPreview(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
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
