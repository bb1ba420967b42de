import { render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useFeedbackFontsFound } from '@/components/grade-feedback';

// The first feedback's fonts are looked up ahead of the answer that shows it: just after the frame
// that shows the learner's first input, in an element no one sees or hears, and only once a page.

function Question() {
  useFeedbackFontsFound();
  return <p>Which year?</p>;
}

afterEach(() => {
  vi.useRealTimers();
});

function probesIn(records: MutationRecord[]): { added: Element[]; removed: Element[] } {
  const elements = (nodes: NodeList[]) =>
    nodes.flatMap((list) => [...list]).filter((node) => node instanceof Element);
  return {
    added: elements(records.map((record) => record.addedNodes)),
    removed: elements(records.map((record) => record.removedNodes)),
  };
}

describe('finding the feedback fonts', () => {
  it('lays out a hidden sample just after the first input, leaves nothing behind, and does it once', () => {
    vi.useFakeTimers();
    const { unmount } = render(<Question />);
    const observer = new MutationObserver(() => undefined);
    observer.observe(document.body, { childList: true });
    const before = document.body.innerHTML;

    vi.advanceTimersByTime(5000);
    expect(observer.takeRecords()).toEqual([]);

    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '1', bubbles: true }));
    // Within a few frames: an answer checked a tenth of a second after it was chosen finds them found.
    vi.advanceTimersByTime(50);
    const { added, removed } = probesIn(observer.takeRecords());
    expect(added).toHaveLength(1);
    expect(removed).toEqual(added);
    const [probe] = added;
    expect(probe?.getAttribute('aria-hidden')).toBe('true');
    expect(probe?.className).toBe('visually-hidden');
    expect(probe?.querySelector('blockquote.citation__quote')).not.toBeNull();
    expect(probe?.textContent).toMatch(/✓ Correct.*◐ Partly right.*✗ Not right/);
    expect(document.body.innerHTML).toBe(before);

    unmount();
    render(<Question />);
    observer.takeRecords();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '2', bubbles: true }));
    vi.advanceTimersByTime(5000);
    expect(probesIn(observer.takeRecords()).added).toEqual([]);
    observer.disconnect();
  });
});
