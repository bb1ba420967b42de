import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createInputPause } from '@/lib/input-pause';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Lets a test ask, as fake time moves on, whether `promise` has resolved. */
function settledAfter(promise: Promise<void>): { done: () => boolean } {
  let isDone = false;
  void promise.then(() => {
    isDone = true;
  });
  return { done: () => isDone };
}

describe('createInputPause', () => {
  it('lets work through at once when there has been no input', async () => {
    const pause = createInputPause(2000, 60_000);
    const wait = settledAfter(pause.whenQuiet());
    await vi.advanceTimersByTimeAsync(0);
    expect(wait.done()).toBe(true);
  });

  it('holds work back until the quiet time has passed since the last input', async () => {
    const pause = createInputPause(2000, 60_000);
    pause.onInput();
    const wait = settledAfter(pause.whenQuiet());
    await vi.advanceTimersByTimeAsync(1500);
    pause.onInput();
    await vi.advanceTimersByTimeAsync(1999);
    expect(wait.done()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(wait.done()).toBe(true);
  });

  it('never holds work back longer than the limit, whatever the input', async () => {
    const pause = createInputPause(2000, 5000);
    pause.onInput();
    const first = settledAfter(pause.whenQuiet());
    for (let tick = 0; tick < 3; tick += 1) {
      await vi.advanceTimersByTimeAsync(1000);
      pause.onInput();
    }
    await vi.advanceTimersByTimeAsync(1000);
    pause.onInput();
    expect(first.done()).toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(first.done()).toBe(true);
    // The limit is spent: later work goes through even during input.
    pause.onInput();
    const later = settledAfter(pause.whenQuiet());
    await vi.advanceTimersByTimeAsync(0);
    expect(later.done()).toBe(true);
  });
});
