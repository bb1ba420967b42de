import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerKey } from '@/engine/history';
import type { Progress } from '@/engine/progress';
import { largeProgress } from '../stores/large-history';
import {
  answersInDatabase,
  appUrl,
  expectNoAxeViolations,
  launchBrowser,
  newContext,
  waitForQuestion,
} from './browser';

const KEY = 'source-quiz:history';
const fixture = readFileSync('tests/fixtures/saved-state/history-v1.json', 'utf8');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function openProgress(page: Page, answers: RegExp): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
  await page.getByRole('heading', { name: 'Progress', level: 1 }).waitFor();
  await page.getByText(answers).first().waitFor();
}

/** Starts the new version on a browser that saved `saved` with the version before (localStorage). */
async function startWithSaved(saved: string): Promise<Page> {
  const context = await newContext(browser);
  const page = await context.newPage();
  // A page of the site that is not the app, so that nothing is read before the value is in place.
  await page.goto(appUrl('/manifest.webmanifest'));
  await page.evaluate(([key, value]) => localStorage.setItem(key ?? '', value ?? ''), [KEY, saved]);
  await page.goto(appUrl('/'));
  return page;
}

describe('the history kept in IndexedDB (real Chromium storage)', () => {
  it('migrates the version 1 history at the first start, then reads it from IndexedDB alone', async () => {
    const page = await startWithSaved(fixture);
    await openProgress(page, /^2 answers$/);
    await expectNoAxeViolations(page, 'progress after migrating');
    await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), KEY)).toBeNull();
    expect(await answersInDatabase(page)).toBe(2);
    await page.reload();
    await openProgress(page, /^2 answers$/);
    await page.context().close();
  });

  it('migrates a large history (5,000 answers) without losing one', async () => {
    const large = largeProgress(5_000);
    const page = await startWithSaved(JSON.stringify({ state: large, version: 1 }));
    await openProgress(page, /^5,?000 answers$/);
    await expect.poll(() => answersInDatabase(page)).toBe(5_000);
    expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBeNull();
    await page.reload();
    await openProgress(page, /^5,?000 answers$/);
    await page.context().close();
  });

  it('opens a database the first IndexedDB version (database version 1) wrote, and shows its history intact', async () => {
    const progress = (JSON.parse(fixture) as { state: Progress }).state;
    const context = await newContext(browser);
    const page = await context.newPage();
    // A page of the site that is not the app, so that the database is made before the app opens it.
    await page.goto(appUrl('/manifest.webmanifest'));
    await page.evaluate(
      ({ answers, attempts, questions, settings }) =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('source-quiz', 1);
          // The stores version 1 made, each record as it wrote them (src/stores/history-db.ts then).
          request.onupgradeneeded = () => {
            const db = request.result;
            db.createObjectStore('answers');
            db.createObjectStore('attempts', { keyPath: 'id' });
            db.createObjectStore('questions', { keyPath: 'key' });
            db.createObjectStore('resets', { keyPath: 'questionId' });
            db.createObjectStore('settings');
            db.createObjectStore('damaged', { autoIncrement: true });
            const tx = request.transaction;
            if (!tx) return;
            for (const [key, answer] of answers) tx.objectStore('answers').add(answer, key);
            for (const attempt of attempts) tx.objectStore('attempts').add(attempt);
            for (const [key, question] of questions) tx.objectStore('questions').add({ key, question });
            tx.objectStore('settings').put(settings, 'learner');
          };
          request.onsuccess = () => {
            request.result.close();
            resolve();
          };
          request.onerror = () => reject(request.error ?? new Error('not made'));
        }),
      {
        answers: progress.history.answers.map((answer) => [answerKey(answer), answer] as const),
        attempts: progress.history.attempts,
        questions: Object.entries(progress.history.questions),
        settings: progress.settings,
      },
    );

    await page.goto(appUrl('/'));
    await openProgress(page, /^2 answers$/);
    await expectNoAxeViolations(page, 'progress from a version 1 database');
    await page.getByText('in 1 quiz', { exact: true }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review' }).click();
    // The one answer that was wrong is there to review, as it was asked.
    await page
      .getByRole('heading', { name: 'Have Belgium and Vietnam had diplomatic relations since 1973?' })
      .waitFor();
    await expectNoAxeViolations(page, 'review from a version 1 database');
    expect(await page.getByRole('heading', { name: 'Which city is the capital of Vietnam?' }).count()).toBe(
      0,
    );

    // Upgraded in place: every record kept, the stores of later versions added.
    const upgraded = await page.evaluate(
      () =>
        new Promise<{ version: number; stores: string[] }>((resolve, reject) => {
          const request = indexedDB.open('source-quiz');
          request.onsuccess = () => {
            const db = request.result;
            resolve({ version: db.version, stores: [...db.objectStoreNames].sort() });
            db.close();
          };
          request.onerror = () => reject(request.error ?? new Error('no database'));
        }),
    );
    expect(upgraded.version).toBe(5);
    expect(upgraded.stores).toEqual(
      expect.arrayContaining(['schedules', 'regrades', 'quizAttempts', 'attemptPages', 'answers']),
    );
    expect(await answersInDatabase(page)).toBe(2);
    await page.reload();
    await openProgress(page, /^2 answers$/);
    await context.close();
  });

  it('keeps an answer the database had not yet taken when the page closed, and shows it at the next start', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(appUrl('/quiz/play?types=single&count=5&mode=practice&seed=closedatonce'));
    await waitForQuestion(page, 'Question 1 of 5');
    await answerInPractice(page);
    await expect.poll(() => answersInDatabase(page)).toBe(1);

    // Another connection holds the answers store in a transaction kept alive, so the app's next
    // write waits, as a slow disk would make it; the page then closes before that write commits.
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const request = indexedDB.open('source-quiz');
          request.onsuccess = () => {
            const store = request.result.transaction('answers', 'readwrite').objectStore('answers');
            const keepAlive = () => {
              store.get('none').onsuccess = keepAlive;
            };
            keepAlive();
            resolve();
          };
        }),
    );
    await page.getByRole('button', { name: 'Next question' }).click();
    await answerInPractice(page);
    await page.goto(appUrl('/'));
    await openProgress(page, /^2 answers$/);
    await expect.poll(() => answersInDatabase(page)).toBe(2);
    await context.close();
  });
});

/** Answers the practice question on screen with its first choice and waits for the feedback. */
async function answerInPractice(page: Page): Promise<void> {
  await page.getByRole('radio').first().check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await page.getByRole('region', { name: 'Feedback' }).waitFor();
}
