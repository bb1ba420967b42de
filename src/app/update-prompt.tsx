import { useEffect, useState } from 'react';

/**
 * Installing the offline copy downloads the whole app (about 130 files). Started at the load event,
 * it competed with what the page still had to fetch and run (a quiz's banks, the stores) for the
 * connection and the processor; a few seconds later the page has its first screen working.
 */
const INSTALL_AFTER_LOAD_MS = 3000;

/** Calls `then` a few seconds after the page has loaded; returns a way to cancel. */
function afterPageSettles(then: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const wait = () => {
    timer = setTimeout(then, INSTALL_AFTER_LOAD_MS);
  };
  if (document.readyState === 'complete') wait();
  else window.addEventListener('load', wait, { once: true });
  return () => {
    window.removeEventListener('load', wait);
    clearTimeout(timer);
  };
}

/**
 * Lets the waiting version take over, then reloads this tab into it. workbox-window would reload by
 * itself only a tab that had a controller when it registered (never the tab of the first visit),
 * and would reload every other such tab too, in the middle of whatever it shows: the prompt turns
 * that off (`onNeedReload`), and other tabs move to the new version at their next change of page
 * (reload-when-outdated.ts).
 */
function applyUpdate(updateSW: (reload?: boolean) => Promise<void>): Promise<void> {
  navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), {
    once: true,
  });
  return updateSW(true);
}

/**
 * Offers a new version of the app when one has been downloaded; it never reloads by itself, so a
 * quiz in progress is never interrupted (accepted in another tab, this tab moves over at its next
 * change of page). The service worker is registered once the page has settled (`afterPageSettles`).
 */
export function UpdatePrompt() {
  const [update, setUpdate] = useState<(() => Promise<void>) | null>(null);

  useEffect(() => {
    if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
    let isCurrent = true;
    let cancel = () => {};
    // Both modules are fetched at once (registerSW imports workbox-window itself): fetched later, their
    // files may be gone after another tab's update, and a failed import reloads an outdated tab.
    void Promise.all([import('virtual:pwa-register'), import('workbox-window')]).then(([{ registerSW }]) => {
      if (!isCurrent) return;
      cancel = afterPageSettles(() => {
        const updateSW = registerSW({
          immediate: true,
          onNeedRefresh() {
            if (isCurrent) setUpdate(() => () => applyUpdate(updateSW));
          },
          onNeedReload() {
            // Another tab accepted the update; this one is left alone until a safe point.
            setUpdate(null);
          },
        });
      });
    });
    return () => {
      isCurrent = false;
      cancel();
    };
  }, []);

  if (!update) return null;
  return (
    <div className="update-prompt" role="status">
      <p>A new version of the app is ready. Your answers so far are saved.</p>
      <button type="button" className="button button--small" onClick={() => void update()}>
        Reload now
      </button>
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => setUpdate(null)}
      >
        Later
      </button>
    </div>
  );
}
