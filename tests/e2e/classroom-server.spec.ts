import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { answersInDatabase, appUrl, expectNoAxeViolations, launchBrowser, openPage } from './browser';

// The classroom server, end to end in Chromium: a teacher's account, class and assignment, students
// whose answers the server grades, results that arrive by themselves, and a closed assignment.

type BankQuestion = { type: string; prompt: string; choices?: string[]; answer: unknown };
const starter = parse(readFileSync('questions/banks/00-starter.yaml', 'utf8')) as {
  questions: BankQuestion[];
};

/** The choice text a student clicks: the right one, or any other (the test knows the bank; the page does not). */
function choiceFor(prompt: string, isRight: boolean): string {
  const question = starter.questions.find((entry) => entry.prompt === prompt);
  if (!question?.choices) throw new Error(`no single-choice question "${prompt}" in the Starter bank`);
  // YAML reads "78" as a number; the page shows text.
  const choice = question.choices.map(String).find((text) => (text === String(question.answer)) === isRight);
  if (!choice) throw new Error(`no ${isRight ? 'right' : 'wrong'} choice for "${prompt}"`);
  return choice;
}

const EMAIL = `teacher-${Date.now().toString(36)}@school.example`;
const PASSWORD = 'violet kettle harbour 1973';
const TITLE = 'Week 4: starter on the server';

let browser: Browser;
let teacher: Page;
let studentLink = '';
let assignmentPath = '';

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function studentPage(): Promise<Page> {
  return openPage(browser, { width: 390 });
}

/** Answers the question on screen (right or wrong) and moves on with the test-mode button. */
async function answer(page: Page, number: number, isRight: boolean, button: string): Promise<void> {
  await page.getByText(`Question ${number} of 3`).waitFor();
  const prompt = await page.locator('.question__prompt').innerText();
  await page.getByRole('radio', { name: choiceFor(prompt, isRight), exact: true }).check();
  await page.getByRole('button', { name: button }).click();
}

