import { INPUT_EVENTS } from './on-first-input';

/**
 * Runs `run` once, when the learner has given no input for `quietMs`, counted from now and again
 * from each input. The function returned stops waiting.
 */
export function whenInputPauses(quietMs: number, run: () => void): () => void {
  let timer = setTimeout(fire, quietMs);
  function restart() {
    clearTimeout(timer);
    timer = setTimeout(fire, quietMs);
  }
  function stop() {
    clearTimeout(timer);
    for (const type of INPUT_EVENTS) document.removeEventListener(type, restart, true);
  }
  function fire() {
    stop();
    run();
  }
  for (const type of INPUT_EVENTS) document.addEventListener(type, restart, { capture: true, passive: true });
  return stop;
}
