// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { storageNotices } from '@/stores/storage-notices';

// The history store is loaded at the first change recorded; should that load fail (offline after an
// update), the changes wait, the learner is told, and the next change brings them all in, in order.

afterEach(() => {
  vi.useRealTimers();
  vi.doUnmock('@/stores/history-store');
  vi.resetModules();
  storageNotices.setState({ notices: [] });
});

describe('recording in the history before its store is loaded', () => {
  it('keeps the changes through a failed load, says so, and applies them in order at the next try', async () => {
    const applied: string[] = [];
    const store = { name: 'the history store' };
    let loads = 0;
    vi.doMock('@/stores/history-store', () => {
      loads += 1;
      if (loads === 1) throw new Error('Failed to fetch dynamically imported module');
      return { useHistoryStore: store };
    });
    const { historyRecorded, updateHistory } = await import('@/stores/history-later');

    updateHistory(() => applied.push('started'));
    updateHistory(() => applied.push('first answer'));
    await historyRecorded();
    expect(applied).toEqual([]);
    expect(storageNotices.getState().notices).toEqual([
      expect.objectContaining({
        kind: 'not-saved',
        message: expect.stringMatching(/could not be added to your history/),
      }),
    ]);

    updateHistory((loaded) => applied.push(`second answer, to ${(loaded as unknown as typeof store).name}`));
    await historyRecorded();
    expect(applied).toEqual(['started', 'first answer', 'second answer, to the history store']);

    // Once loaded, a change is applied after the next frame, not in the task that records it.
    updateHistory(() => applied.push('finished'));
    expect(applied.at(-1)).not.toBe('finished');
    await historyRecorded();
    expect(applied.at(-1)).toBe('finished');
  });

  it('loads the store a second after the first input that follows the start of a quiz', async () => {
    vi.useFakeTimers();
    vi.doMock('@/stores/history-store', () => ({ useHistoryStore: { name: 'the history store' } }));
    const later = await import('@/stores/history-later');
    const applied: string[] = [];
    later.updateHistoryLater(() => applied.push('started'));
    await vi.advanceTimersByTimeAsync(5000);
    expect(applied).toEqual([]);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }));
    await vi.advanceTimersByTimeAsync(900);
    expect(applied).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    await vi.waitFor(() => expect(applied).toEqual(['started']));
    // Loaded: the next change is applied once the next frame is painted.
    later.updateHistory(() => applied.push('first answer'));
    expect(applied).toEqual(['started']);
    await vi.advanceTimersByTimeAsync(50);
    expect(applied).toEqual(['started', 'first answer']);
    vi.useRealTimers();

    vi.resetModules();
    const again = await import('@/stores/history-later');
    again.updateHistoryLater(() => applied.push('started again'));
    again.updateHistory(() => applied.push('an answer at once'));
    await again.historyRecorded();
    expect(applied.slice(2)).toEqual(['started again', 'an answer at once']);
  });

  it('loads the store when the page is hidden, so that a start kept in memory is saved', async () => {
    vi.doMock('@/stores/history-store', () => ({ useHistoryStore: { name: 'the history store' } }));
    const later = await import('@/stores/history-later');
    const applied: string[] = [];
    later.updateHistoryLater(() => applied.push('started'));
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    visibility.mockRestore();
    await vi.waitFor(() => expect(applied).toEqual(['started']), { timeout: 500 });
  });
});
