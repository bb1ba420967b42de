import type { ServerInfo } from './server-info-store';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What `GET /api/info` answers when the classroom server is there, checked by hand: it is asked on
 * every page, and zod would be a library chunk to load and build schemas with before the page is
 * ready. Null for anything else (a static host's page, another server).
 */
export function readServerInfo(value: unknown): ServerInfo | null {
  if (!isObject(value)) return null;
  const { server, version, allowSignup, publicUrl, features } = value;
  const isInfo =
    server === 'source-quiz' &&
    typeof version === 'string' &&
    typeof allowSignup === 'boolean' &&
    (publicUrl === null || typeof publicUrl === 'string') &&
    Array.isArray(features) &&
    features.every((feature) => typeof feature === 'string');
  return isInfo ? { server, version, allowSignup, publicUrl, features } : null;
}
