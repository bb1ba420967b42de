/**
 * Runs `task` once the browser has painted the frame that shows what the current task changed: in a
 * task after that frame's callbacks. A page that is hidden paints no frames, so there, and as soon as
 * the page is hidden meanwhile, `task` runs in the next task instead: work put off this way is never
 * left waiting for a frame that a closing tab will not draw. Outside a browser, the next task.
 */
export function afterNextPaint(task: () => void): void {
  if (typeof document === 'undefined' || typeof requestAnimationFrame !== 'function') {
    setTimeout(task);
    return;
  }
  const page = document;
  let isDone = false;
  const run = () => {
    if (isDone) return;
    isDone = true;
    page.removeEventListener('visibilitychange', runIfHidden);
    task();
  };
  const runIfHidden = () => {
    if (page.visibilityState === 'hidden') run();
  };
  if (page.visibilityState === 'hidden') {
    setTimeout(run);
    return;
  }
  page.addEventListener('visibilitychange', runIfHidden);
  requestAnimationFrame(() => setTimeout(run));
}
