import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StorageNoticeBanner } from '@/components/storage-notice-banner';
import { keepAside } from '@/stores/safe-persist';
import { holdKey, resetSavedWrites, writeSaved } from '@/stores/saved-writes';
import { reportStorageNotice, storageNotices } from '@/stores/storage-notices';

const KEY = 'source-quiz:history';
const damaged = '{"state": {"history": ';
const downloads: Blob[] = [];

// jsdom's Blob has no text(); FileReader reads it as Chromium would.
function readBlob(blob: Blob | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!blob) return reject(new Error('nothing was downloaded'));
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsText(blob);
  });
}

beforeEach(() => {
  localStorage.clear();
  storageNotices.setState({ notices: [] });
  resetSavedWrites();
  downloads.length = 0;
  URL.createObjectURL = (blob: Blob) => {
    downloads.push(blob);
    return 'blob:kept';
  };
  URL.revokeObjectURL = () => undefined;
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

/** What safePersist does when a damaged value has no room to be copied aside. */
function holdDamagedValue() {
  localStorage.setItem(KEY, damaged);
  holdKey(KEY);
  reportStorageNotice({
    kind: 'corrupt',
    key: KEY,
    keptValue: damaged,
    isHeld: true,
    message: 'Your saved answers could not be read. There is no room to copy them aside.',
  });
  writeSaved(KEY, '{"state":"new"}', 'answers');
}

describe('the storage notice', () => {
  it('saves nothing over held data until the learner downloads it, then saves', async () => {
    holdDamagedValue();
    render(<StorageNoticeBanner />);
    expect(localStorage.getItem(KEY)).toBe(damaged);
    expect(screen.queryByRole('button', { name: 'Dismiss' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: /Download the saved data, then save again/ }));
    expect(await readBlob(downloads[0])).toBe(damaged);
    expect(localStorage.getItem(KEY)).toBe('{"state":"new"}');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('asks before discarding held data, and keeps it when the learner changes their mind', async () => {
    holdDamagedValue();
    render(<StorageNoticeBanner />);
    await userEvent.click(screen.getByRole('button', { name: 'Discard it…' }));
    await userEvent.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(localStorage.getItem(KEY)).toBe(damaged);
    await userEvent.click(screen.getByRole('button', { name: 'Discard it…' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, discard it' }));
    expect(localStorage.getItem(KEY)).toBe('{"state":"new"}');
    expect(downloads).toEqual([]);
  });

  it('retries a failed write when asked, and says so when it still fails', async () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    writeSaved(KEY, '{"state":1}', 'answers and progress');
    render(<StorageNoticeBanner />);
    expect(screen.getByRole('alert')).toHaveTextContent(/answers and progress could not be saved/);
    await userEvent.click(screen.getByRole('button', { name: 'Try saving again' }));
    expect(screen.getByRole('alert')).toHaveTextContent(/Tried again: still not saved/);
    setItem.mockRestore();
    await userEvent.click(screen.getByRole('button', { name: 'Try saving again' }));
    expect(localStorage.getItem(KEY)).toBe('{"state":1}');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it.each([
    ['empty', ''],
    ['blank', '  \n '],
  ])('offers an %s damaged value for download, like any other set aside', async (_, raw) => {
    localStorage.setItem(KEY, raw);
    keepAside(KEY, raw, 'corrupt', 'answers and progress');
    render(<StorageNoticeBanner />);
    expect(screen.getByRole('alert')).toHaveTextContent(/copied aside/);
    await userEvent.click(screen.getByRole('button', { name: 'Download the saved data' }));
    expect(downloads).toHaveLength(1);
    expect(await readBlob(downloads[0])).toBe(raw);
  });
});
