import { browserStorage } from './browser-storage';

const RESET_KEY = 'source-quiz:history:reset-at';

type Listeners = { key: string; onSaved: () => void; onReset: () => void };

/**
 * Other tabs of the app write the same saved history: the browser's `storage` event says when, so
 * this tab reads their answers in (joined with its own, never replacing them). A reset is announced
 * under a key of its own, because a join would bring the reset answers back.
 */
export function listenToOtherTabs({ key, onSaved, onReset }: Listeners): void {
  if (typeof window === 'undefined') return;
  window.addEventListener('storage', (event) => {
    if (event.storageArea !== browserStorage()) return;
    if (event.key === RESET_KEY) onReset();
    else if (event.key === key) onSaved();
  });
}

/** Tells the other tabs that the learner reset all progress. */
export function announceReset(): void {
  try {
    browserStorage()?.setItem(RESET_KEY, String(Date.now()));
  } catch {
    // The reset itself was reported if it could not be saved; other tabs hear of it at their next start.
  }
}
