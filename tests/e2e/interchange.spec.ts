import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '@/build/load-content';
import { readContentFiles } from '@/build/read-content-files';
import type { Content } from '@/domain/content';
import { z } from 'zod';
import { questionSchema } from '@/content/question-schema';
import type { Question } from '@/domain/question';
import { importAiken } from '@/formats/import-aiken';
import { importCsv } from '@/formats/import-csv';
import { importGift } from '@/formats/import-gift';
import { appUrl, expectNoAxeViolations, launchBrowser, openPage, waitForQuestion } from './browser';

let browser: Browser;
let content: Content;
let page: Page | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
  // What the built app serves: the same banks, read and checked by the same loader.
  content = loadContent(readContentFiles(process.cwd())).content;
});
afterEach(async () => {
  await page?.context().close();
  page = undefined;
});
afterAll(async () => {
  await browser.close();
});

/** A fresh browser context for each test, with `storage` saved before the app starts. */
async function open(path: string, storage?: Record<string, unknown>): Promise<Page> {
  page = await openPage(browser, { storage });
  await page.goto(appUrl(path));
  return page;
}

const GIFT = `::relations-year:: In which year did Belgium and Vietnam officially establish diplomatic relations? {#1973}
`;
const sorted = (items: Iterable<string>) => [...items].sort();
const isAikenQuestion = (question: Question) => question.type === 'single' || question.type === 'true-false';

