import type { ApiResult } from './api-client';

// A page behind the sign-in used to ask for its data only once the server had said who is signed in:
// on a first visit, two more round trips before the teacher saw anything.
const asked = new Map<string, Promise<ApiResult<unknown>>>();

/**
 * Asks for `key` now, while the sign-in is still being checked, for `takeEarly` to use. Returns a
 * way to forget it (the page closed before using it).
 */
export function askEarly<T>(key: string, load: () => Promise<ApiResult<T>>): () => void {
  if (!asked.has(key)) asked.set(key, load());
  return () => {
    asked.delete(key);
  };
}

/**
 * The early answer for `key`, taken once; asked again with `load` when there was none, or when it
 * failed (a teacher signed out then may be signed in now).
 */
export async function takeEarly<T>(key: string, load: () => Promise<ApiResult<T>>): Promise<ApiResult<T>> {
  const early = asked.get(key) as Promise<ApiResult<T>> | undefined;
  asked.delete(key);
  if (early) {
    const result = await early;
    if (result.ok) return result;
  }
  return load();
}
