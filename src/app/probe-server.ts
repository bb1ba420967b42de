import { useServerInfoStore } from '@/stores/server-info-store';

/**
 * Asks once, at start, whether the classroom server is there. A static host answers the app's own
 * page or a 404, and an offline device answers nothing: all of these mean "no server", and the app
 * keeps to links and codes.
 */
export async function probeServer(fetchImpl: typeof fetch = fetch): Promise<void> {
  const store = useServerInfoStore.getState();
  try {
    const response = await fetchImpl('/api/info', { headers: { accept: 'application/json' } });
    // zod stays off the first page: the schema loads only when something answered.
    const { serverInfoSchema } = response.ok ? await import('@/stores/server-info-schema') : {};
    const parsed = serverInfoSchema?.safeParse(await response.json());
    if (parsed?.success) store.serverAnswered(parsed.data);
    else store.serverAbsent();
  } catch {
    store.serverAbsent();
  }
}
