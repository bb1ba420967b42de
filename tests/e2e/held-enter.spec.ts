import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrl, expectNoAxeViolations, launchBrowser, openPage, waitForQuestion } from './browser';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** Counts the page's keydown events as the app sees them, so a test knows the key really repeated. */
async function countKeydowns(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen = { presses: 0, repeats: 0 };
    (window as unknown as { keydowns: typeof seen }).keydowns = seen;
    window.addEventListener(
      'keydown',
      (event) => {
        if (event.key !== 'Enter') return;
        if (event.repeat) seen.repeats += 1;
        else seen.presses += 1;
      },
      true,
    );
  });
}

function keydowns(page: Page): Promise<{ presses: number; repeats: number }> {
  return page.evaluate(
    () => (window as unknown as { keydowns: { presses: number; repeats: number } }).keydowns,
  );
}

/**
 * Holds Enter down: Playwright sends a keydown with `repeat: true` for every press of a key that is
 * still down, as the keyboard's auto-repeat does. Waits for two frames so React has shown the outcome.
 */
async function holdEnter(page: Page, repeats = 12): Promise<void> {
  const before = await keydowns(page);
  for (let press = 0; press <= repeats; press += 1) await page.keyboard.down('Enter');
  await page.keyboard.up('Enter');
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  const after = await keydowns(page);
  expect(after.presses - before.presses, 'one real press').toBe(1);
  expect(after.repeats - before.repeats, 'keydowns with repeat: true').toBe(repeats);
}

async function openProgress(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
  await page.getByRole('heading', { name: 'Progress', level: 1 }).waitFor();
}

describe('holding Enter in test mode', () => {
  it(
    'moves on once per press, saves no blank answers, and finishing with unanswered questions asks first',
    { timeout: 120_000 },
    async () => {
      const page = await openPage(browser);
      await countKeydowns(page);
      await page.goto(appUrl('/quiz/play?types=single&count=10&mode=test&seed=heldenter1'));
      await waitForQuestion(page, 'Question 1 of 10');

      // One answer, then Enter held: it is saved once and the quiz moves on by one question only.
      await page.keyboard.press('1');
      await holdEnter(page);
      await page.getByText('Question 2 of 10').waitFor();

      // A blank question with Enter held: one step on, and no answer saved for it.
      await holdEnter(page);
      await page.getByText('Question 3 of 10').waitFor();
      for (let index = 3; index < 10; index += 1) {
        await page.keyboard.press('Enter');
        await page.getByText(`Question ${index + 1} of 10`).waitFor();
      }

      // The last question: Enter held asks first, and neither the held key nor a further press finishes.
      await holdEnter(page);
      const confirm = page.getByRole('heading', { name: '9 questions have no answer yet' });
      await confirm.waitFor();
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
        '9 questions have no answer yet',
      );
      await page.keyboard.press('Enter');
      await holdEnter(page);
      expect(await page.getByRole('heading', { name: 'Your results' }).count()).toBe(0);
      await expectNoAxeViolations(page, 'test mode, asked before finishing with unanswered questions');

      // Going back to answer is offered; finishing is the learner's choice.
      await page.getByRole('button', { name: 'Keep answering' }).click();
      expect(await confirm.count()).toBe(0);
      await page.getByText('Question 10 of 10').waitFor();
      await page.getByRole('button', { name: 'Save and finish' }).click();
      await page.getByRole('button', { name: 'Finish the test', exact: true }).click();
      await page.getByRole('heading', { name: 'Your results' }).waitFor();
      await page.getByText(/· 1 answered ·/).waitFor();

      await openProgress(page);
      await page.getByText('1 answer', { exact: true }).waitFor();
      expect(await page.getByText('in 1 quiz', { exact: true }).count()).toBe(1);
      await page.context().close();
    },
  );

  it('“Finish the test now” with unanswered questions asks first as well', async () => {
    const page = await openPage(browser);
    await page.goto(appUrl('/quiz/play?types=single&count=4&mode=test&seed=heldenter2'));
    await waitForQuestion(page, 'Question 1 of 4');
    await page.getByRole('button', { name: 'Finish the test now' }).click();
    await page.getByRole('heading', { name: '4 questions have no answer yet' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Your results' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Finish the test', exact: true }).click();
    await page.getByRole('heading', { name: 'Your results' }).waitFor();
    await page.context().close();
  });
});

describe('holding Enter in an assignment (link mode)', () => {
  it('never hands in a final result without the student confirming', { timeout: 120_000 }, async () => {
    const teacher = await openPage(browser);
    await teacher.goto(appUrl('/classroom'));
    await teacher.getByRole('link', { name: 'New assignment' }).click();
    await teacher.getByLabel('Title', { exact: true }).fill('Held keys');
    await teacher.getByLabel('Bank', { exact: true }).selectOption({ label: 'Starter' });
    await teacher.getByLabel('Type', { exact: true }).selectOption({ label: 'Single choice' });
    await teacher.getByRole('button', { name: 'Choose all shown' }).click();
    await teacher.getByText('(3 questions chosen, at most 200)').waitFor();
    await teacher.getByRole('button', { name: 'Create the assignment' }).click();
    const studentLink = await teacher.getByLabel('Link for students').inputValue();
    await teacher.context().close();

    const page = await openPage(browser);
    await countKeydowns(page);
    await page.goto(studentLink);
    await page.getByRole('heading', { name: 'Held keys' }).waitFor();
    await page.getByLabel('Your name or nickname').fill('Chi');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByText('Question 1 of 3').waitFor();
    // Focus leaves the Start button for the question, as a keyboard user meets it.
    await page.keyboard.press('1');
    await holdEnter(page);
    await page.getByText('Question 2 of 3').waitFor();
    await holdEnter(page);
    await page.getByText('Question 3 of 3').waitFor();
    await holdEnter(page);
    await page.getByRole('heading', { name: '2 questions have no answer yet' }).waitFor();
    await holdEnter(page);
    await page.keyboard.press('Enter');
    expect(await page.getByRole('heading', { name: 'Your results' }).count()).toBe(0);
    expect(await page.getByLabel('Result code', { exact: true }).count()).toBe(0);
    await expectNoAxeViolations(page, 'assignment, asked before handing in with unanswered questions');

    await page.getByRole('button', { name: 'Finish the test', exact: true }).click();
    await page.getByRole('heading', { name: 'Your results' }).waitFor();
    expect(await page.getByLabel('Result code', { exact: true }).inputValue()).not.toBe('');
    await page.getByText(/· 1 answered ·/).waitFor();
    await page.context().close();
  });
});
