// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { whenInputPauses } from '@/lib/when-input-pauses';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function press(): void {
  document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
}

describe('whenInputPauses', () => {
  it('runs once the page has had no input for the quiet time', () => {
    const run = vi.fn();
    whenInputPauses(2000, run);
    vi.advanceTimersByTime(1999);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('counts the quiet time again from each key, tap or click', () => {
    const run = vi.fn();
    whenInputPauses(2000, run);
    vi.advanceTimersByTime(1500);
    press();
    vi.advanceTimersByTime(1500);
    document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    vi.advanceTimersByTime(1500);
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    vi.advanceTimersByTime(1999);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('runs only once, whatever input follows', () => {
    const run = vi.fn();
    whenInputPauses(2000, run);
    vi.advanceTimersByTime(2000);
    press();
    vi.advanceTimersByTime(10_000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('never runs once stopped', () => {
    const run = vi.fn();
    const stop = whenInputPauses(2000, run);
    vi.advanceTimersByTime(1000);
    stop();
    press();
    vi.advanceTimersByTime(10_000);
    expect(run).not.toHaveBeenCalled();
  });
});
