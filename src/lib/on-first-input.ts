/**
 * What the learner does on a page: a key, a tap, or a click, which also covers a control a screen
 * reader activates (it sends no pointer event).
 */
const INPUT_EVENTS = ['pointerdown', 'keydown', 'click'] as const;

/** Calls `handle` at each of the learner's inputs on the page. The function returned stops calling. */
export function onEachInput(handle: () => void): () => void {
  for (const type of INPUT_EVENTS) document.addEventListener(type, handle, { capture: true, passive: true });
  return () => {
    for (const type of INPUT_EVENTS) document.removeEventListener(type, handle, true);
  };
}

/** Runs `run` once, at the learner's first input on the page. The function returned stops waiting. */
export function onFirstInput(run: () => void): () => void {
  const stop = onEachInput(() => {
    stop();
    run();
  });
  return stop;
}
