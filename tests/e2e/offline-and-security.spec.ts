import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrl, expectNoAxeViolations, launchBrowser, newContext, waitForQuestion } from './browser';
import { startStaticHost } from './static-host';

let browser: Browser;

/** How many files the service worker has stored for offline use so far. */
function storedFiles(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const name = (await caches.keys()).find((key) => key.startsWith('workbox-precache'));
    return name ? (await (await caches.open(name)).keys()).length : 0;
  });
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('offline', () => {
  it('works offline in the very tab of the first visit, with no reload', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(appUrl('/'));
    // The worker installed by this visit takes control of this page (clientsClaim): no reload needed.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 30_000,
    });
    // Everything is precached once the worker is active.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });

    await context.setOffline(true);
    await page.getByRole('link', { name: 'Start a quiz' }).click();
    await page.getByRole('heading', { name: 'Start a quiz', level: 1 }).waitFor();
    await expectNoAxeViolations(page, 'quiz start, offline');
    await page.getByRole('button', { name: 'Start the quiz' }).click();
    await page.getByText(/^Question 1 of \d+$/).waitFor();
    expect(await page.getByRole('heading', { name: 'Something went wrong' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'quiz question, offline');
    await context.close();
  });

  it('stores the app for offline use once the learner pauses, not while they are answering', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(appUrl('/quiz/play?types=true-false&count=3&mode=practice&seed=pause1'));
    await waitForQuestion(page, 'Question 1 of 3');
    const isRegistered = () =>
      page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) !== undefined);
    // Keys every half second for three seconds, more than the two quiet seconds the app waits for.
    for (let press = 0; press < 6; press += 1) {
      await page.keyboard.press('Tab');
      await page.waitForTimeout(500);
      expect(await isRegistered()).toBe(false);
    }
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 30_000,
    });
    await context.close();
  });

  it('holds its downloads back while the learner gives input, and finishes once they pause', async () => {
    const listed = readFileSync('dist/sw.js', 'utf8').match(/"url":"[^"]*"/g) ?? [];
    // Each file once in the precache list (the manifest and its icons were listed twice).
    expect(new Set(listed).size).toBe(listed.length);
    const fileCount = listed.length;
    // Each file takes 50 ms to come, so storing the app lasts long enough to be caught in the middle.
    const host = await startStaticHost('dist', { delayMs: 50 });
    const context = await newContext(browser);
    const page = await context.newPage();
    try {
      await page.goto(`${host.url}/sources`);
      // waitForFunction would take the promise an async check returns as a yes.
      while (
        !(await page.evaluate(
          async () => (await navigator.serviceWorker.getRegistration())?.installing != null,
        ))
      ) {
        await page.waitForTimeout(20);
      }
      await page.keyboard.press('Tab');
      await page.waitForTimeout(300);
      const atFirstKey = await storedFiles(page);
      for (let press = 0; press < 8; press += 1) {
        await page.keyboard.press('Tab');
        await page.waitForTimeout(300);
      }
      // The file being fetched when a key came may still land; no other.
      expect(await storedFiles(page)).toBeLessThanOrEqual(atFirstKey + 1);
      expect(atFirstKey).toBeLessThan(fileCount / 2);

      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
        timeout: 60_000,
      });
      expect(await storedFiles(page)).toBe(fileCount);
    } finally {
      await context.close();
      await host.close();
    }
  });

  it('after one visit, opens and runs a quiz and a source with the network off', async () => {
    const context = await browser.newContext({ serviceWorkers: 'allow' });
    const page = await context.newPage();
    await page.goto(appUrl('/'));
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // Until it is the page's controller, the service worker does not answer its requests.
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: 'The documents', exact: true }).waitFor();
    await page.goto(appUrl('/quiz/play?types=true-false&count=2&mode=practice&seed=offline1'));
    await waitForQuestion(page, 'Question 1 of 2');
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'Feedback' }).waitFor();
    await page.goto(appUrl('/sources/development-cooperation/vvob'));
    await page.getByRole('region', { name: 'Cited passage' }).waitFor();
    // A page built to HTML comes from the cache too, and still works: its contents link moves focus.
    await page.goto(appUrl('/sources/development-cooperation'));
    await page.getByRole('heading', { name: 'Development cooperation', level: 1 }).waitFor();
    expect(await page.evaluate(() => document.getElementById('root')?.dataset.prerendered)).toBe(
      '/sources/development-cooperation',
    );
    await page.getByRole('link', { name: 'Early relations' }).click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#section-early-relations');
    await context.close();
  });
});

describe('content security policy', () => {
  it('is sent with every page, and the app runs under it without a violation', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content.Security.Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    // Chromium reports some violations (a caught `new Function`, say) only as DevTools issues.
    const devtools = await context.newCDPSession(page);
    await devtools.send('Audits.enable');
    devtools.on('Audits.issueAdded', ({ issue }) => {
      if (issue.code === 'ContentSecurityPolicyIssue') violations.push(JSON.stringify(issue.details));
    });
    const response = await page.goto(appUrl('/'));
    const policy = response?.headers()['content-security-policy'] ?? '';
    for (const directive of [
      "script-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ]) {
      expect(policy).toContain(directive);
    }
    await page.getByRole('heading', { name: 'The documents', exact: true }).waitFor();
    await page.goto(appUrl('/quiz/play?types=single&count=2&mode=practice&seed=csp1'));
    await waitForQuestion(page, 'Question 1 of 2');
    await page.goto(appUrl('/classroom/new'));
    await page.getByRole('heading', { name: 'New assignment' }).waitFor();
    await page.goto(appUrl('/sources/belgium-vietnam-relations'));
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(violations).toEqual([]);
    await context.close();
  });
});
