import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrl, expectNoAxeViolations, launchBrowser, newContext } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const PLAY = '/quiz/play?types=single&count=3&mode=practice&seed=full1';

async function answerFirstChoice(page: Page): Promise<void> {
  await page.getByRole('radio').first().check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await page.getByRole('region', { name: 'Feedback' }).waitFor();
}

/**
 * Gives the site a small quota (8 MiB) through the DevTools protocol, before any page of it opens its
 * storage (Chromium reads the quota then): the app saves in IndexedDB, which Chromium lets a site grow
 * to a share of the whole disk, and filling that would take minutes.
 */
async function limitQuota(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', {
    origin: new URL(appUrl('/')).origin,
    quotaSize: 8 * 1024 * 1024,
  });
}

/**
 * Fills this site's real storage quota with other data, down to the last kilobyte, as years of answers
 * or another app on the same site would: another database takes what is left.
 */
async function fillStorage(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('filler', 1);
      request.onupgradeneeded = () => request.result.createObjectStore('filler', { autoIncrement: true });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('no filler database'));
    });
    const add = (size: number) =>
      new Promise<boolean>((resolve) => {
        const tx = db.transaction('filler', 'readwrite');
        // Random bytes: Chromium compresses what it stores, and repeated text takes almost nothing.
        const bytes = new Uint8Array(size);
        for (let start = 0; start < size; start += 65_536)
          crypto.getRandomValues(bytes.subarray(start, Math.min(size, start + 65_536)));
        tx.objectStore('filler').add(bytes);
        tx.oncomplete = () => resolve(true);
        tx.onabort = () => resolve(false);
      });
    let size = 256 * 1024;
    // At most 8 MiB in 256 KiB steps, then halving down to 1 KiB.
    for (let steps = 0; size >= 1024 && steps < 200; steps += 1) {
      if (!(await add(size))) size = Math.floor(size / 2);
    }
    db.close();
  });
}

/** What the app has saved: the answers in the history and the quizzes in progress, as stored. */
const savedOfOurs = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ answers: number; attempts: string }>((resolve, reject) => {
        const request = indexedDB.open('source-quiz');
        request.onerror = () => reject(request.error ?? new Error('no database'));
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction(['answers', 'quizAttempts']);
          const answers = tx.objectStore('answers').count();
          const attempts = tx.objectStore('quizAttempts').getAll();
          tx.oncomplete = () => {
            db.close();
            resolve({ answers: answers.result, attempts: JSON.stringify(attempts.result) });
          };
        };
      }),
  );

describe('a storage that fills up (the real Chromium quota)', () => {
  it('says at once that it is full and what to do, offers a backup, and loses nothing saved', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await limitQuota(page);
    await page.goto(appUrl(PLAY));
    await page.getByText('Question 1 of 3').waitFor();
    await answerFirstChoice(page);
    await page.getByRole('button', { name: 'Next question' }).click();
    await page.getByText('Question 2 of 3').waitFor();

    await expect.poll(async () => (await savedOfOurs(page)).answers).toBe(1);
    const before = await savedOfOurs(page);
    await fillStorage(page);
    await answerFirstChoice(page);
    const alert = page.getByRole('alert').filter({ hasText: 'storage for this site is full' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/Nothing saved before is lost/);
    expect(await alert.textContent()).toMatch(/download a backup now/);
    await expectNoAxeViolations(page, 'a quiz with the storage full');
    expect(await savedOfOurs(page)).toEqual(before);

    const download = page.waitForEvent('download');
    await alert.getByRole('button', { name: 'Download a backup' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.json$/);
    await alert.getByRole('status').filter({ hasText: 'Backup downloaded as' }).waitFor();

    // Room again (the learner deleted something): the next answer saves both, and the message goes.
    await page.evaluate(
      () =>
        new Promise((resolve) => {
          const request = indexedDB.deleteDatabase('filler');
          request.onsuccess = request.onerror = resolve;
        }),
    );
    await page.getByRole('button', { name: 'Next question' }).click();
    await answerFirstChoice(page);
    await alert.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
    await page.getByText('3 answers', { exact: true }).waitFor();
    await context.close();
  });
});
