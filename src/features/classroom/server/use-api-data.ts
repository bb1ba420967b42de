import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiResult } from './api-client';

export type Loaded<T> =
  { state: 'loading' } | { state: 'failed'; message: string; status: number } | { state: 'ready'; data: T };

/**
 * One API call's answer for a page: loaded when the page opens (and when its arguments change),
 * again on `reload`, and every `everyMs` when given (polling). A poll that fails keeps what is shown.
 * With `initial` (an answer the page already holds), it shows that at once and asks again only at
 * the next poll.
 */
export function useApiData<A extends readonly string[], T>(
  load: (...args: A) => Promise<ApiResult<T>>,
  args: A,
  { everyMs, initial }: { everyMs?: number; initial?: T | null } = {},
) {
  const [loaded, setLoaded] = useState<Loaded<T>>(() =>
    initial === undefined || initial === null ? { state: 'loading' } : { state: 'ready', data: initial },
  );
  const hasInitial = useRef(loaded.state === 'ready');
  const key = args.join('\u0000');
  const reload = useCallback(async () => {
    const result = await load(...args);
    setLoaded((before) => {
      if (result.ok) return { state: 'ready', data: result.data };
      return before.state === 'ready'
        ? before
        : { state: 'failed', message: result.message, status: result.status };
    });
    // The arguments are compared by value (`key`), not by the array passed on each render.
  }, [load, key]);
  useEffect(() => {
    if (hasInitial.current) hasInitial.current = false;
    else void reload();
    if (!everyMs) return undefined;
    const timer = setInterval(() => void reload(), everyMs);
    return () => clearInterval(timer);
  }, [reload, everyMs]);
  return { loaded, reload };
}
