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
 * Fills this site's real localStorage quota (Chromium's, a few MB) with other data, down to the last
 * character, as years of answers or another app on the same site would. Returns what is saved of ours.
 */
async function fillStorage(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const ours = Object.fromEntries(
      Object.keys(localStorage)
        .filter((key) => key.startsWith('source-quiz:'))
        .map((key) => [key, localStorage.getItem(key) ?? '']),
    );
    let size = 1 << 20;
    let index = 0;
    while (size >= 1) {
      try {
        localStorage.setItem(`filler-${index}`, 'x'.repeat(size));
        index += 1;
      } catch {
        size = Math.floor(size / 2);
      }
    }
    return ours;
  });
}

const savedOfOurs = (page: Page) =>
  page.evaluate(() =>
    Object.fromEntries(
      Object.keys(localStorage)
        .filter((key) => key.startsWith('source-quiz:'))
        .map((key) => [key, localStorage.getItem(key) ?? '']),
    ),
  );

describe('a storage that fills up (the real Chromium quota)', () => {
  it('says at once that it is full and what to do, offers a backup, and loses nothing saved', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(appUrl(PLAY));
    await page.getByText('Question 1 of 3').waitFor();
    await answerFirstChoice(page);
    await page.getByRole('button', { name: 'Next question' }).click();
    await page.getByText('Question 2 of 3').waitFor();

    const before = await fillStorage(page);
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
    await page.evaluate(() => {
      for (const key of Object.keys(localStorage))
        if (key.startsWith('filler-')) localStorage.removeItem(key);
    });
    await page.getByRole('button', { name: 'Next question' }).click();
    await answerFirstChoice(page);
    await alert.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
    await page.getByText('3 answers', { exact: true }).waitFor();
    await context.close();
  });
});
