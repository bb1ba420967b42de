import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrl, expectNoAxeViolations, launchBrowser, newContext } from './browser';

const PLAY = '/quiz/play?types=single&count=2&mode=practice&seed=saving1';

async function answerFirstChoice(page: Page): Promise<void> {
  await page.getByRole('radio').first().check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await page.getByRole('region', { name: 'Feedback' }).waitFor();
}

describe('a browser that blocks site data (the real Chromium setting)', () => {
  let profile: string;
  let context: BrowserContext;

  beforeAll(async () => {
    // "Don't allow sites to save data": the content setting behind chrome://settings/content/all.
    profile = mkdtempSync(join(tmpdir(), 'sq-blocked-'));
    mkdirSync(join(profile, 'Default'));
    writeFileSync(
      join(profile, 'Default', 'Preferences'),
      JSON.stringify({ profile: { default_content_setting_values: { cookies: 2 } } }),
    );
    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
      viewport: { width: 1280, height: 900 },
      bypassCSP: true,
      reducedMotion: 'reduce',
    });
  });
  afterAll(async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('says at once that nothing is saved and what still works, and the quiz still runs', async () => {
    const page = await context.newPage();
    await page.goto(appUrl(PLAY));
    expect(
      await page.evaluate(() => {
        try {
          return typeof window.localStorage;
        } catch {
          return 'refused';
        }
      }),
    ).toBe('refused');
    const alert = page.getByRole('alert').filter({ hasText: 'not letting the app save anything' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/You can still take quizzes/);
    await expectNoAxeViolations(page, 'a quiz with saving blocked');
    await answerFirstChoice(page);
    // Kept in the page: Progress shows the answer until the page closes.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
    await page.getByRole('heading', { name: 'Progress', level: 1 }).waitFor();
    await page.getByText('1 answer', { exact: true }).waitFor();
    await page.close();
  });
});

describe('damaged saved answers too large to copy aside', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('are never written over until the learner downloads them', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(appUrl('/'));
    // About 3 MB of damaged history: a copy of it does not fit in the 5 MB the browser allows.
    const damaged = await page.evaluate(() => {
      const value = `{"state": {"history": "${'x'.repeat(3_000_000)}`;
      localStorage.setItem('source-quiz:history', value);
      return value.length;
    });
    await page.goto(appUrl(PLAY));
    // The quiz page loads the history after the learner's first input: the answer brings the report.
    await answerFirstChoice(page);
    const alert = page.getByRole('alert').filter({ hasText: 'no room to copy them aside' });
    await alert.waitFor();
    const kept = await page.evaluate(() => localStorage.getItem('source-quiz:history')?.length);
    expect(kept).toBe(damaged);

    const download = page.waitForEvent('download');
    await alert.getByRole('button', { name: /Download the saved data, then save again/ }).click();
    expect((await download).suggestedFilename()).toMatch(/kept-aside\.json$/);
    // Downloaded, the damaged value may go: the answer was kept apart all along (in IndexedDB, or in
    // localStorage if the database was not open yet), and comes back after a reload.
    const after = await page.evaluate(() => localStorage.getItem('source-quiz:history'));
    expect(after?.length).not.toBe(damaged);
    await page.reload();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
    await page.getByText('1 answer', { exact: true }).waitFor();
    await context.close();
  });
});
