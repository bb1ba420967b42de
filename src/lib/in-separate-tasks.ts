/**
 * Runs each step in a task of its own, in order, so that no one of them holds the main thread for
 * the sum of all. The function returned cancels the steps not yet run.
 */
export function inSeparateTasks(steps: readonly (() => void)[]): () => void {
  let timeout: ReturnType<typeof setTimeout> | undefined;
  const runFrom = (at: number) => {
    const step = steps[at];
    if (!step) return;
    timeout = setTimeout(() => {
      step();
      runFrom(at + 1);
    });
  };
  runFrom(0);
  return () => clearTimeout(timeout);
}
