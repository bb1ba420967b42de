import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appUrl,
  expectNoAxeViolations,
  launchBrowser,
  openDatabasesSlowly,
  openPage,
  recordMainTexts,
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

type SavedQuiz = {
  state: {
    session: {
      currentIndex: number;
      questions: { question: { prompt: string; answer: string; choices: { id: string; text: string }[] } }[];
    };
  };
};

/** The prompt of the question on screen and the text of its right or a wrong choice, read from the saved quiz. */
async function currentQuestion(): Promise<{ prompt: string; right: string; wrong: string }> {
  const saved: SavedQuiz = await latestSavedQuiz<SavedQuiz>(page);
  const { questions, currentIndex } = saved.state.session;
  const question = questions[currentIndex]?.question;
  if (!question) throw new Error('no current question saved');
  const textOf = (isRight: boolean) =>
    question.choices.find((choice) => (choice.id === question.answer) === isRight)?.text ?? '';
  return { prompt: question.prompt, right: textOf(true), wrong: textOf(false) };
}

async function answer(choiceText: string): Promise<void> {
  await page.getByRole('radio', { name: choiceText }).check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await page.getByRole('region', { name: 'Feedback' }).waitFor();
  await page.getByRole('button', { name: 'See your results' }).click();
  await page.getByRole('heading', { name: 'Your results' }).waitFor();
}

const reviewList = () => page.getByRole('region', { name: 'Questions you get wrong' });

describe('reviewing a wrong answer until it is right', () => {
  // One journey, one test: each step reads the history the step before left.
  it('finds a wrong answer in Review, practises it right, keeps the history, and asks before a reset', async () => {
    page = await openPage(browser, { width: 390 });
    await page.goto(appUrl('/quiz/play?types=single&count=1&mode=practice&seed=review1'));
    await waitForQuestion(page, 'Question 1 of 1');
    const asked = await currentQuestion();
    await answer(asked.wrong);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review' }).click();
    const item = reviewList()
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: asked.prompt }) });
    await item.waitFor();
    expect(await item.getByText('Not right').isVisible()).toBe(true);
    expect(await item.locator('dt:text-is("Your answer") + dd').textContent()).toBe(asked.wrong);
    expect(await item.locator('dt:text-is("Correct answer") + dd').textContent()).toBe(asked.right);
    expect(
      await item
        .getByRole('link', { name: /Read it in/ })
        .first()
        .isVisible(),
    ).toBe(true);
    await expectNoAxeViolations(page, 'review');

    await reviewList().getByRole('radio', { name: 'Source section' }).check();
    await page.getByText(/Every scheduled question \(1\)/).click();
    await page.getByRole('button', { name: `Start again: ${asked.prompt}` }).waitFor();
    await expectNoAxeViolations(page, 'review, grouped by section, with the schedule open');
    await page.getByRole('link', { name: 'Skip to content' }).focus();

    // Then it practises it, answers rightly, and sees it leave the list.
    await tabToNamed(page, 'Practise this one');
    await page.keyboard.press('Enter');
    await page.getByText('Question 1 of 1').waitFor();
    expect((await currentQuestion()).prompt).toBe(asked.prompt);
    await answer(asked.right);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review' }).click();
    await reviewList()
      .getByText(/Nothing to review: your latest answer/)
      .waitFor();
    expect(await page.getByRole('heading', { name: asked.prompt }).count()).toBe(0);

    // Then it still has the history after a reload, and never says for a moment that it is empty.
    await page.goto(appUrl('/progress'));
    const shownTexts = await recordMainTexts(page);
    await openDatabasesSlowly(page);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Progress' }).waitFor();
    expect(await page.getByText('2 answers', { exact: true }).isVisible()).toBe(true);
    const shown = await shownTexts();
    expect(shown.filter((text) => text.includes('0 answers'))).toEqual([]);
    expect(await page.getByText('in 2 quizzes').isVisible()).toBe(true);
    expect(
      await page.getByRole('img', { name: /Accuracy on the last 1 day practised: lowest 50%/ }).count(),
    ).toBe(1);
    await expectNoAxeViolations(page, 'progress');

    // Then it asks, by keyboard, before resetting everything; Escape leaves it all in place.
    await tabToNamed(page, 'Reset all progress…');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Reset all progress?' });
    await dialog.waitFor();
    expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    await expectNoAxeViolations(page, 'reset dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Reset all progress…');
    expect(await page.getByText('2 answers', { exact: true }).isVisible()).toBe(true);
  });
});

describe('a damaged saved history at start-up', () => {
  it('is set aside with a message, and the app keeps working', async () => {
    page = await openPage(browser, { width: 390 });
    // Damaged from a page of the same origin that runs no app, so that only the next start reads it.
    await page.goto(appUrl('/favicon.svg'));
    await page.evaluate(() => localStorage.setItem('source-quiz:history', '{"state": {"history": [oops'));
    await page.goto(appUrl('/'));
    const banner = page.getByRole('alert');
    await banner.getByText(/saved answers and progress could not be read/).waitFor();
    expect(await banner.getByRole('button', { name: 'Download the saved data' }).isVisible()).toBe(true);
    const kept = await page.evaluate(() =>
      Object.keys(localStorage)
        .filter((key) => key.startsWith('source-quiz:history:backup:'))
        .map((key) => localStorage.getItem(key)),
    );
    expect(kept).toEqual(['{"state": {"history": [oops']);

    await page.goto(appUrl('/quiz/play?types=single&count=1&mode=practice&seed=review2'));
    await waitForQuestion(page, 'Question 1 of 1');
    const next = await currentQuestion();
    await answer(next.wrong);
    await page.goto(appUrl('/review'));
    await reviewList().getByRole('heading', { name: next.prompt }).waitFor();
  });
});
