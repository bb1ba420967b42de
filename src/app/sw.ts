/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import {
  addPlugins,
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { createInputPause } from '@/lib/input-pause';
import { LEARNER_INPUT, LEARNER_PAUSE_MS } from './service-worker-input';

declare const self: ServiceWorkerGlobalScope;

// A worker whose install outlasts the browser's limit (minutes) is thrown away: never wait near it.
const MAX_HOLD_MS = 60_000;

const pause = createInputPause(LEARNER_PAUSE_MS, MAX_HOLD_MS);

self.addEventListener('message', (event) => {
  const type: unknown = event.data?.type;
  if (type === LEARNER_INPUT) pause.onInput();
  // An update waits for the learner's "Reload now" (src/app/update-prompt.tsx).
  if (type === 'SKIP_WAITING') void self.skipWaiting();
});

addPlugins([
  {
    async requestWillFetch({ request, event }) {
      if (event?.type === 'install') await pause.whenQuiet();
      return request;
    },
  },
]);

// The app, every bank and both sources, so that after one visit everything works offline.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// The server's API (downloads such as the report CSV) must reach the network, never the app shell.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    denylist: [/^\/api\//, /^\/healthz$/, /^\/readyz$/],
  }),
);
// The first install takes control of the page that installed it, so that tab works offline at once.
clientsClaim();
