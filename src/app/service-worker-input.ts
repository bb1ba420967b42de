import { onEachInput } from '@/lib/on-first-input';

/** What the page sends a service worker that is storing the app, at each key, tap or click. */
export const LEARNER_INPUT = 'LEARNER_INPUT';

/**
 * Storing the app (about 130 files, 2.5 s with the CPU slowed 4×) shares the processor with the
 * page: an answer checked meanwhile took twice as long. So the service worker is registered, and each
 * of its downloads made, only once the learner has given no input for this long (decision 020).
 */
export const LEARNER_PAUSE_MS = 2000;

/**
 * Tells a service worker that is storing the app (a first visit's, or a new version's) of each
 * input, so that it holds back its downloads while the learner is acting (src/app/sw.ts). The
 * function returned stops telling.
 */
export function tellInstallingWorkerOfInput(registration: ServiceWorkerRegistration): () => void {
  return onEachInput(() => registration.installing?.postMessage({ type: LEARNER_INPUT }));
}
