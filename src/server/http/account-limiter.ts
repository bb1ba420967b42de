/**
 * Counts tries per account (email) in a sliding window, in memory: with @fastify/rate-limit's limit
 * per address this stops both one address trying many accounts and many addresses trying one.
 * (Several server processes would share it through Redis; see docs/server.md.)
 */
export function createAccountLimiter(max: number, windowMs: number) {
  const tries = new Map<string, number[]>();
  const recent = (key: string, now: number) => (tries.get(key) ?? []).filter((at) => now - at < windowMs);
  return {
    isBlocked(key: string, now: number): boolean {
      return recent(key, now).length >= max;
    },
    count(key: string, now: number): void {
      if (tries.size > 50_000) tries.clear();
      tries.set(key, [...recent(key, now), now]);
    },
    clear(key: string): void {
      tries.delete(key);
    },
  };
}

export type AccountLimiter = ReturnType<typeof createAccountLimiter>;
