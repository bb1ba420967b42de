import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { readBackupFile } from '@/stores/progress-backup';
import { useQuizStore } from '@/stores/quiz-store';
import { captureDownloads, textOf } from '../../kit/downloads';
import { renderApp } from '../../kit/render-app';

const realSetItem = Storage.prototype.setItem;

/** The browser's storage fills up: every write from now on fails as Chromium's does. */
function fillStorage() {
  return vi.spyOn(Storage.prototype, 'setItem').mockImplementation(function (this: Storage, key, value) {
    if (key.startsWith('source-quiz:'))
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    realSetItem.call(this, key, value);
  });
}

describe('a storage that fills up while the learner answers', () => {
  it('says so at once in words, with what to do, offers a backup, and loses nothing saved', async () => {
    const user = userEvent.setup();
    const downloads = captureDownloads();
    renderApp('/quiz/play?types=true-false&count=3&mode=practice&seed=full1');
    await screen.findByText('Question 1 of 3');
    await user.keyboard('1');
    await user.keyboard('{Enter}');
    await user.keyboard('{Enter}');
    const savedBefore = { ...localStorage };
    expect(Object.keys(savedBefore).some((key) => key.startsWith('source-quiz:attempt:'))).toBe(true);

    fillStorage();
    await user.keyboard('1');
    await user.keyboard('{Enter}');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/storage for this site is full/);
    expect(alert).toHaveTextContent(/Nothing saved before is lost/);
    expect(alert).toHaveTextContent(/download a backup now/);
    expect(alert).toHaveTextContent(/discard quizzes in progress you no longer need/);
    // One message, though both the quiz and the history failed to save.
    expect(within(alert).getAllByText(/is full/)).toHaveLength(1);
    // What was saved is still there, untouched.
    expect({ ...localStorage }).toEqual(savedBefore);
    // The answer is still on screen, kept in the page.
    expect(Object.keys(useQuizStore.getState().session?.submissions ?? {})).toHaveLength(2);

    await user.click(within(alert).getByRole('button', { name: 'Download a backup' }));
    expect(downloads).toHaveLength(1);
    // The backup holds both answers, the one the storage refused too.
    const backup = readBackupFile(await textOf(downloads[0]?.blob ?? new Blob()));
    expect(backup.ok && backup.progress.history.answers).toHaveLength(2);
    expect(within(alert).getByRole('status')).toHaveTextContent(/Backup downloaded as/);
  });
});
