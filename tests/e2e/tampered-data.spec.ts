import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrl, expectNoAxeViolations, launchBrowser, openPage } from './browser';
import { isSchemaValid, QUIZ_QUERY, tamperedVariants, type Tampered } from './tampered-data';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const PAGES = ['/', '/quiz', `/quiz/play?${QUIZ_QUERY}`, '/review', '/progress', '/sources'];

/** The page as a learner arrives at it with this saved data, from a fresh start of the app. */
async function visit(variant: Tampered, path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await openPage(browser, {
    storage: {
      'source-quiz:history': { state: variant.history, version: 1 },
      'source-quiz:quiz': { state: variant.quiz, version: 1 },
    },
  });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(appUrl(path));
  // A page built to HTML shows its heading before the app runs, and the app may then show "Loading…"
  // while it reads this device's data: the page is the app's once its scripts have all come.
  await page.waitForLoadState('networkidle');
  await page.locator('main h1').first().waitFor();
  return { page, errors };
}

async function expectAPage(page: Page, errors: string[], label: string): Promise<void> {
  expect(await page.getByRole('heading', { name: 'Something went wrong' }).count(), label).toBe(0);
  expect(errors, label).toEqual([]);
}

describe('tampered but schema-valid saved data', () => {
  const variants = tamperedVariants();
  for (const variant of variants) {
    // axe on every page with the first variant, and wherever a message about set-aside data shows;
    // the other variants change values, not the page's structure, and each axe run is slow.
    const withAxe = variant === variants[0];
    it(
      `${variant.name}: every page still shows, and what was set aside is said`,
      { timeout: 180_000 },
      async () => {
        const valid = isSchemaValid(variant);
        for (const path of PAGES) {
          const { page, errors } = await visit(variant, path);
          await expectAPage(page, errors, `${path} with ${variant.name}`);
          if (path === '/progress') {
            const count = `${variant.answers} answer${variant.answers === 1 ? '' : 's'}`;
            await page.getByText(count, { exact: true }).waitFor();
            if (!valid.history) {
              await page
                .getByRole('alert')
                .getByText(/Your saved answers and progress could not be read/)
                .waitFor();
            }
          }
          if (path.startsWith('/quiz/play')) {
            if (valid.quiz) await page.getByText(/Question \d+ of \d+/).waitFor();
            else
              await page
                .getByRole('alert')
                .getByText(/Your saved quiz in progress could not be read/)
                .waitFor();
          }
          if (withAxe || !valid.history || (!valid.quiz && path.startsWith('/quiz/play'))) {
            await expectNoAxeViolations(page, `${path} with ${variant.name}`);
          }
          await page.context().close();
        }
      },
    );
  }
});
