import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * False while React hydrates a page prerendered at build time, true from the next render on (and at
 * once on a page rendered in the browser). What only this device knows (saved quizzes, storage
 * notices, whether a server answered) waits for it, so the first render matches the built HTML.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
