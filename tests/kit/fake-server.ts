import { afterEach, beforeEach, vi } from 'vitest';
import { useServerInfoStore } from '@/stores/server-info-store';

export type FakeRoute = { method: string; path: string; status: number; body: unknown };
export type SentRequest = { method: string; path: string; body: unknown };

/**
 * A stand-in for the classroom server's network, for page tests: each test sets `routes` (what the
 * server answers; anything else is a 404) and reads `requests` (what the page sent). With
 * `isOffline` every request fails as a dropped connection does. Installed before each test of the
 * file that calls it, with a server present, and removed after.
 */
export function useFakeServer() {
  const network = { routes: [] as FakeRoute[], requests: [] as SentRequest[], isOffline: false };
  beforeEach(() => {
    network.routes = [];
    network.requests.length = 0;
    network.isOffline = false;
    useServerInfoStore.setState({
      status: 'present',
      info: { server: 'source-quiz', version: '0', allowSignup: true, publicUrl: null, features: [] },
    });
    vi.stubGlobal('fetch', async (input: string, init: RequestInit = {}) => {
      const method = init.method ?? 'GET';
      const body: unknown = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
      if (network.isOffline) throw new TypeError('Failed to fetch');
      network.requests.push({ method, path: input, body });
      const route = network.routes.find((entry) => entry.method === method && entry.path === input);
      if (!route) return new Response(JSON.stringify({ error: 'not found' }), { status: 404 });
      return new Response(route.status === 204 ? null : JSON.stringify(route.body), {
        status: route.status,
      });
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    network.routes = [];
  });
  return network;
}
