const waiting = new Set<() => void>();
let hasStarted = false;

/** Said by the history store as it starts loading, the first time a page imports it. */
export function historyStarted(): void {
  hasStarted = true;
  for (const then of waiting) then();
  waiting.clear();
}

/**
 * Runs `then` once a page has started loading the saved history, at once if one has: work that
 * follows the history (regrading) never loads it for a page that shows none, such as the reader or
 * the sign-in page. Returns a way to stop waiting.
 */
export function afterHistoryStarts(then: () => void): () => void {
  if (hasStarted) {
    then();
    return () => {};
  }
  waiting.add(then);
  return () => {
    waiting.delete(then);
  };
}
