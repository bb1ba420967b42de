/**
 * Keeps a tab left on an old version working after another tab accepted an update. The new service
 * worker then controls every tab and keeps only the new version's files, so this tab's next screen
 * (a chunk named by the old version) would fail to load. At the next change of page, a safe point
 * (what the learner did is saved, and they are leaving the screen anyway), the tab loads the new
 * version at the address it was going to; a failed chunk load reloads it too, once.
 */
let isOutdated = false;

export function watchForNewVersion(): void {
  if (!('serviceWorker' in navigator)) return;
  // The first install also changes the controller (clientsClaim); only a replacement means a new version.
  let hadController = navigator.serviceWorker.controller !== null;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (hadController) isOutdated = true;
    hadController = true;
  });
  window.addEventListener('vite:preloadError', (event) => {
    const key = `source-quiz:reloaded-for:${window.location.href}`;
    if (!isOutdated || sessionStorage.getItem(key)) return;
    sessionStorage.setItem(key, '1');
    event.preventDefault();
    window.location.reload();
  });
}

/** Called when the address changes inside the app: an outdated tab reloads there instead. */
export function reloadIfOutdated(): boolean {
  if (!isOutdated) return false;
  window.location.reload();
  return true;
}
