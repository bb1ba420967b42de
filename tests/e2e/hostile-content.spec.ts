import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodeAssignment, encodeResult } from '@/content/classroom-codes';
import type { Assignment } from '@/domain/assignment';
import { appUrl, expectNoAxeViolations, launchBrowser, openPage, waitForQuestion } from './browser';

const SCRIPT = '<img src=x onerror="window.hacked=1"><script>window.hacked=2</script>';
// A name is at most 80 characters: a formula and a tag fit.
const FORMULA_NAME = '=HYPERLINK("http://e.x","go")<img src=x onerror="window.hacked=1">';

let browser: Browser;
let page: Page;
const dialogs: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
// Each test in a browser context of its own: no test reads what another left.
beforeEach(async () => {
  page = await openPage(browser);
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
});
afterEach(async () => {
  await page.context().close();
});
afterAll(async () => {
  expect(dialogs).toEqual([]);
  await browser.close();
});

/** Nothing the payloads carry may have become markup or run. */
async function expectInert(where: string): Promise<void> {
  expect(await page.evaluate(() => 'hacked' in window), `script ran on ${where}`).toBe(false);
  expect(await page.locator('main img[src="x"], main script').count(), `markup injected on ${where}`).toBe(0);
}

const assignment: Assignment = {
  title: `Week 9 ${SCRIPT}`,
  ids: ['diplomatic-relations-year', 'st-evfta-name'],
  mode: 'test',
  minutes: 0,
  sameOrder: true,
  seed: 'hostile1',
};

describe('hostile content is shown as text, never run', () => {
  it('in the class report, and its CSV neutralises formulas', async () => {
    const code = encodeResult({
      assignment,
      student: FORMULA_NAME,
      responses: [
        { type: 'year', text: '1973' },
        { type: 'short-text', text: `${SCRIPT}<b>EVFTA</b>` },
      ],
      finishedAt: 1,
    });
    await page.goto(appUrl('/classroom/report'));
    await page.getByLabel('Result codes', { exact: true }).fill(code);
    await page.getByRole('button', { name: 'Show the report' }).click();
    await page.getByRole('rowheader', { name: FORMULA_NAME }).waitFor();
    expect(await page.getByText(`${SCRIPT}<b>EVFTA</b> (1)`).isVisible()).toBe(true);
    await expectInert('the class report');
    await expectNoAxeViolations(page, 'class report with hostile content');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download as CSV' }).click();
    const csv = readFileSync(await (await download).path(), 'utf8');
    expect(csv).toContain(`\r\n"'=HYPERLINK(""http://e.x"",""go"")<img src=x onerror=""window.hacked=1"">",`);
  });

  it('in the assignment, the projector and the printed worksheet', async () => {
    const code = encodeAssignment(assignment);
    for (const path of ['/classroom/assignment', '/a', '/classroom/projector', '/classroom/print']) {
      await page.goto(appUrl(`${path}#${code}`));
      await page.getByText(`Week 9 ${SCRIPT}`).first().waitFor();
      await expectInert(path);
    }
  });

  it('in an imported question, from the review to the quiz', async () => {
    const aiken = `${SCRIPT} In which year were diplomatic relations established?\nA. 1973\nB. <b>1977</b>\nANSWER: A\n`;
    await page.goto(appUrl('/import'));
    await page
      .getByLabel('Question file')
      .setInputFiles({ name: 'hostile.txt', mimeType: 'text/plain', buffer: Buffer.from(aiken) });
    await page
      .getByRole('heading', { name: /In which year were diplomatic relations established/ })
      .waitFor();
    expect(await page.getByRole('heading', { name: /In which year/ }).textContent()).toContain('<script>');
    await expectInert('the import review');
    await page
      .getByLabel('Explanation (why the answer is right)')
      .fill(`${SCRIPT} Relations date from 1973.`);
    await page.getByLabel('history').check();
    await page.getByRole('button', { name: 'Accept with this citation' }).click();
    await page.getByText('Added to My questions.').waitFor();

    await page.goto(appUrl('/quiz/play?banks=my-questions&count=all&mode=practice&seed=hostile2'));
    await waitForQuestion(page, 'Question 1 of 1');
    expect(await page.getByRole('radio', { name: /<b>1977<\/b>/ }).count()).toBe(1);
    await page.getByRole('radio', { name: /<b>1977<\/b>/ }).check();
    await page.getByRole('button', { name: 'Check answer' }).click();
    await page
      .getByRole('region', { name: 'Feedback' })
      .getByText(`${SCRIPT} Relations date from 1973.`)
      .waitFor();
    await expectInert('the quiz');
  });
});
