import { useEffect, useState } from 'react';

/**
 * Offers a new version of the app when one has been downloaded; it never reloads by itself, so a
 * quiz in progress is never interrupted. The service worker is registered after the first screen.
 */
export function UpdatePrompt() {
  const [update, setUpdate] = useState<(() => Promise<void>) | null>(null);

  useEffect(() => {
    if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
    let isCurrent = true;
    void import('virtual:pwa-register').then(({ registerSW }) => {
      const updateSW = registerSW({
        onNeedRefresh() {
          if (isCurrent) setUpdate(() => () => updateSW(true));
        },
      });
    });
    return () => {
      isCurrent = false;
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
