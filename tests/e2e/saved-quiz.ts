import type { Page } from 'playwright-core';

/**
 * The quiz the page last saved, as `{ state: { session } }` (the shape of the single slot that older
 * versions kept): each attempt now has a key of its own, and the one on screen is the latest saved.
 */
export async function latestSavedQuiz<T>(page: Page): Promise<T> {
  return page.evaluate(() => {
    let latest: { updatedAt: number; session: unknown } | undefined;
    for (const key of Object.keys(localStorage)) {
      if (!key.startsWith('source-quiz:attempt:') || key.includes(':backup:')) continue;
      const attempt = JSON.parse(localStorage.getItem(key) ?? '{}');
      if (!latest || attempt.updatedAt > latest.updatedAt) latest = attempt;
    }
    return { state: { session: latest?.session } } as T;
  });
}
