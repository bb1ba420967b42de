import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { largeProgress } from '../stores/large-history';
import { answersInDatabase, appUrl, expectNoAxeViolations, launchBrowser, newContext } from './browser';

const KEY = 'source-quiz:history';
const fixture = readFileSync('tests/fixtures/saved-state/history-v1.json', 'utf8');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function openProgress(page: Page, answers: RegExp): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
  await page.getByRole('heading', { name: 'Progress', level: 1 }).waitFor();
  await page.getByText(answers).first().waitFor();
}

/** Starts the new version on a browser that saved `saved` with the version before (localStorage). */
async function startWithSaved(saved: string): Promise<Page> {
  const context = await newContext(browser);
  const page = await context.newPage();
  // A page of the site that is not the app, so that nothing is read before the value is in place.
  await page.goto(appUrl('/manifest.webmanifest'));
  await page.evaluate(([key, value]) => localStorage.setItem(key ?? '', value ?? ''), [KEY, saved]);
  await page.goto(appUrl('/'));
  return page;
}

describe('the history kept in IndexedDB (real Chromium storage)', () => {
  it('migrates the version 1 history at the first start, then reads it from IndexedDB alone', async () => {
    const page = await startWithSaved(fixture);
    await openProgress(page, /^2 answers$/);
    await expectNoAxeViolations(page, 'progress after migrating');
    await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), KEY)).toBeNull();
    expect(await answersInDatabase(page)).toBe(2);
    await page.reload();
    await openProgress(page, /^2 answers$/);
    await page.context().close();
  });

  it('migrates a large history (5,000 answers) without losing one', async () => {
    const large = largeProgress(5_000);
    const page = await startWithSaved(JSON.stringify({ state: large, version: 1 }));
    await openProgress(page, /^5,?000 answers$/);
    await expect.poll(() => answersInDatabase(page)).toBe(5_000);
    expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBeNull();
    await page.reload();
    await openProgress(page, /^5,?000 answers$/);
    await page.context().close();
  });
});
