import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appUrl,
  expectNoAxeViolations,
  launchBrowser,
  openPage,
  selectPassageWords,
  waitForQuestion,
} from './browser';
import { latestSavedQuiz } from './saved-quiz';

// A dispute in solo practice, with no server: filed beside the feedback with words selected in the
// passage, listed under Progress → My disputes, downloaded as text for the bank's authors, and still
// there after a reload.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

type SavedQuiz = {
  state: {
    session: {
      questions: {
        question: {
          id: string;
          bank: string;
          prompt: string;
          answer: string;
          choices: { id: string; text: string }[];
          citations: { source: string; passage: string; quote: string }[];
        };
      }[];
    };
  };
};

describe('a dispute in solo practice', () => {
  it(
    'is filed with a selection, listed under My disputes, downloaded as text, and kept after a reload',
    { timeout: 120_000 },
    async () => {
      const page = await openPage(browser, { width: 390 });
      await page.goto(appUrl('/quiz/play?types=single&count=1&mode=practice&seed=solodispute1'));
      await waitForQuestion(page, 'Question 1 of 1');
      const saved = await latestSavedQuiz<SavedQuiz>(page);
      const question = saved.state.session.questions[0]?.question;
      const citation = question?.citations[0];
      if (!question || !citation) throw new Error('no question with a citation was saved');
      const wrong = question.choices.find((choice) => choice.id !== question.answer)?.text ?? '';

      await page.getByRole('radio', { name: wrong }).check();
      await page.getByRole('button', { name: 'Check answer' }).click();
      await page.getByRole('region', { name: 'Feedback' }).getByText('Not right').waitFor();
      await page.getByRole('button', { name: 'Dispute this question' }).click();
      const form = page.getByRole('form', { name: 'Dispute this question' });
      await form.locator('.dispute__passage').filter({ hasText: citation.quote }).first().waitFor();
      await form.getByRole('radio', { name: 'Another answer is right too' }).check();
      await form.getByLabel('In a line, why').fill('The passage allows my answer too.');
      await selectPassageWords(page, citation.quote);
      expect(await form.getByLabel('Words from the passage as evidence (optional)').inputValue()).toBe(
        citation.quote,
      );
      await expectNoAxeViolations(page, 'the quiz feedback with the dispute form open');
      await form.getByRole('button', { name: 'Save on this device' }).click();
      await page.getByText('Your dispute is saved on this device.').waitFor();
      // Saving stays on the question: it did not go on to the results.
      expect(await page.getByRole('button', { name: 'See your results' }).isVisible()).toBe(true);

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
      const section = page.getByRole('region', { name: 'My disputes' });
      const item = section.getByRole('listitem').filter({ hasText: question.prompt });
      await item.waitFor();
      expect(await item.textContent()).toContain(
        'Another answer is right too — “The passage allows my answer too.”',
      );
      expect(await item.locator('blockquote').textContent()).toBe(citation.quote);
      await expectNoAxeViolations(page, 'Progress with My disputes');

      const download = page.waitForEvent('download');
      await section.getByRole('button', { name: 'Download as text' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/^source-quiz-disputes-\d{4}-\d{2}-\d{2}\.txt$/);
      const text = readFileSync(await file.path(), 'utf8');
      expect(text).toContain(`1. Question ${question.id} in bank ${question.bank} (version ${question.id}@`);
      expect(text).toContain('   What is wrong: Another answer is right too');
      expect(text).toContain(`   My answer: ${wrong}`);
      expect(text).toContain('   Why: The passage allows my answer too.');
      expect(text).toContain(`passage ${citation.passage} [`);
      expect(text).toContain(`“${citation.quote.replace(/\s+/g, ' ')}”`);

      await page.reload();
      await page.getByRole('heading', { name: 'Progress', level: 1 }).waitFor();
      await page
        .getByRole('region', { name: 'My disputes' })
        .getByRole('listitem')
        .filter({ hasText: question.prompt })
        .waitFor();
      expect(await page.getByText(/could not be read/).count()).toBe(0);
      const backup = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Download a backup' }).click();
      const backupText = readFileSync(await (await backup).path(), 'utf8');
      expect(JSON.parse(backupText)).toMatchObject({
        version: 2,
        disputes: [{ questionId: question.id, kind: 'second-answer', selection: { quote: citation.quote } }],
      });
    },
  );
});
