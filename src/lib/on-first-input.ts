/**
 * What the learner does on a page: a key, a tap, or a click, which also covers a control a screen
 * reader activates (it sends no pointer event).
 */
export const INPUT_EVENTS = ['pointerdown', 'keydown', 'click'] as const;

/** Runs `run` once, at the learner's first input on the page. The function returned stops waiting. */
export function onFirstInput(run: () => void): () => void {
  const stop = () => {
    for (const type of INPUT_EVENTS) document.removeEventListener(type, handle, true);
  };
  const handle = () => {
    stop();
    run();
  };
  for (const type of INPUT_EVENTS) document.addEventListener(type, handle, { capture: true, passive: true });
  return stop;
}
