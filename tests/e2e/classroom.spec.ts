import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrl, expectNoAxeViolations, launchBrowser, newContext } from './browser';

let browser: Browser;
let teacher: Page;
let studentLink = '';
let assignmentUrl = '';
const codes: string[] = [];
const ordersSeen: string[][] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  teacher = await (await newContext(browser)).newPage();
});
afterAll(async () => {
  await browser.close();
});

type Saved = {
  state: {
    session: {
      currentIndex: number;
      questions: { question: { prompt: string; answer: string }; choiceOrder: string[] }[];
    };
  };
};

/** Takes the assignment as one student in a fresh browser; right answers for `rightCount` questions. */
async function takeAs(student: string, rightCount: number): Promise<void> {
  const page = await (await newContext(browser, { width: 390 })).newPage();
  await page.goto(studentLink);
  await page.getByRole('heading', { name: 'Week 3: starter questions' }).waitFor();
  await expectNoAxeViolations(page, 'student start');
  await page.getByLabel('Your name or nickname').fill(student);
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByText('Question 1 of 3').waitFor();
  const saved: Saved = await page.evaluate(() =>
    JSON.parse(localStorage.getItem('source-quiz:quiz') ?? '{}'),
  );
  ordersSeen.push(saved.state.session.questions.map((entry) => entry.question.prompt));
  for (const [index, entry] of saved.state.session.questions.entries()) {
    const isRight = index < rightCount;
    const position = entry.choiceOrder.findIndex((id) => (id === entry.question.answer) === isRight);
    await page.getByText(`Question ${index + 1} of 3`).waitFor();
    await page.keyboard.press(String(position + 1));
    await page.getByRole('button', { name: index === 2 ? 'Save and finish' : 'Save and continue' }).click();
  }
  await page.getByRole('heading', { name: 'Your results' }).waitFor();
  codes.push(await page.getByLabel('Result code', { exact: true }).inputValue());
  await expectNoAxeViolations(page, 'student results with result code');
  await page.context().close();
}

function pdfText(page: Page, path: string): Promise<string> {
  return page
    .pdf({ path, format: 'A4' })
    .then(() => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }));
}

