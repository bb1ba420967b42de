import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { inSeparateTasks } from '@/lib/in-separate-tasks';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('inSeparateTasks', () => {
  it('runs each step in a task of its own, in order, none before the caller has finished', () => {
    const ran: string[] = [];
    inSeparateTasks([() => ran.push('index'), () => ran.push('conflicts'), () => ran.push('draw')]);
    expect(ran).toEqual([]);
    vi.advanceTimersToNextTimer();
    expect(ran).toEqual(['index']);
    vi.advanceTimersToNextTimer();
    expect(ran).toEqual(['index', 'conflicts']);
    vi.advanceTimersToNextTimer();
    expect(ran).toEqual(['index', 'conflicts', 'draw']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('runs none of the steps left once cancelled, and cancelling twice is harmless', () => {
    const ran: number[] = [];
    const cancel = inSeparateTasks([1, 2, 3].map((step) => () => ran.push(step)));
    vi.advanceTimersToNextTimer();
    cancel();
    cancel();
    vi.runAllTimers();
    expect(ran).toEqual([1]);
  });
});
