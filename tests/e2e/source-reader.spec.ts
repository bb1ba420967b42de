import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { appUrl, expectNoAxeViolations, launchBrowser, openPage } from './browser';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
});
// Each test in a browser context of its own: none depends on where another left the page.
beforeEach(async () => {
  page = await openPage(browser);
});
afterEach(async () => {
  await page.context().close();
});
afterAll(async () => {
  await browser.close();
});

describe('reading the sources', () => {
  it('opens from the home page, which lists the documents and banks', async () => {
    await page.goto(appUrl('/'));
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/documents/i);
    expect(await page.getByRole('heading', { name: 'The documents', exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Development cooperation' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'home');
  });

  it('opens a document from the home page, with its table of contents', async () => {
    await page.goto(appUrl('/'));
    await page.getByRole('link', { name: 'Development cooperation' }).click();
    await page.waitForURL('**/sources/development-cooperation');
    await page.getByRole('heading', { level: 1, name: 'Development cooperation' }).waitFor();
    const contents = page.getByRole('navigation', { name: 'Contents' });
    expect(await contents.getByRole('link').allTextContents()).toContain('Period 1990-2000');
    await expectNoAxeViolations(page, 'source reader');
  });

  it('follows a link to a passage, highlighting and focusing the quote', async () => {
    const quote = 'debt relief totalling EUR 46.35 million';
    await page.goto(
      appUrl(`/sources/development-cooperation/debt-relief?quote=${encodeURIComponent(quote)}`),
    );
    const target = page.getByRole('region', { name: 'Cited passage' });
    await target.waitFor();
    expect(await target.locator('mark').textContent()).toBe(quote);
    expect(await target.evaluate((element) => element === document.activeElement)).toBe(true);
    const box = await target.boundingBox();
    expect(box && box.y >= 0 && box.y < 900).toBe(true);
    await expectNoAxeViolations(page, 'passage with a highlighted quote');
  });

  it('says so when a link names a passage that does not exist', async () => {
    await page.goto(appUrl('/sources/development-cooperation/no-such-passage'));
    await page.getByRole('alert').filter({ hasText: 'no passage “no-such-passage”' }).waitFor();
    await page.goto(appUrl('/sources/no-such-document'));
    await page.getByRole('alert').filter({ hasText: 'no document called “no-such-document”' }).waitFor();
    await expectNoAxeViolations(page, 'unknown document');
  });
});
