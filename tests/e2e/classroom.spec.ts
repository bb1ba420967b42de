import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '@/build/load-content';
import { readContentFiles } from '@/build/read-content-files';
import { appUrl, expectNoAxeViolations, launchBrowser, openPage } from './browser';
import { latestSavedQuiz } from './saved-quiz';

let browser: Browser;

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
      questions: { question: { prompt: string; answer: string }; choiceOrder: string[] }[];
    };
  };
};

type Built = { teacher: Page; studentLink: string; assignmentUrl: string };

/**
 * A teacher in a browser of their own builds "Week 3: starter questions" (the starter bank's
 * single-choice questions), so each test starts from its own assignment and depends on no other.
 */
async function buildAssignment(checkPages = false): Promise<Built> {
  const teacher = await openPage(browser);
  await teacher.goto(appUrl('/classroom'));
  await teacher.getByRole('heading', { name: 'Classroom' }).waitFor();
  if (checkPages) await expectNoAxeViolations(teacher, 'classroom');
  await teacher.getByRole('link', { name: 'New assignment' }).click();
  await teacher.getByLabel('Title', { exact: true }).fill('Week 3: starter questions');
  await teacher.getByLabel('Bank', { exact: true }).selectOption({ label: 'Starter' });
  await teacher.getByLabel('Type', { exact: true }).selectOption({ label: 'Single choice' });
  await teacher.getByRole('button', { name: 'Choose all shown' }).click();
  await teacher.getByText('(3 questions chosen, at most 200)').waitFor();
  if (checkPages) await expectNoAxeViolations(teacher, 'assignment builder');
  await teacher.getByRole('button', { name: 'Create the assignment' }).click();
  await teacher.getByRole('img', { name: /QR code of the link/ }).waitFor();
  const studentLink = await teacher.getByLabel('Link for students').inputValue();
  return { teacher, studentLink, assignmentUrl: teacher.url() };
}

/**
 * Takes the assignment as one student in a fresh browser; right answers for `rightCount` questions.
 * Gives back the result code and the prompts in the order the student saw them.
 */
async function takeAs(
  studentLink: string,
  student: string,
  rightCount: number,
): Promise<{ code: string; prompts: string[] }> {
  const page = await openPage(browser, { width: 390 });
  await page.goto(studentLink);
  await page.getByRole('heading', { name: 'Week 3: starter questions' }).waitFor();
  await expectNoAxeViolations(page, 'student start');
  await page.getByLabel('Your name or nickname').fill(student);
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByText('Question 1 of 3').waitFor();
  const saved: Saved = await latestSavedQuiz<Saved>(page);
  const prompts = saved.state.session.questions.map((entry) => entry.question.prompt);
  for (const [index, entry] of saved.state.session.questions.entries()) {
    const isRight = index < rightCount;
    const position = entry.choiceOrder.findIndex((id) => (id === entry.question.answer) === isRight);
    await page.getByText(`Question ${index + 1} of 3`).waitFor();
    await page.keyboard.press(String(position + 1));
    await page.getByRole('button', { name: index === 2 ? 'Save and finish' : 'Save and continue' }).click();
  }
  await page.getByRole('heading', { name: 'Your results' }).waitFor();
  const code = await page.getByLabel('Result code', { exact: true }).inputValue();
  await expectNoAxeViolations(page, 'student results with result code');
  await page.context().close();
  return { code, prompts };
}

/** The prompts of the questions the builder chooses: the starter bank's single-choice questions. */
function starterSingleChoicePrompts(): string[] {
  const { content } = loadContent(readContentFiles(process.cwd()));
  const starter = content.banks.find((bank) => bank.title === 'Starter');
  if (!starter) throw new Error('no bank titled Starter');
  const prompts = content.questions
    .filter((question) => starter.questionIds.includes(question.id) && question.type === 'single')
    .map((question) => question.prompt);
  expect(prompts).toHaveLength(3);
  return prompts;
}

function pdfText(page: Page, path: string): Promise<string> {
  return page
    .pdf({ path, format: 'A4' })
    .then(() => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }));
}

describe('a class, from assignment to report', () => {
  it('builds an assignment and gets its link and QR code', async () => {
    const { teacher, studentLink } = await buildAssignment(true);
    expect(studentLink).toMatch(/\/a#A1\./);
    await expectNoAxeViolations(teacher, 'assignment share page');
  });

  it(
    'gives two students on two devices the same questions; the teacher reports from their codes, naming the bad line',
    { timeout: 180_000 },
    async () => {
      const { teacher, studentLink } = await buildAssignment();
      const ana = await takeAs(studentLink, 'Ana', 3);
      const binh = await takeAs(studentLink, 'Binh', 1);
      expect(ana.prompts).toHaveLength(3);
      expect(binh.prompts).toEqual(ana.prompts);
      expect([ana.code, binh.code].every((code) => code.startsWith('R1.'))).toBe(true);

      await teacher.goto(appUrl('/classroom/report'));
      await teacher
        .getByLabel('Result codes', { exact: true })
        .fill([ana.code, 'R1.garbled.code', binh.code, ana.code].join('\n'));
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
    },
  );

  it('prints a worksheet and its answer key', async () => {
    const { teacher, assignmentUrl } = await buildAssignment();
    const folder = mkdtempSync(join(tmpdir(), 'print-'));
    await teacher.goto(assignmentUrl.replace('/classroom/assignment', '/classroom/print'));
    await teacher.getByRole('heading', { name: 'Week 3: starter questions' }).waitFor();
    await expectNoAxeViolations(teacher, 'worksheet');
    const sheet = await pdfText(teacher, join(folder, 'sheet.pdf'));
    expect(sheet).toContain('Name:');
    expect(sheet).not.toContain('Print');
    for (const prompt of starterSingleChoicePrompts())
      expect(sheet.replace(/\s+/g, ' ')).toContain(prompt.slice(0, 40));

    await teacher.getByRole('link', { name: 'Show the answer key' }).click();
    await teacher.getByRole('heading', { name: /answer key/ }).waitFor();
    await expectNoAxeViolations(teacher, 'answer key');
    const key = (await pdfText(teacher, join(folder, 'key.pdf'))).replace(/\s+/g, ' ');
    expect(key).toContain('answer key');
    expect(key).toMatch(/passage [a-z0-9-]+/);
  });

  it('steps through projector mode by keyboard', async () => {
    const { teacher, assignmentUrl } = await buildAssignment();
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
    const teacher = await openPage(browser);
    await teacher.goto(appUrl('/classroom'));
    await teacher.getByLabel('Bank', { exact: true }).selectOption({ label: 'Milestones' });
    await teacher.getByLabel('Questions', { exact: true }).fill('4');
    await teacher.getByRole('button', { name: 'Start on the projector' }).click();
    await teacher.getByText('Question 1 of 4').waitFor();
    expect(await teacher.getByRole('heading', { level: 1 }).textContent()).toBe('Milestones');
  });

  it('rejects a tampered assignment link with a message', async () => {
    const { teacher, studentLink } = await buildAssignment();
    await teacher.goto(studentLink.replace(/.$/, (last) => (last === 'a' ? 'b' : 'a')));
    await teacher.getByRole('alert').filter({ hasText: 'damaged' }).waitFor();
  });
});
