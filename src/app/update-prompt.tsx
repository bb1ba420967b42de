import { useEffect, useState } from 'react';
import { whenInputPauses } from '@/lib/when-input-pauses';
import { LEARNER_PAUSE_MS, tellInstallingWorkerOfInput } from './service-worker-input';

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
 * change of page). The service worker is registered after the first screen, once the learner
 * pauses, and is told of each input while it stores the app (decision 020).
 */
export function UpdatePrompt() {
  const [update, setUpdate] = useState<(() => Promise<void>) | null>(null);

  useEffect(() => {
    if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
    let isCurrent = true;
    let stopTelling = () => {};
    // Loaded now, registered later: a tab still on an old version once another tab has accepted a new
    // one could no longer load these modules (reload-when-outdated.ts), and would reload at its next
    // pause to load them. `registerSW` imports workbox-window itself when it is called; imported here
    // as well, it is already in the tab then.
    const registering = Promise.all([import('virtual:pwa-register'), import('workbox-window')]).then(
      ([register]) => register,
    );
    const stopWaiting = whenInputPauses(LEARNER_PAUSE_MS, () => {
      void registering.then(({ registerSW }) => {
        const updateSW = registerSW({
          onNeedRefresh() {
            if (isCurrent) setUpdate(() => () => applyUpdate(updateSW));
          },
          onNeedReload() {
            // Another tab accepted the update; this one is left alone until a safe point.
            setUpdate(null);
          },
          onRegisteredSW(_url, registration) {
            if (isCurrent && registration) stopTelling = tellInstallingWorkerOfInput(registration);
          },
        });
      });
    });
    return () => {
      isCurrent = false;
      stopWaiting();
      stopTelling();
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
