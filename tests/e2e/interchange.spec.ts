import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrl, expectNoAxeViolations, launchBrowser, newContext } from './browser';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await (await newContext(browser)).newPage();
});
afterAll(async () => {
  await browser.close();
});

const GIFT = `::relations-year:: In which year did Belgium and Vietnam officially establish diplomatic relations? {#1973}
`;

describe('exporting and importing questions', () => {
  it('downloads the questions in every format, listing what a format cannot express', async () => {
    await page.goto(appUrl('/export'));
    await page.getByRole('heading', { name: 'Export questions' }).waitFor();
    await expectNoAxeViolations(page, 'export');
    const expected = {
      gift: /^source-quiz.*\.gift$/,
      'moodle-xml': /^source-quiz.*\.xml$/,
      qti: /^source-quiz.*\.zip$/,
      aiken: /^source-quiz.*\.txt$/,
      csv: /^source-quiz.*\.csv$/,
      json: /^source-quiz.*\.json$/,
    };
    for (const [format, name] of Object.entries(expected)) {
      await page.getByLabel('Format').selectOption(format);
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Download' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(name);
      const path = await file.path();
      const bytes = readFileSync(path);
      expect(bytes.length).toBeGreaterThan(1000);
      if (format === 'gift') expect(bytes.toString('utf8')).toContain('$CATEGORY:');
      if (format === 'qti') expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      // Aiken has single choice only: everything else is listed, question by question.
      const skipped = await page.getByText(/could not be expressed in this format/).count();
      expect(skipped).toBe(format === 'aiken' ? 1 : 0);
    }
  });

  it('imports a GIFT question, proposes its passage, and puts it in a quiz once accepted', async () => {
    await page.goto(appUrl('/import'));
    await page
      .getByLabel('Question file')
      .setInputFiles({ name: 'mine.gift', mimeType: 'text/plain', buffer: Buffer.from(GIFT) });
    await page.getByText(/mine\.gift \(gift\): 1 draft, 0 questions not imported\./).waitFor();
    const firstProposal = page.getByRole('radio').first();
    expect(await firstProposal.isChecked()).toBe(true);
    expect(await page.locator('.draft__proposal').first().textContent()).toContain(
      'Development cooperation, diplomatic-relations',
    );
    await page
      .getByLabel('Explanation (why the answer is right)')
      .fill('Relations were established in March 1973.');
    await expectNoAxeViolations(page, 'import review');
    await page.getByRole('button', { name: 'Accept with this citation' }).click();
    await page.getByText('Added to My questions.').waitFor();

    await page.goto(appUrl('/quiz/play?banks=my-questions&count=all&mode=practice&seed=mine1'));
    await page.getByText('Question 1 of 1').waitFor();
    await page.getByLabel('Year').fill('1973');
    await page.keyboard.press('Enter');
    const feedback = page.getByRole('region', { name: 'Feedback' });
    await feedback.getByText('Correct').waitFor();
    expect(await feedback.locator('.citation__quote').textContent()).toContain('1973');
  });

  it('rejects a quote that is not in the chosen passage', async () => {
    await page.goto(appUrl('/import'));
    await page
      .getByLabel('Question file')
      .setInputFiles({ name: 'mine.gift', mimeType: 'text/plain', buffer: Buffer.from(GIFT) });
    await page.getByLabel('Explanation (why the answer is right)').fill('Relations date from 1973.');
    await page
      .getByLabel('Quote (the exact words that prove the answer)')
      .fill('relations on March 23, 1973');
    await page.getByRole('button', { name: 'Accept with this citation' }).click();
    await page.getByText('Not added: the quote is not word for word in the passage.').waitFor();
  });

  it('names the line of a broken question and imports the rest', async () => {
    await page.goto(appUrl('/import'));
    const text = `${GIFT}\n::broken:: Which one? {=A ~B\n\n::fine:: Is the sky blue? {T}\n`;
    await page
      .getByLabel('Question file')
      .setInputFiles({ name: 'mixed.gift', mimeType: 'text/plain', buffer: Buffer.from(text) });
    await page.getByText(/mixed\.gift \(gift\): 2 drafts, 1 question not imported\./).waitFor();
    expect(await page.locator('.import__problems .notice--error').first().textContent()).toMatch(/^Line 3/);
  });
});
