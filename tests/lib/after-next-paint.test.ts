// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterNextPaint } from '@/lib/after-next-paint';

let visibility: 'visible' | 'hidden' = 'visible';

beforeEach(() => {
  vi.useFakeTimers();
  visibility = 'visible';
  vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function hide(): void {
  visibility = 'hidden';
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('afterNextPaint', () => {
  it('runs the task in a task of its own after the next frame, not before', () => {
    const ran: string[] = [];
    afterNextPaint(() => ran.push('task'));
    requestAnimationFrame(() => ran.push('frame'));
    vi.advanceTimersToNextTimer();
    expect(ran).toEqual(['frame']);
    vi.advanceTimersToNextTimer();
    expect(ran).toEqual(['frame', 'task']);
  });

  it('runs the task at once when the page is hidden before the frame, and only once', () => {
    const task = vi.fn();
    afterNextPaint(task);
    hide();
    expect(task).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(100);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('does not wait for a frame on a page already hidden, which draws none', () => {
    const task = vi.fn();
    visibility = 'hidden';
    const frame = vi.spyOn(window, 'requestAnimationFrame');
    afterNextPaint(task);
    vi.advanceTimersToNextTimer();
    expect(task).toHaveBeenCalledTimes(1);
    expect(frame).not.toHaveBeenCalled();
  });
});