describe('classes on the server', () => {
  // One journey, one test: each step needs the account, class and assignment the steps before made.
  it(
    'a teacher signs up, builds a class and an assignment; two students finish it; results, report, closing, account',
    { timeout: 180_000 },
    async () => {
      teacher = await openPage(browser);
      await teacher.goto(appUrl('/classroom'));
      await teacher.getByRole('heading', { name: 'Classes on this server' }).waitFor();
      await expectNoAxeViolations(teacher, 'classroom with a server');
      await teacher.getByRole('link', { name: 'Create a teacher account' }).click();
      await teacher.getByRole('heading', { name: 'Create a teacher account' }).waitFor();
      await teacher.getByLabel('Email').fill(EMAIL);
      await teacher.getByLabel('Password').fill('password123');
      await teacher.getByRole('button', { name: 'Create the account' }).click();
      await teacher
        .getByRole('alert')
        .filter({ hasText: /password/i })
        .waitFor();
      await expectNoAxeViolations(teacher, 'sign-up with an error');
      await teacher.getByLabel('Password').fill(PASSWORD);
      await teacher.getByRole('button', { name: 'Create the account' }).click();
      await teacher.getByRole('heading', { name: 'My classes' }).waitFor();
      await expectNoAxeViolations(teacher, 'teacher home, empty');

      await teacher.getByRole('button', { name: 'Sign out' }).click();
      await teacher.getByRole('heading', { name: 'Teacher sign-in' }).waitFor();
      await expectNoAxeViolations(teacher, 'sign-in');
      const messages: string[] = [];
      for (const email of [EMAIL, `nobody-${EMAIL}`]) {
        await teacher.getByLabel('Email').fill(email);
        await teacher.getByLabel('Password').fill('not the password at all');
        await teacher.getByRole('button', { name: 'Sign in' }).click();
        const alert = teacher.locator('.notice--error');
        await alert.waitFor();
        messages.push(await alert.innerText());
        // A fresh page for the next try, so its message cannot be the one already shown.
        await teacher.reload();
        await teacher.getByRole('heading', { name: 'Teacher sign-in' }).waitFor();
      }
      expect(messages[0]).toBe('Wrong email or password.');
      expect(messages[1]).toBe(messages[0]);
      await teacher.getByLabel('Email').fill(EMAIL);
      await teacher.getByLabel('Password').fill(PASSWORD);
      await teacher.getByRole('button', { name: 'Sign in' }).click();
      await teacher.getByRole('heading', { name: 'My classes' }).waitFor();

      // Then it creates a class from a pasted roster and an assignment with the builder.
      await teacher.getByLabel('Class name').fill('4B');
      await teacher
        .getByLabel('Roster (optional)')
        .fill('Ada Lovelace\n\nAlan Turing\nGrace Hopper\nAda Lovelace\n');
      await teacher.getByRole('button', { name: 'Create the class' }).click();
      await teacher.getByText('Class “4B” created with 3 students.').waitFor();
      await teacher.getByText('3 students on the roster').click();
      expect(await teacher.locator('.teacher__roster li').allInnerTexts()).toEqual([
        'Ada Lovelace',
        'Alan Turing',
        'Grace Hopper',
      ]);
      await expectNoAxeViolations(teacher, 'teacher home with a class');

      await teacher.getByRole('link', { name: 'New assignment' }).click();
      await teacher.getByLabel('Title', { exact: true }).fill(TITLE);
      await teacher.getByLabel('Bank', { exact: true }).selectOption({ label: 'Starter' });
      await teacher.getByLabel('Type', { exact: true }).selectOption({ label: 'Single choice' });
      await teacher.getByRole('button', { name: 'Choose all shown' }).click();
      await teacher.getByText('(3 questions chosen, at most 200)').waitFor();
      await teacher.getByLabel(/^Class/).selectOption({ label: '4B' });
      await expectNoAxeViolations(teacher, 'server assignment builder');
      await teacher.getByRole('button', { name: 'Create the assignment' }).click();
      await teacher.getByRole('img', { name: /QR code of the link/ }).waitFor();
      studentLink = await teacher.getByLabel('Link for students').inputValue();
      assignmentPath = new URL(teacher.url()).pathname;
      // The link carries only the assignment's random id: no questions, no answers.
      expect(studentLink).toMatch(/\/s\/[A-Za-z0-9_-]{22}$/);
      await teacher.getByText('0 attempts started, 0 finished.').waitFor();
      await expectNoAxeViolations(teacher, 'server assignment page');

      // Then it two students finish it, one going offline halfway, and their results reach the teacher by themselves.
      // Ada: every answer right.
      const ada = await studentPage();
      await ada.goto(studentLink);
      await ada.getByRole('heading', { name: TITLE }).waitFor();
      await expectNoAxeViolations(ada, 'student start');
      await ada.getByLabel('Your name').selectOption('Ada Lovelace');
      await ada.getByRole('button', { name: 'Start' }).click();
      await ada.getByText(/Your resume code: [A-Z0-9]{5}-[A-Z0-9]{5}/).waitFor();
      await expectNoAxeViolations(ada, 'student question');
      // Before answering, the device holds no answer key: nothing saved names the right choice.
      const savedBefore = await ada.evaluate(() => localStorage.getItem('source-quiz:server-attempts') ?? '');
      expect(savedBefore).not.toContain('"answer"');
      expect(savedBefore).not.toContain('explanation');
      await answer(ada, 1, true, 'Save and continue');
      await answer(ada, 2, true, 'Save and continue');
      await answer(ada, 3, true, 'Save and hand in');
      await ada.getByRole('heading', { name: 'Your results' }).waitFor();
      expect(await ada.locator('.results__percent').innerText()).toBe('100%');
      await expectNoAxeViolations(ada, 'student results');

      // The teacher's page, untouched, shows Ada finished.
      const adaRow = teacher.getByRole('row', { name: /Ada Lovelace/ });
      await adaRow.getByText('Finished').waitFor({ timeout: 15_000 });
      expect(await adaRow.getByRole('cell').last().innerText()).toBe('3 of 3');

      // A student not on the roster types a name; loses the network after the first answer.
      const zed = await studentPage();
      await zed.goto(studentLink);
      // The service worker, once in control, serves the app when the network is gone.
      await zed.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      await zed.reload();
      await zed.waitForFunction(() => navigator.serviceWorker.controller !== null);
      await zed.getByLabel('Your name').selectOption({ label: 'My name is not on the list' });
      await zed.getByLabel('Type your name').fill('Zed Newcomer');
      await zed.getByRole('button', { name: 'Start' }).click();
      await answer(zed, 1, true, 'Save and continue');
      await zed.getByText('Question 2 of 3').waitFor();
      // The first answer reaches the teacher's page by itself; only then does the network go, so no
      // request is caught halfway by the switch (a real phone has no such switch).
      await teacher
        .getByRole('row', { name: /Zed Newcomer/ })
        .getByText('1 of 3')
        .waitFor({ timeout: 30_000 });
      await zed.context().setOffline(true);
      await answer(zed, 2, false, 'Save and continue');
      await zed
        .getByText(/1 answer saved on this device, waiting to be sent: you seem to be offline/)
        .waitFor();
      // Offline, a reload resumes: the app from the service worker, the attempt and its queue from the device.
      await zed.reload();
      await zed.getByText('Question 3 of 3').waitFor();
      await zed
        .getByText(/1 answer saved on this device, waiting to be sent: you seem to be offline/)
        .waitFor();
      await zed.context().setOffline(false);
      await zed.getByText(/waiting to be sent/).waitFor({ state: 'detached', timeout: 15_000 });
      // The answer kept while offline arrives on the teacher's page by itself too.
      await teacher
        .getByRole('row', { name: /Zed Newcomer/ })
        .getByText('2 of 3')
        .waitFor({ timeout: 30_000 });
      // A reload resumes the same attempt at the same question.
      await zed.reload();
      await zed.getByText('Question 3 of 3').waitFor();
      await answer(zed, 3, false, 'Save and hand in');
      await zed.getByRole('heading', { name: 'Your results' }).waitFor();
      expect(await zed.locator('.results__percent').innerText()).toBe('33%');
      // The answers landed in the student's own history too, so Review knows the questions missed.
      await expect.poll(() => answersInDatabase(zed)).toBeGreaterThanOrEqual(3);

      const zedRow = teacher.getByRole('row', { name: /Zed Newcomer/ });
      await zedRow.getByText('Finished').waitFor({ timeout: 15_000 });
      expect(await zedRow.getByRole('cell').last().innerText()).toBe('1 of 3');
      await teacher.getByText('2 attempts started, 2 finished.').waitFor();
      await ada.context().close();
      await zed.context().close();

      // Then it opens the class report and downloads its CSV.
      await teacher.getByRole('link', { name: 'Class report' }).click();
      await teacher.getByRole('heading', { name: /2 students, average 67%/ }).waitFor();
      await expectNoAxeViolations(teacher, 'server class report');
      const download = teacher.waitForEvent('download');
      await teacher.getByRole('link', { name: 'Download as CSV' }).click();
      const csv = readFileSync(await (await download).path(), 'utf8');
      expect(csv.startsWith('\uFEFFStudent,Q1 ')).toBe(true);
      expect(csv).toContain('\r\nAda Lovelace,1,1,1,3,3,100\r\n');
      expect(csv).toMatch(/\r\nZed Newcomer,(1,0,0|0,1,0|0,0,1),1,3,33\r\n/);

      // Then it tells a third student that the assignment has closed.
      await teacher.goto(appUrl(assignmentPath));
      await teacher.getByRole('button', { name: 'Close it now' }).click();
      await teacher
        .getByText(/closed /)
        .first()
        .waitFor();
      const grace = await studentPage();
      await grace.goto(studentLink);
      const alert = grace.getByRole('alert');
      await alert.waitFor();
      expect(await alert.innerText()).toMatch(/^This assignment closed on .+; it no longer takes answers\./);
      expect(await grace.getByRole('button', { name: 'Start' }).count()).toBe(0);
      await expectNoAxeViolations(grace, 'closed assignment');
      await grace.context().close();

      // Then it downloads the teacher’s data and deletes the account.
      await teacher.goto(appUrl('/teacher/account'));
      await teacher.getByRole('heading', { name: 'My account', exact: true }).waitFor();
      await expectNoAxeViolations(teacher, 'teacher account');
      const dataDownload = teacher.waitForEvent('download');
      await teacher.getByRole('link', { name: 'Download my data' }).click();
      const data = readFileSync(await (await dataDownload).path(), 'utf8');
      expect(data).toContain(EMAIL);
      expect(data).toContain('Grace Hopper');
      expect(data).not.toContain(PASSWORD);
      await teacher.getByLabel('Your password, to confirm').fill('not my password');
      await teacher.getByRole('button', { name: 'Delete my account and all its data' }).click();
      await teacher.locator('.notice--error').waitFor();
      await teacher.getByLabel('Your password, to confirm').fill(PASSWORD);
      await teacher.getByRole('button', { name: 'Delete my account and all its data' }).click();
      await teacher.getByRole('heading', { name: 'Teacher sign-in' }).waitFor();
      const gone = await teacher.evaluate(async () => (await fetch('/api/assignments')).status);
      expect(gone).toBe(401);
      await teacher.getByLabel('Email').fill(EMAIL);
      await teacher.getByLabel('Password').fill(PASSWORD);
      await teacher.getByRole('button', { name: 'Sign in' }).click();
      await teacher.locator('.notice--error').waitFor();
      expect(await teacher.locator('.notice--error').innerText()).toBe('Wrong email or password.');
    },
  );
});
