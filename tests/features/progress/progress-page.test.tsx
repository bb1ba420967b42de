import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyProgress } from '@/engine/progress';
import { progressOf, useHistoryStore } from '@/stores/history-store';
import { requestPersistentStorage } from '@/stores/persistent-storage';
import { backupFileText, readBackupFile } from '@/stores/progress-backup';
import { useSoloDisputeStore } from '@/stores/solo-dispute-store';
import { WITH_EVIDENCE, WITHOUT_EVIDENCE } from '../../fixtures/disputes/solo-disputes';
import { DAY, recordAnswers, singleChoiceQuestions } from '../history-helpers';
import { renderApp } from '../../kit/render-app';

const renderAt = (path: string) => renderApp(path);

// jsdom has <dialog> but neither showModal nor close, nor Blob.text or object URLs; Chromium has them
// all (see tests/e2e/review.spec.ts).
beforeAll(() => {
  Blob.prototype.text ??= function text(this: Blob) {
    return new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
      reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
      reader.readAsText(this);
    });
  };
  HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
    this.open = false;
  };
});

const downloads: Blob[] = [];
beforeEach(() => {
  // Noon, local time: three days practised in a row stay three days whatever the hour the test runs.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2025, 5, 15, 12));
  localStorage.clear();
  useHistoryStore.setState(emptyProgress());
  downloads.length = 0;
  URL.createObjectURL = (blob: Blob) => {
    downloads.push(blob);
    return 'blob:backup';
  };
  URL.revokeObjectURL = () => undefined;
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Three days in a row, the last today: two wrong answers then four right ones. */
async function practiseThreeDays() {
  const questions = (await singleChoiceQuestions()).slice(0, 4);
  const now = Date.now();
  recordAnswers([
    ...questions.slice(0, 2).map((question) => ({ question, isRight: false, at: now - 2 * DAY })),
    ...questions.slice(0, 2).map((question) => ({ question, isRight: true, at: now - DAY })),
    ...questions.slice(2, 4).map((question) => ({ question, isRight: true, at: now - 60_000 })),
  ]);
}

describe('the progress page', () => {
  it('shows the streak, accuracy per day (chart and table) and what the learner knows', async () => {
    const user = userEvent.setup();
    await practiseThreeDays();
    renderAt('/progress');
    expect(await screen.findByRole('heading', { level: 1, name: 'Progress' })).toBeInTheDocument();
    expect(screen.getByText('3 days')).toBeInTheDocument();
    expect(screen.getByText(/4 of \d+/, { selector: '.progress-summary__number' })).toBeInTheDocument();

    const chart = screen.getByRole('img', {
      name: /Accuracy on the last 3 days practised: lowest 0%, highest 100%/,
    });
    expect(chart.querySelectorAll('rect')).toHaveLength(3);
    await user.click(screen.getByText('Show the numbers'));
    const rows = within(screen.getByRole('table', { name: 'Accuracy per day practised' })).getAllByRole(
      'row',
    );
    const cells = rows.slice(1).map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    );
    expect(cells).toEqual([
      ['2', '2', '100%'],
      ['2', '2', '100%'],
      ['2', '0', '0%'],
    ]);

    const known = screen.getAllByText(/^You know \d+ of the \d+ facts in /).map((line) => line.textContent);
    expect(known).toHaveLength(2);
    expect(known.join(' ')).toMatch(/Development cooperation\./);
  });

  it('downloads a backup of everything, versioned', async () => {
    const user = userEvent.setup();
    await practiseThreeDays();
    renderAt('/progress');
    await user.click(await screen.findByRole('button', { name: 'Download a backup' }));
    expect(
      screen.getByText(/Backup downloaded as source-quiz-progress-\d{4}-\d{2}-\d{2}\.json/),
    ).toBeInTheDocument();
    const file: unknown = JSON.parse(await (downloads[0]?.text() ?? Promise.resolve('null')));
    expect(file).toMatchObject({ format: 'source-quiz-progress', version: 2, disputes: [] });
    expect(file).toMatchObject({ progress: progressOf(useHistoryStore.getState()) });
  });

  it('imports a backup, says what it added, and rejects a broken or newer file changing nothing', async () => {
    const user = userEvent.setup();
    await practiseThreeDays();
    const backup = backupFileText(progressOf(useHistoryStore.getState()), Date.now());
    useHistoryStore.setState(emptyProgress());
    await requestPersistentStorage(); // as the app does at start
    renderAt('/progress');
    const input = await screen.findByLabelText('Import a backup…');
    // jsdom has no navigator.storage: the page says the browser cannot tell.
    expect(screen.getByText(/cannot say whether it keeps your saved data/)).toBeInTheDocument();

    await user.upload(input, new File([backup], 'backup.json', { type: 'application/json' }));
    const preview = await screen.findByRole('group', { name: 'Import' });
    expect(preview).toHaveTextContent(/would add 6 quizzes and 6 answers, and its settings/);
    expect(progressOf(useHistoryStore.getState()).history.answers).toHaveLength(0);
    await user.click(within(preview).getByRole('button', { name: 'Add them' }));
    expect(await screen.findByText(/Added 6 quizzes and 6 answers from the file/)).toBeInTheDocument();
    const imported = progressOf(useHistoryStore.getState());
    expect(imported.history.answers).toHaveLength(6);

    await user.upload(input, new File([backup], 'backup.json', { type: 'application/json' }));
    expect(
      await screen.findByText(/Nothing to add: everything in this file is already here/),
    ).toBeInTheDocument();

    const newer = backup.replace('"version": 2,', '"version": 7,');
    await user.upload(input, new File([newer], 'newer.json', { type: 'application/json' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /newer version of Source Quiz .* Nothing was changed\./,
    );

    await user.upload(input, new File(['{"format": "source-quiz-progress", "version": 1'], 'cut.json'));
    expect(await screen.findByRole('alert')).toHaveTextContent(/not JSON text\. Nothing was changed\./);
    expect(progressOf(useHistoryStore.getState())).toEqual(imported);
  });

  it('resets all progress only once confirmed in a dialog that offers a backup first', async () => {
    const user = userEvent.setup();
    await practiseThreeDays();
    renderAt('/progress');
    await user.click(await screen.findByRole('button', { name: 'Reset all progress…' }));
    const dialog = screen.getByRole('dialog', { name: 'Reset all progress?' });
    expect(dialog).toHaveTextContent(/This deletes 6 quizzes, 6 answers/);

    await user.click(within(dialog).getByRole('button', { name: 'Download a backup first' }));
    expect(downloads).toHaveLength(1);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(useHistoryStore.getState().history.answers).toHaveLength(6);

    await user.click(screen.getByRole('button', { name: 'Reset all progress…' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Reset all progress' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(progressOf(useHistoryStore.getState())).toEqual(emptyProgress());
    expect(screen.getByText('All progress was reset. This device now starts afresh.')).toBeInTheDocument();
  });

  it('deletes the solo disputes with the rest, says so first, and the backup it offers keeps them', async () => {
    const user = userEvent.setup();
    await practiseThreeDays();
    useSoloDisputeStore.setState({ disputes: [WITHOUT_EVIDENCE, WITH_EVIDENCE] });
    renderAt('/progress');
    await user.click(await screen.findByRole('button', { name: 'Reset all progress…' }));
    const dialog = screen.getByRole('dialog', { name: 'Reset all progress?' });
    expect(dialog).toHaveTextContent(
      /This deletes 6 quizzes, 6 answers, 2 disputes you filed, every schedule/,
    );

    await user.click(within(dialog).getByRole('button', { name: 'Download a backup first' }));
    const [backup] = downloads;
    const reading = readBackupFile(backup ? await backup.text() : '');
    expect(reading.ok && reading.disputes).toEqual([WITHOUT_EVIDENCE, WITH_EVIDENCE]);

    await user.click(within(dialog).getByRole('button', { name: 'Reset all progress' }));
    expect(useSoloDisputeStore.getState().disputes).toEqual([]);
    expect(JSON.parse(localStorage.getItem('source-quiz:disputes') ?? '{}')).toMatchObject({
      state: { disputes: [] },
    });
    expect(screen.getByText(/No disputes yet\./)).toBeInTheDocument();
  });
});
