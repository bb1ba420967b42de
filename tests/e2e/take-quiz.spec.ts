import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appUrl,
  expectNoAxeViolations,
  launchBrowser,
  openPage,
  tabToNamed,
  waitForQuestion,
} from './browser';
import { latestSavedQuiz } from './saved-quiz';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

type Saved = {
  state: {
    session: {
      currentIndex: number;
      questions: {
        question: { answer: string; choices: { id: string; text: string }[] };
        choiceOrder: string[];
      }[];
    };
  };
};

/** Where (1-based, as the number keys count) the right or a wrong choice of the current question is shown. */
async function choiceKey(isRight: boolean): Promise<string> {
  const saved: Saved = await latestSavedQuiz<Saved>(page);
  const { questions, currentIndex } = saved.state.session;
  const current = questions[currentIndex];
  if (!current) throw new Error('no current question saved');
  const position = current.choiceOrder.findIndex((id) => (id === current.question.answer) === isRight);
  return String(position + 1);
}

describe('taking a seeded quiz by keyboard alone', () => {
  // One journey, one test: each step needs the quiz the step before left.
  it('starts, answers wrongly and is told why, follows the citation and back, and finishes', async () => {
    page = await openPage(browser, { width: 390 });
    await page.goto(appUrl('/quiz?seed=keyboard1'));
    await page.getByRole('heading', { name: 'Start a quiz' }).waitFor();
    await expectNoAxeViolations(page, 'quiz start');
    await tabToNamed(page, 'Single choice');
    await page.keyboard.press('Space');
    await tabToNamed(page, '10'); // a radio group takes one Tab stop, on its checked radio
    await page.keyboard.press('ArrowLeft');
    await tabToNamed(page, 'Start the quiz');
    await page.keyboard.press('Enter');
    await page.getByText('Question 1 of 5').waitFor();
    expect(page.url()).toContain('seed=keyboard1');
    await expectNoAxeViolations(page, 'question');

    // Then it answers wrongly and is told why, with the passage.
    await page.keyboard.press(await choiceKey(false));
    await page.keyboard.press('Enter');
    const feedback = page.getByRole('region', { name: 'Feedback' });
    await feedback.getByText('Not right').waitFor();
    expect(await feedback.getByText('Correct answer').isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'feedback');

    // Then it follows the citation to the highlighted passage and comes back.
    const quote = (await page.locator('.citation__quote').first().textContent()) ?? '';
    const link = await page
      .getByRole('link', { name: /Read it in/ })
      .first()
      .textContent();
    await tabToNamed(page, link ?? '');
    await page.keyboard.press('Enter');
    const passage = page.getByRole('region', { name: 'Cited passage' });
    await passage.waitFor();
    expect((await passage.locator('mark').textContent())?.replace(/\s+/g, ' ')).toBe(
      quote.replace(/\s+/g, ' '),
    );
    expect(await passage.evaluate((element) => element === document.activeElement)).toBe(true);

    await tabToNamed(page, '← Back to the quiz');
    await page.keyboard.press('Enter');
    await page.getByText('Question 1 of 5').waitFor();
    expect(await page.getByRole('region', { name: 'Feedback' }).getByText('Not right').isVisible()).toBe(
      true,
    );
    // Back on the question, focus is on its feedback, where Enter goes on. Waited for: the screen can
    // show a frame before it has moved the focus and listens for its keys.
    await page.waitForFunction(() => document.activeElement?.classList.contains('feedback-panel__title'));

    // Then it answers the rest rightly and sees the results.
    await page.keyboard.press('Enter');
    for (let question = 2; question <= 5; question += 1) {
      await page.getByText(`Question ${question} of 5`).waitFor();
      await page.keyboard.press(await choiceKey(true));
      await page.keyboard.press('Enter');
      await page.getByRole('region', { name: 'Feedback' }).getByText('Correct').waitFor();
      await page.keyboard.press('Enter');
    }
    await page.getByRole('heading', { name: 'Your results' }).waitFor();
    expect(await page.getByText('80%').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Practise the one I missed' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'results');
  });

  it('resumes a quiz in progress after a reload', async () => {
    page = await openPage(browser, { width: 390 });
    await page.goto(appUrl('/quiz/play?types=single&count=3&mode=test&seed=reload1'));
    await waitForQuestion(page, 'Question 1 of 3');
    await page.keyboard.press(await choiceKey(true));
    await page.keyboard.press('Enter');
    await page.getByText('Question 2 of 3').waitFor();
    await page.reload();
    await page.getByText('Question 2 of 3').waitFor();
  });
});
