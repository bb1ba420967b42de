import { startTransition, StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from '@/app/app';
import { holdFirstScreen } from '@/app/first-screen';
import { probeServer } from '@/app/probe-server';
import { keepBuiltContent, showLoadingInstead } from '@/components/built-content';
import { watchForNewVersion } from '@/app/reload-when-outdated';
import '@/app/styles/tokens.css';
import '@/app/styles/base.css';
import '@/app/styles/layout.css';
import '@/app/styles/components.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const app = (
  <StrictMode>
    <App />
  </StrictMode>
);
// A page built to HTML (src/app/prerender-page.tsx) is hydrated, but only at its own address: a host
// that answers every address with one page must not leave that page's text on another's.
// As a transition, hydration gives the main thread back between parts, so the page answers a tap
// sooner. It needs no wait for the first frame: a built page asks for this script only once it has
// painted (src/app/after-first-paint.ts, decision 012). Elsewhere the built
// shell (header, "Loading…") stays until React's first render replaces it; that render is a
// transition too, for the same reason (Lighthouse mobile, quiz page: blocking time about 670 ms → 400).
// A built page at an address with a query is replaced too, and its content stands in for "Loading…",
// as does a page the server rendered for the request (data-served: a quiz, a teacher's assignment).
// A screen shell that holds what its screen shows on a device that saved nothing (review) keeps it
// only where that is true; elsewhere it shows "Loading…" at once instead of an empty review.
const isBuiltPage = root.dataset.prerendered === window.location.pathname;
const render = () => {
  holdFirstScreen();
  startTransition(() => createRoot(root).render(app));
};
const start = () => {
  if (isBuiltPage && window.location.search === '') {
    startTransition(() => void hydrateRoot(root, app));
  } else if (root.dataset.emptyDevice !== undefined) {
    void import('@/stores/browser-storage')
      .then(({ mayHoldSavedData }) => mayHoldSavedData())
      // A check that cannot run (its file failed to load) is a doubt: the device may hold something.
      .catch(() => true)
      .then((mayHold) => {
        const main = document.getElementById('main');
        if (mayHold) showLoadingInstead(main);
        else keepBuiltContent(main);
        render();
      });
  } else {
    if (isBuiltPage || root.dataset.served === window.location.pathname)
      keepBuiltContent(document.getElementById('main'));
    render();
  }
};

// React Router numbers the history entry it starts on (`idx` in history.state) as it creates the
// router, in the middle of React's first render; history.replaceState takes 15 to 30 ms with the CPU
// slowed 4×. Numbered here as the router would, in a task before that render.
const numberHistoryEntry = () => {
  const state: unknown = window.history.state;
  const idx = typeof state === 'object' && state !== null && 'idx' in state ? state.idx : undefined;
  if (typeof idx !== 'number') window.history.replaceState({ ...(state ?? {}), idx: 0 }, '');
};

// Each step in a task of its own, none of which the page waits for long: evaluating the app's code
// (this task), numbering the history entry, starting React on the page, then the jobs below.
// Together in one task they blocked the main thread for up to 220 ms with the CPU slowed 4×
// (Lighthouse mobile).
setTimeout(numberHistoryEntry);
setTimeout(start);
// Before the first answer, so a learner whose browser blocks saving is told at once. In chunks of
// their own, which keeps the first page within its budget.
setTimeout(() => {
  void Promise.all([import('@/stores/browser-storage'), import('@/stores/persistent-storage')]).then(
    ([{ checkSaving }, { requestPersistentStorage }]) => {
      if (checkSaving() === 'ok') void requestPersistentStorage();
    },
  );
});
setTimeout(() => void probeServer());
if (!import.meta.env.DEV) setTimeout(watchForNewVersion);