describe('a class, from assignment to report', () => {
  it('builds an assignment and gets its link and QR code', async () => {
    await teacher.goto(appUrl('/classroom'));
    await teacher.getByRole('heading', { name: 'Classroom' }).waitFor();
    await expectNoAxeViolations(teacher, 'classroom');
    await teacher.getByRole('link', { name: 'New assignment' }).click();
    await teacher.getByLabel('Title', { exact: true }).fill('Week 3: starter questions');
    await teacher.getByLabel('Bank', { exact: true }).selectOption({ label: 'Starter' });
    await teacher.getByLabel('Type', { exact: true }).selectOption({ label: 'Single choice' });
    await teacher.getByRole('button', { name: 'Choose all shown' }).click();
    expect(await teacher.getByText('(3 questions chosen, at most 200)').isVisible()).toBe(true);
    await expectNoAxeViolations(teacher, 'assignment builder');
    await teacher.getByRole('button', { name: 'Create the assignment' }).click();
    await teacher.getByRole('img', { name: /QR code of the link/ }).waitFor();
    studentLink = await teacher.getByLabel('Link for students').inputValue();
    assignmentUrl = teacher.url();
    expect(studentLink).toMatch(/\/a#A1\./);
    await expectNoAxeViolations(teacher, 'assignment share page');
  });

  it('gives two students on two devices the same questions, and each a result code', async () => {
    await takeAs('Ana', 3);
    await takeAs('Binh', 1);
    expect(ordersSeen[0]).toHaveLength(3);
    expect(ordersSeen[1]).toEqual(ordersSeen[0]);
    expect(codes.every((code) => code.startsWith('R1.'))).toBe(true);
  });

  it('reports on the class from the pasted codes, naming the bad line', async () => {
    await teacher.goto(appUrl('/classroom/report'));
    await teacher
      .getByLabel('Result codes', { exact: true })
      .fill([codes[0], 'R1.garbled.code', codes[1], codes[0]].join('\n'));
    await teacher.getByRole('button', { name: 'Show the report' }).click();
    await teacher.getByRole('heading', { name: /2 students, average 67%/ }).waitFor();
    expect(await teacher.getByText('Line 2: this result code is damaged').isVisible()).toBe(true);
    const rows = await teacher.getByRole('table').first().locator('tbody tr').allInnerTexts();
    expect(rows.map((row) => row.replace(/\s+/g, ' ').trim())).toEqual([
      'Ana 3 of 3 100%',
      'Binh 1 of 3 33%',
    ]);
    expect(
      await teacher.getByRole('heading', { name: 'Passages the class has not understood' }).isVisible(),
    ).toBe(true);
    await expectNoAxeViolations(teacher, 'class report');

    const download = teacher.waitForEvent('download');
    await teacher.getByRole('button', { name: 'Download as CSV' }).click();
    const csvPath = join(mkdtempSync(join(tmpdir(), 'report-')), 'report.csv');
    await (await download).saveAs(csvPath);
    const csv = readFileSync(csvPath, 'utf8');
    expect(csv.startsWith('\uFEFFStudent,Q1 ')).toBe(true);
    expect(csv).toContain('\r\nAna,1,1,1,3,3,100\r\n');
  });

  it('prints a worksheet and its answer key', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'print-'));
    await teacher.goto(assignmentUrl.replace('/classroom/assignment', '/classroom/print'));
    await teacher.getByRole('heading', { name: 'Week 3: starter questions' }).waitFor();
    await expectNoAxeViolations(teacher, 'worksheet');
    const sheet = await pdfText(teacher, join(folder, 'sheet.pdf'));
    expect(sheet).toContain('Name:');
    expect(sheet).not.toContain('Print');
    for (const prompt of ordersSeen[0] ?? [])
      expect(sheet.replace(/\s+/g, ' ')).toContain(prompt.slice(0, 40));

    await teacher.getByRole('link', { name: 'Show the answer key' }).click();
    await teacher.getByRole('heading', { name: /answer key/ }).waitFor();
    await expectNoAxeViolations(teacher, 'answer key');
    const key = (await pdfText(teacher, join(folder, 'key.pdf'))).replace(/\s+/g, ' ');
    expect(key).toContain('answer key');
    expect(key).toMatch(/passage [a-z0-9-]+/);
  });

  it('steps through projector mode by keyboard', async () => {
    await teacher.goto(assignmentUrl.replace('/classroom/assignment', '/classroom/projector'));
    await teacher.getByText('Question 1 of 3').waitFor();
    await expectNoAxeViolations(teacher, 'projector');
    await teacher.keyboard.press('r');
    await teacher.getByText(/^Answer: /).waitFor();
    await expectNoAxeViolations(teacher, 'projector with the answer revealed');
    await teacher.keyboard.press('ArrowRight');
    await teacher.getByText('Question 2 of 3').waitFor();
    expect(await teacher.getByText(/^Answer: /).count()).toBe(0);
    await teacher.keyboard.press('?');
    expect(await teacher.getByRole('region', { name: 'Keyboard controls' }).isVisible()).toBe(true);
    await teacher.keyboard.press('ArrowLeft');
    await teacher.getByText('Question 1 of 3').waitFor();
  });

  it('starts a quick quiz on the projector without an assignment', async () => {
    await teacher.goto(appUrl('/classroom'));
    await teacher.getByLabel('Bank', { exact: true }).selectOption({ label: 'Milestones' });
    await teacher.getByLabel('Questions', { exact: true }).fill('4');
    await teacher.getByRole('button', { name: 'Start on the projector' }).click();
    await teacher.getByText('Question 1 of 4').waitFor();
    expect(await teacher.getByRole('heading', { level: 1 }).textContent()).toBe('Milestones');
  });

  it('rejects a tampered assignment link with a message', async () => {
    await teacher.goto(studentLink.replace(/.$/, (last) => (last === 'a' ? 'b' : 'a')));
    await teacher.getByRole('alert').filter({ hasText: 'damaged' }).waitFor();
  });
});
