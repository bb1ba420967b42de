/**
 * Holds work back while someone is giving input: after each input, `whenQuiet()` resolves only once
 * `quietMs` have passed without another. No caller is held back longer than `maxHoldMs` in all, so
 * the work always ends, even for someone who never stops.
 */
export function createInputPause(quietMs: number, maxHoldMs: number, now: () => number = Date.now) {
  let quietAt = Number.NEGATIVE_INFINITY;
  let heldMs = 0;
  return {
    onInput(): void {
      quietAt = now() + quietMs;
    },
    async whenQuiet(): Promise<void> {
      while (now() < quietAt && heldMs < maxHoldMs) {
        const waitMs = Math.min(quietAt - now(), maxHoldMs - heldMs);
        heldMs += waitMs;
        await new Promise((resolve) => setTimeout(resolve, waitMs));
      }
    },
  };
}