/** Downloads the questions in `format` and returns the file's name and bytes. */
async function download(on: Page, format: string): Promise<{ name: string; bytes: Buffer }> {
  await on.getByLabel('Format').selectOption(format);
  const started = on.waitForEvent('download');
  await on.getByRole('button', { name: 'Download' }).click();
  const file = await started;
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

describe('exporting questions', () => {
  it('downloads every question in each of the six formats, each file holding them', async () => {
    const on = await open('/export');
    await on.getByRole('heading', { name: 'Export questions' }).waitFor();
    await expectNoAxeViolations(on, 'export');
    const ids = sorted(content.questions.map((question) => question.id));
    const promptsOf = (questions: readonly { prompt: string }[]) => sorted(questions.map((q) => q.prompt));
    const skippedNotice = on.getByText(/could not be expressed in this format/);

    const json = await download(on, 'json');
    expect(json.name).toBe('source-quiz.json');
    const document: unknown = JSON.parse(json.bytes.toString('utf8'));
    expect(document).toMatchObject({ format: 'source-quiz', sources: content.sources });
    // Every question is one the app would load again, checked by its own schema.
    const { questions } = z.object({ questions: z.array(questionSchema) }).parse(document);
    const exported = new Map(questions.map((question) => [question.id, question]));
    expect(sorted(exported.keys())).toEqual(ids);
    for (const question of content.questions) expect(exported.get(question.id)).toEqual(question);
    await expect.poll(() => skippedNotice.count()).toBe(0);

    const gift = await download(on, 'gift');
    expect(gift.name).toBe('source-quiz.gift');
    const giftText = gift.bytes.toString('utf8');
    expect(giftText).toContain('$CATEGORY:');
    for (const id of ids) expect(giftText).toContain(`::${id}::`);
    expect(importGift(giftText).drafts).toHaveLength(ids.length);

    const xml = await download(on, 'moodle-xml');
    expect(xml.name).toBe('source-quiz-moodle.xml');
    const xmlText = xml.bytes.toString('utf8');
    const named = [...xmlText.matchAll(/<name>\s*<text>([^<]+)<\/text>\s*<\/name>/g)].map(
      (match) => match[1]!,
    );
    expect(sorted(named)).toEqual(ids);

    const qti = await download(on, 'qti');
    expect(qti.name).toBe('source-quiz-qti.zip');
    const entries = unzipSync(qti.bytes);
    expect(sorted(Object.keys(entries))).toEqual(
      sorted(['imsmanifest.xml', ...ids.map((id) => `items/${id}.xml`)]),
    );
    for (const id of ids) expect(strFromU8(entries[`items/${id}.xml`]!)).toContain(`identifier="${id}"`);
    expect(strFromU8(entries['imsmanifest.xml']!)).toContain('imsqti_item_xmlv3p0');

    const csv = await download(on, 'csv');
    expect(csv.name).toBe('source-quiz.csv');
    expect(promptsOf(importCsv(csv.bytes.toString('utf8')).drafts)).toEqual(promptsOf(content.questions));
    await expect.poll(() => skippedNotice.count()).toBe(0);

    // Aiken has single choice only: everything else is listed, question by question.
    const aiken = await download(on, 'aiken');
    expect(aiken.name).toBe('source-quiz-aiken.txt');
    const expressible = content.questions.filter(isAikenQuestion);
    expect(promptsOf(importAiken(aiken.bytes.toString('utf8')).drafts)).toEqual(promptsOf(expressible));
    await skippedNotice.waitFor();
    expect(await on.locator('.interchange__outcome li').count()).toBe(ids.length - expressible.length);
  });

  it('offers My questions saved on this device as a bank of its own, and exports them', async () => {
    const source = content.questions.find((question) => question.type === 'year')!;
    const mine = { ...source, id: 'mine-seeded', bank: 'my-questions', prompt: `Mine: ${source.prompt}` };
    const on = await open('/export', {
      'source-quiz:my-questions': { state: { questions: [mine] }, version: 1 },
    });
    await on.getByRole('radio', { name: 'One bank' }).check();
    await on.getByRole('combobox', { name: 'Bank' }).selectOption('my-questions');
    const json = await download(on, 'json');
    expect(json.name).toBe('my-questions.json');
    expect(JSON.parse(json.bytes.toString('utf8'))).toMatchObject({ questions: [mine] });
  });
});

describe('importing questions', () => {
  it('imports a GIFT question, proposes its passage, and puts it in a quiz once accepted', async () => {
    const on = await open('/import');
    await on
      .getByLabel('Question file')
      .setInputFiles({ name: 'mine.gift', mimeType: 'text/plain', buffer: Buffer.from(GIFT) });
    await on.getByText(/mine\.gift \(gift\): 1 draft, 0 questions not imported\./).waitFor();
    expect(await on.getByRole('radio').first().isChecked()).toBe(true);
    expect(await on.locator('.draft__proposal').first().textContent()).toContain(
      'Development cooperation, diplomatic-relations',
    );
    await on
      .getByLabel('Explanation (why the answer is right)')
      .fill('Relations were established in March 1973.');
    await expectNoAxeViolations(on, 'import review');
    await on.getByRole('button', { name: 'Accept with this citation' }).click();
    await on.getByText('Added to My questions.').waitFor();

    await on.goto(appUrl('/quiz/play?banks=my-questions&count=all&mode=practice&seed=mine1'));
    await waitForQuestion(on, 'Question 1 of 1');
    await on.getByLabel('Year').fill('1973');
    await on.keyboard.press('Enter');
    const feedback = on.getByRole('region', { name: 'Feedback' });
    await feedback.getByText('Correct').waitFor();
    expect(await feedback.locator('.citation__quote').textContent()).toContain('1973');
  });

  it('rejects a quote that is not in the chosen passage, and keeps nothing', async () => {
    const on = await open('/import');
    await on
      .getByLabel('Question file')
      .setInputFiles({ name: 'mine.gift', mimeType: 'text/plain', buffer: Buffer.from(GIFT) });
    await on.getByLabel('Explanation (why the answer is right)').fill('Relations date from 1973.');
    await on.getByLabel('Quote (the exact words that prove the answer)').fill('relations on March 23, 1973');
    await on.getByRole('button', { name: 'Accept with this citation' }).click();
    await on.getByText('Not added: the quote is not word for word in the passage.').waitFor();
    await on.getByText('None yet. Accepted questions appear here and in the quiz.').waitFor();
  });

  it('names the line of a broken question and imports the rest', async () => {
    const on = await open('/import');
    const text = `${GIFT}\n::broken:: Which one? {=A ~B\n\n::fine:: Is the sky blue? {T}\n`;
    await on
      .getByLabel('Question file')
      .setInputFiles({ name: 'mixed.gift', mimeType: 'text/plain', buffer: Buffer.from(text) });
    await on.getByText(/mixed\.gift \(gift\): 2 drafts, 1 question not imported\./).waitFor();
    await expect
      .poll(() => on.locator('.import__problems .notice--error').first().textContent())
      .toMatch(/^mixed\.gift, line 3,/);
  });
});

describe('importing a large file', () => {
  /** About 5 MB of GIFT: 40,000 single-choice and year questions. */
  function largeGift(): Buffer {
    const blocks: string[] = [];
    for (let n = 0; blocks.join('').length < 5_000_000; n += 1) {
      const chunk = Array.from(
        { length: 1000 },
        (_, i) =>
          `::big-${n}-${i}:: Which colour is number ${n * 1000 + i} in the big test file? {=Blue ~Red ~Green}\n\n` +
          `::year-${n}-${i}:: In which year did event ${n * 1000 + i} of the big test file happen? {#1973}\n\n`,
      );
      blocks.push(chunk.join(''));
    }
    return Buffer.from(blocks.join(''));
  }

  it(
    'reads it in the background with progress, cancels, then reads it again to the end',
    { timeout: 300_000 },
    async () => {
      const file = { name: 'big.gift', mimeType: 'text/plain', buffer: largeGift() };
      expect(file.buffer.length).toBeGreaterThan(5_000_000);
      const on = await open('/import');
      const input = on.getByLabel('Question file');
      await input.setInputFiles(file);
      await on.getByRole('progressbar', { name: 'Reading big.gift…' }).waitFor();
      // Announced by quarters: on a busy machine the first one shown may be past 25%.
      await on.getByText(/^(25|50|75)% read\.$/).waitFor({ timeout: 120_000 });
      // The page answers while the worker reads: a frame is painted and a control reacts.
      expect(
        await on.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(true)))),
      ).toBe(true);
      await expectNoAxeViolations(on, 'import in progress');

      await on.getByRole('button', { name: 'Cancel' }).click();
      await on
        .getByText('Import of big.gift cancelled: nothing was imported from it. You can choose a file again.')
        .waitFor();
      expect(await on.getByRole('progressbar').count()).toBe(0);
      expect(await on.getByRole('heading', { level: 2, name: /^Drafts/ }).count()).toBe(0);
      expect(await input.evaluate((element) => element === document.activeElement)).toBe(true);

      await input.setInputFiles(file);
      await on
        .getByText(/^big\.gift \(gift\): [\d,]+ drafts, 0 questions not imported\.$/)
        .waitFor({ timeout: 240_000 });
      const heading = on.getByRole('heading', { level: 2, name: /^Drafts 1–50 of / });
      expect(await heading.textContent()).toMatch(/of (\d{2},\d{3})$/);
      expect(await on.locator('.draft').count()).toBe(50);
      await expectNoAxeViolations(on, 'large import done');
    },
  );
});
