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
    // Its check is a chunk of its own: nothing is checked on a static host, which answers no server.
    const { readServerInfo } = response.ok ? await import('@/stores/read-server-info') : {};
    const info = readServerInfo?.(await response.json()) ?? null;
    if (info) store.serverAnswered(info);
    else store.serverAbsent();
  } catch {
    store.serverAbsent();
  }
}
