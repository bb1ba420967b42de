import type { Page } from 'playwright-core';

/** The attempt saved last, read from IndexedDB (where the app keeps them) and localStorage (its fallback). */
function readLatestAttempt(page: Page): Promise<string> {
  return page.evaluate(async () => {
    type Saved = { updatedAt: number; session: unknown };
    const attempts: Saved[] = [];
    for (const key of Object.keys(localStorage)) {
      if (key.startsWith('source-quiz:attempt:') && !key.includes(':backup:'))
        attempts.push(JSON.parse(localStorage.getItem(key) ?? '{}') as Saved);
    }
    const saved = await new Promise<Saved[]>((resolve) => {
      const request = indexedDB.open('source-quiz');
      request.onerror = () => resolve([]);
      request.onsuccess = () => {
        const db = request.result;
        if (!db.objectStoreNames.contains('quizAttempts')) {
          db.close();
          resolve([]);
          return;
        }
        const all = db.transaction('quizAttempts').objectStore('quizAttempts').getAll();
        all.onsuccess = () => {
          db.close();
          resolve(all.result as Saved[]);
        };
        all.onerror = () => resolve([]);
      };
    });
    attempts.push(...saved);
    const latest = attempts.reduce<Saved | undefined>(
      (found, attempt) => (!found || attempt.updatedAt > found.updatedAt ? attempt : found),
      undefined,
    );
    return JSON.stringify({ state: { session: latest?.session } });
  });
}

/**
 * The quiz the page last saved, as `{ state: { session } }` (the shape of the single slot that older
 * versions kept): each attempt now has a record of its own, and the one on screen is the latest saved.
 * The database is written a moment after the screen changes, so this waits until two reads agree.
 */
export async function latestSavedQuiz<T>(page: Page): Promise<T> {
  let previous = await readLatestAttempt(page);
  for (let reads = 0; reads < 40; reads += 1) {
    await page.waitForTimeout(50);
    const next = await readLatestAttempt(page);
    if (next === previous && next !== '{"state":{}}') break;
    previous = next;
  }
  return JSON.parse(previous) as T;
}
