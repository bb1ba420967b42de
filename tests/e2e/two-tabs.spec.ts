import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrl, expectNoAxeViolations, launchBrowser, newContext } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** Answers the question on screen with its first choice and goes on (practice mode). */
async function answerOne(page: Page, isLast: boolean): Promise<void> {
  await page.getByRole('radio').first().check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await page.getByRole('region', { name: 'Feedback' }).waitFor();
  await page.getByRole('button', { name: isLast ? 'See your results' : 'Next question' }).click();
}

async function openQuiz(context: BrowserContext, seed: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(appUrl(`/quiz/play?types=single&count=3&mode=practice&seed=${seed}`));
  await page.getByText('Question 1 of 3').waitFor();
  return page;
}

async function expectProgress(page: Page, answers: string, quizzes: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
  await page.getByRole('heading', { name: 'Progress', level: 1 }).waitFor();
  await page.getByText(answers, { exact: true }).waitFor();
  expect(await page.getByText(`in ${quizzes}`, { exact: true }).count()).toBe(1);
}

describe('two tabs of one browser answering', () => {
  it('in turn: every answer of both is kept, and each tab sees them all', async () => {
    const context = await newContext(browser);
    const [first, second] = [await openQuiz(context, 'tabsa'), await openQuiz(context, 'tabsb')];
    for (let index = 0; index < 3; index += 1) {
      await answerOne(first, index === 2);
      await answerOne(second, index === 2);
    }
    await expectProgress(first, '6 answers', '2 quizzes');
    await expectNoAxeViolations(first, 'progress after two tabs');
    await expectProgress(second, '6 answers', '2 quizzes');
    await context.close();
  });

  it('at once: both answering at the same moment lose nothing', async () => {
    const context = await newContext(browser);
    const [first, second] = [await openQuiz(context, 'tabsc'), await openQuiz(context, 'tabsd')];
    for (let index = 0; index < 3; index += 1) {
      await Promise.all([answerOne(first, index === 2), answerOne(second, index === 2)]);
    }
    await first.reload();
    await expectProgress(first, '6 answers', '2 quizzes');
    await context.close();
  });
});
