import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrl, expectNoAxeViolations, launchBrowser, newContext, openPage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const FIRST = '/quiz/play?types=single&count=6&mode=test&seed=inprogress1';
const SECOND = '/quiz/play?types=single&count=5&mode=practice&seed=inprogress2';
// The first is a test, as an assignment often is: it can be gone back through.
const FIRST_TITLE = 'Test: all question banks';
const SECOND_TITLE = 'Practice quiz: all question banks';

/** Answers the question on screen with its first choice and goes on, in practice or test mode. */
async function answerOne(page: Page, mode: 'practice' | 'test'): Promise<void> {
  await page.getByRole('radio').first().check();
  if (mode === 'test') {
    await page.getByRole('button', { name: 'Save and continue' }).click();
    return;
  }
  await page.getByRole('button', { name: 'Check answer' }).click();
  await page.getByRole('region', { name: 'Feedback' }).waitFor();
  await page.getByRole('button', { name: 'Next question' }).click();
}

async function openHome(page: Page): Promise<void> {
  await page.goto(appUrl('/'));
  await page.getByRole('heading', { name: 'Continue where you left off' }).waitFor();
}

function listed(page: Page) {
  return page.getByRole('region', { name: 'Continue where you left off' }).getByRole('listitem');
}

async function startFirstQuizWithThreeAnswers(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(appUrl(FIRST));
  await page.getByText('Question 1 of 6').waitFor();
  await expectNoAxeViolations(page, 'first quiz');
  for (let index = 0; index < 3; index += 1) await answerOne(page, 'test');
  await page.getByText('Question 4 of 6').waitFor();
  return page;
}

describe('quizzes in progress', () => {
  it('another quiz in the same tab keeps the first, which continues at question 4 with its answers', async () => {
    const context = await newContext(browser);
    const page = await startFirstQuizWithThreeAnswers(context);

    await page.goto(appUrl(SECOND));
    await page.getByText('Question 1 of 5').waitFor();
    await answerOne(page, 'practice');
    await page.getByText('Question 2 of 5').waitFor();

    await openHome(page);
    await expectNoAxeViolations(page, 'home with quizzes in progress');
    expect(await listed(page).allInnerTexts()).toEqual([
      expect.stringMatching(new RegExp(`^${SECOND_TITLE}\\s+Question 2 of 5 · 1 answer given`)),
      expect.stringMatching(new RegExp(`^${FIRST_TITLE}\\s+Question 4 of 6 · 3 answers given`)),
    ]);

    // After a reload, too.
    await page.reload();
    await page.getByRole('link', { name: `Continue ${FIRST_TITLE}, question 4 of 6` }).click();
    // Exact: the home page's list says "Question 4 of 6 · 3 answers given" until the quiz shows.
    await page.getByText('Question 4 of 6', { exact: true }).waitFor();
    await expectNoAxeViolations(page, 'first quiz resumed');
    expect(await page.getByRole('radio', { checked: true }).count()).toBe(0);
    // Going back shows each of the three answers given (the first choice, each time).
    for (const question of [3, 2, 1]) {
      await page.getByRole('button', { name: 'Previous' }).click();
      await page.getByText(`Question ${question} of 6`).waitFor();
      expect(await page.getByRole('radio').first().isChecked()).toBe(true);
    }
    await context.close();
  });

  it('a second tab takes another quiz; each tab continues its own, and either lists both', async () => {
    const context = await newContext(browser);
    const first = await startFirstQuizWithThreeAnswers(context);
    const second = await context.newPage();
    await second.goto(appUrl(SECOND));
    await second.getByText('Question 1 of 5').waitFor();
    await answerOne(second, 'practice');

    // The first tab goes on with its own quiz: its answers are all there.
    await answerOne(first, 'test');
    await first.getByText('Question 5 of 6').waitFor();

    await openHome(first);
    expect(await listed(first).count()).toBe(2);
    await first.getByText('Question 5 of 6 · 4 answers given').waitFor();
    await first.getByText('Question 2 of 5 · 1 answer given').waitFor();

    // The second tab opens the first tab's quiz: it continues where the first tab left it.
    await openHome(second);
    await second.getByRole('link', { name: `Continue ${FIRST_TITLE}, question 5 of 6` }).click();
    await second.getByText('Question 5 of 6').waitFor();
    await context.close();
  });

  it('a quiz is discarded only after the learner confirms', async () => {
    const context = await newContext(browser);
    const page = await startFirstQuizWithThreeAnswers(context);
    await openHome(page);

    await page.getByRole('button', { name: `Discard ${FIRST_TITLE}…` }).click();
    const question = page.getByRole('group', { name: /Discard this quiz\?/ });
    await question.waitFor();
    await expectNoAxeViolations(page, 'discard confirmation');
    await question.getByRole('button', { name: 'Keep it' }).click();
    expect(await listed(page).count()).toBe(1);

    await page.getByRole('button', { name: `Discard ${FIRST_TITLE}…` }).click();
    await page.getByRole('button', { name: 'Discard quiz' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Discarded ${FIRST_TITLE}.` })
      .waitFor();
    expect(await listed(page).count()).toBe(0);

    // Its answers stay in the history; the quiz itself is gone after a reload.
    await page.reload();
    await page.getByRole('heading', { name: 'The documents', exact: true }).waitFor();
    expect(await page.getByRole('heading', { name: 'Continue where you left off' }).count()).toBe(0);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
    await page.getByText('3 answers', { exact: true }).waitFor();
    await context.close();
  });

  it('a quiz the version before saved in localStorage is listed after the update, and continues at question 4 with its answers', async () => {
    // The version before saved each attempt in localStorage, as this one still does without IndexedDB.
    const before = await newContext(browser);
    await before.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined }));
    const old = await startFirstQuizWithThreeAnswers(before);
    const [saved] = await old.evaluate(() =>
      Object.keys(localStorage)
        .filter((key) => key.startsWith('source-quiz:attempt:'))
        .map((key): [string, string] => [key, localStorage.getItem(key) ?? '']),
    );
    await before.close();
    if (!saved) throw new Error('no attempt saved in localStorage');
    const [key, text] = saved;
    expect(JSON.parse(text)).toMatchObject({ version: 1, key: expect.any(String), title: FIRST_TITLE });

    const page = await openPage(browser, { storage: { [key]: JSON.parse(text) } });
    await openHome(page);
    expect(await listed(page).allInnerTexts()).toEqual([
      expect.stringMatching(new RegExp(`^${FIRST_TITLE}\\s+Question 4 of 6 · 3 answers given`)),
    ]);
    await expectNoAxeViolations(page, 'home with a quiz moved from localStorage');
    // Copied into the database, then gone from localStorage.
    await expect.poll(() => page.evaluate((name) => localStorage.getItem(name), key)).toBeNull();
    await page.reload();
    await page.getByRole('link', { name: `Continue ${FIRST_TITLE}, question 4 of 6` }).click();
    // Exact: the home page's list says "Question 4 of 6 · 3 answers given" until the quiz shows.
    await page.getByText('Question 4 of 6', { exact: true }).waitFor();
    expect(await page.getByRole('radio', { checked: true }).count()).toBe(0);
    for (const question of [3, 2, 1]) {
      await page.getByRole('button', { name: 'Previous' }).click();
      await page.getByText(`Question ${question} of 6`).waitFor();
      expect(await page.getByRole('radio').first().isChecked()).toBe(true);
    }
    await page.context().close();
  });
});
