import { onEachInput } from './on-first-input';

/**
 * Runs `run` once, when the learner has given no input for `quietMs`, counted from now and again
 * from each input. The function returned stops waiting.
 */
export function whenInputPauses(quietMs: number, run: () => void): () => void {
  let timer = setTimeout(fire, quietMs);
  const stopListening = onEachInput(() => {
    clearTimeout(timer);
    timer = setTimeout(fire, quietMs);
  });
  function stop() {
    clearTimeout(timer);
    stopListening();
  }
  function fire() {
    stop();
    run();
  }
  return stop;
}
