import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuestionOfType } from '@/domain/question';
import { loadServerContent, passageKey } from '@/server/content/server-content';
import { appUrl, expectNoAxeViolations, launchBrowser, openPage, selectPassageWords } from './browser';

// Disputes end to end in Chromium against the real server: a student disputes a short-text answer
// with words selected in the passage, the teacher accepts the student's answer as a second right
// one, and the class report and the student's own feedback change.

const content = loadServerContent();
const question = [...content.current.values()]
  .map((versioned) => versioned.question)
  .find(
    (candidate): candidate is QuestionOfType<'short-text'> =>
      candidate.type === 'short-text' && candidate.citations.length === 1,
  );
if (!question) throw new Error('the banks have no short-text question citing one passage');
const cited = question.citations[0]!;
const passage = content.passages.get(passageKey(cited.source, cited.passage)) ?? '';
const EVIDENCE = cited.quote;
const GIVEN = 'An answer the key left out';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('disputes on the server', () => {
  it(
    'a student disputes with a selection; the teacher accepts an extra answer; the report and the result change',
    { timeout: 180_000 },
    async () => {
      expect(passage).toContain(EVIDENCE);
      const teacher = await openPage(browser);
      await teacher.goto(appUrl('/classroom'));
      const origin = new URL(appUrl('/')).origin;
      const email = `disputes-${Date.now().toString(36)}@school.example`;
      const signedUp = await teacher.request.post(appUrl('/api/auth/signup'), {
        data: { email, password: 'violet kettle harbour 1973' },
        headers: { origin },
      });
      expect(signedUp.status()).toBe(201);
      const created = await teacher.request.post(appUrl('/api/assignments'), {
        data: { title: 'Disputed', ids: [question.id], mode: 'practice', minutes: 0, sameOrder: true },
        headers: { origin },
      });
      expect(created.status()).toBe(201);
      const assignmentId = String(((await created.json()) as { assignment: { id: string } }).assignment.id);

      const student = await openPage(browser, { width: 390 });
      await student.goto(appUrl(`/s/${assignmentId}`));
      await student.getByLabel('Your name').fill('Ada Lovelace');
      await student.getByRole('button', { name: 'Start' }).click();
      await student.getByText('Question 1 of 1').waitFor();
      await student.getByRole('textbox').first().fill(GIVEN);
      await student.getByRole('button', { name: 'Check answer' }).click();
      const feedback = student.getByRole('region', { name: 'Feedback' });
      await feedback.getByText('Not right').waitFor();
      await student.getByRole('button', { name: 'Dispute this question' }).click();
      const form = student.getByRole('form', { name: 'Dispute this question' });
      await form.getByRole('radio', { name: 'Another answer is right too' }).check();
      await form.getByLabel('In a line, why').fill('My answer says the same as the passage.');
      await form.locator('.dispute__passage').getByText(EVIDENCE, { exact: false }).waitFor();
      await selectPassageWords(student, EVIDENCE);
      expect(await form.getByLabel('Words from the passage as evidence (optional)').inputValue()).toBe(
        EVIDENCE,
      );
      await expectNoAxeViolations(student, 'dispute form');
      await form.getByRole('button', { name: 'Send to my teacher' }).click();
      await student.getByText('Your dispute is with your teacher. Their reply appears here.').waitFor();

      await teacher.goto(appUrl('/teacher'));
      await teacher.getByRole('link', { name: 'Disputes' }).click();
      const card = teacher.getByRole('article', { name: 'Ada Lovelace · Disputed' });
      await card.waitFor();
      expect(await card.locator('mark').innerText()).toBe(EVIDENCE);
      await card.getByText('0 of 1 answers in this assignment are right').waitFor();
      await expectNoAxeViolations(teacher, 'teacher disputes');
      expect(await card.getByLabel('Additional answer to accept').inputValue()).toBe(GIVEN);
      await card.getByLabel('Your reply to the learner').fill('You are right: accepted.');
      await card.getByRole('button', { name: 'Accept and regrade everyone' }).click();
      await card.getByText(`Accepted by ${email}. Your reply: “You are right: accepted.”`).waitFor();
      await card.getByText('1 of 1 answers in this assignment are right').waitFor();

      await teacher.goto(appUrl(`/teacher/assignments/${assignmentId}/report`));
      const regrades = teacher.getByRole('region', { name: 'Regraded after disputes' });
      await regrades.getByText(`changed by ${email}`, { exact: false }).waitFor();
      // In the app's one written-out format, as on the assignment page, whatever the browser's locale.
      expect(await regrades.locator('caption').innerText()).toMatch(
        / on \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/,
      );
      const row = regrades.getByRole('row', { name: /Ada Lovelace/ });
      expect(await row.innerText()).toMatch(/Ada Lovelace\s+0 \(wrong\)\s+1 \(correct\)/);
      await expectNoAxeViolations(teacher, 'report with regrades');

      await student.reload();
      await student.getByRole('region', { name: 'Feedback' }).getByText('Correct').waitFor();
    },
  );
});
