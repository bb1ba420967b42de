import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answersInDatabase, appUrl, expectNoAxeViolations, launchBrowser, openPage } from './browser';
import { learnerProgress } from './tampered-data';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function openProgress(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
  await page.getByRole('heading', { name: 'Progress', level: 1 }).waitFor();
}

/** After a reload (the next start), Progress shows this many answers and no saved data was set aside. */
async function expectAnswersAfterReload(page: Page, answers: number): Promise<void> {
  await page.reload();
  await page.getByRole('heading', { name: 'Progress', level: 1 }).waitFor();
  await page.getByText(`${answers} answer${answers === 1 ? '' : 's'}`, { exact: true }).waitFor();
  expect(await page.getByText(/could not be read/).count()).toBe(0);
}

async function readDownload(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const download = page.waitForEvent('download');
  await click();
  const file = await download;
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

type Outcome = { added: number } | { refused: string };

/** Imports `text` on Progress as a learner does: the file, what it would add, then "Add them". */
async function importFile(page: Page, name: string, text: string): Promise<Outcome> {
  await page.getByLabel('Import a backup…').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  const preview = page.getByRole('group', { name: 'Import' });
  const problem = page.getByRole('alert').filter({ hasText: 'Nothing was changed.' });
  const nothingNew = page.getByRole('status').filter({ hasText: 'Nothing to add' });
  await preview.or(problem).or(nothingNew).waitFor();
  if (await problem.isVisible()) return { refused: (await problem.textContent()) ?? '' };
  if (await nothingNew.isVisible()) return { added: 0 };
  await preview.getByRole('button', { name: 'Add them' }).click();
  const status = page.getByRole('status').filter({ hasText: /^Added / });
  await status.waitFor();
  const added = /and (\d+) answers? from the file/.exec((await status.textContent()) ?? '');
  if (!added?.[1]) throw new Error(`unexpected message: ${await status.textContent()}`);
  return { added: Number(added[1]) };
}

type Backup = {
  progress: {
    history: {
      attempts: Record<string, unknown>[];
      answers: Record<string, unknown>[];
      questions: Record<string, unknown>;
    };
    schedules: Record<string, Record<string, unknown>>;
    resets: Record<string, number>;
    settings: { targetRetention: number };
  };
};

/** Files a person could make from a real backup: plausible at a glance, hostile in the details. */
const HOSTILE: Record<string, (backup: Backup) => void> = {
  'a question keyed __proto__': ({ progress: { history } }) => {
    const [answer] = history.answers;
    const asked = String(answer?.asked);
    history.questions.__proto__ = history.questions[asked];
    history.answers.push({ ...answer, asked: '__proto__', answeredAt: Number(answer?.answeredAt) + 7000 });
  },
  'markup in an attempt id': ({ progress: { history } }) => {
    const [answer] = history.answers;
    const [attempt] = history.attempts;
    const id = '"><img src=x onerror=alert(1)>';
    history.attempts.push({ ...attempt, id, startedAt: Number(attempt?.startedAt) + 1000 });
    history.answers.push({ ...answer, attemptId: id, answeredAt: Number(answer?.answeredAt) + 3000 });
  },
  'the latest possible date': ({ progress: { history } }) => {
    const [answer] = history.answers;
    history.answers.push({ ...answer, answeredAt: Date.UTC(9999, 11, 31, 23, 59, 59, 999) });
  },
  'the same answer twice and an answer to an attempt not in the file': ({ progress: { history } }) => {
    const [answer] = history.answers;
    const changed = { ...answer, answeredAt: Number(answer?.answeredAt) + 9000 };
    history.answers.push(changed, { ...changed }, { ...changed, attemptId: 'no-such-attempt' });
  },
  'schedules and resets for constructor and unknown questions, huge numbers': ({ progress }) => {
    const [schedule] = Object.values(progress.schedules);
    // Keys every object inherits, as own keys of the file's records.
    Object.assign(progress.schedules, {
      constructor: { ...schedule, stability: Number.MAX_VALUE, reps: Number.MAX_SAFE_INTEGER },
    });
    progress.schedules['no-such-question'] = { ...schedule, due: 0 };
    Object.assign(progress.resets, { toString: 0 });
    progress.settings.targetRetention = 0.95;
  },
};

describe('a backup that the import accepts', () => {
  it(
    'round-trips: downloaded from Progress, imported as it is, edited by hand or made hostile, every answer is there at the next start',
    { timeout: 240_000 },
    async () => {
      const page = await openPage(browser);
      await page.goto(appUrl('/quiz/play?types=single&count=3&mode=practice&seed=backup1'));
      for (let index = 0; index < 3; index += 1) {
        await page.getByText(`Question ${index + 1} of 3`).waitFor();
        await page.getByRole('radio').first().check();
        await page.getByRole('button', { name: 'Check answer' }).click();
        await page.getByRole('region', { name: 'Feedback' }).waitFor();
        await page.getByRole('button', { name: index === 2 ? 'See your results' : 'Next question' }).click();
      }
      await page.getByRole('heading', { name: 'Your results' }).waitFor();
      await openProgress(page);
      await page.getByText('3 answers', { exact: true }).waitFor();
      const backup = await readDownload(page, () =>
        page.getByRole('button', { name: 'Download a backup' }).click(),
      );
      expect(backup.name).toMatch(/^source-quiz-progress-\d{4}-\d\d-\d\d\.json$/);
      await page
        .getByRole('status')
        .filter({ hasText: `Backup downloaded as ${backup.name}.` })
        .waitFor();
      await page.context().close();

      // Another device: the file as it is, then again (nothing new), then with an answer added by hand.
      const other = await openPage(browser);
      await other.goto(appUrl('/progress'));
      await other.getByText('0 answers', { exact: true }).waitFor();
      expect(await importFile(other, backup.name, backup.text)).toEqual({ added: 3 });
      await expectAnswersAfterReload(other, 3);
      await expectNoAxeViolations(other, 'progress after importing a backup');
      expect(await importFile(other, backup.name, backup.text)).toEqual({ added: 0 });

      const edited = JSON.parse(backup.text) as Backup;
      const [first] = edited.progress.history.answers;
      edited.progress.history.answers.push({ ...first, answeredAt: Number(first?.answeredAt) + 5000 });
      expect(await importFile(other, 'edited.json', JSON.stringify(edited))).toEqual({ added: 1 });
      await expectAnswersAfterReload(other, 4);

      // Whatever a hostile file gets in, the history it leaves is readable at the next start, whole.
      let expected = 4;
      const accepted: string[] = [];
      for (const [name, change] of Object.entries(HOSTILE)) {
        const hostile = JSON.parse(backup.text) as Backup;
        change(hostile);
        const outcome = await importFile(other, `${name}.json`, JSON.stringify(hostile));
        if ('added' in outcome) {
          expected += outcome.added;
          accepted.push(name);
        } else expect(outcome.refused, name).toMatch(/\.\s*Nothing was changed\.$/);
        await expectAnswersAfterReload(other, expected);
      }
      // Some hostile files are accepted: the check above is about what an accepted file leaves.
      expect(accepted.length).toBeGreaterThan(0);
      expect(await other.evaluate(() => document.querySelector('img[src="x"]'))).toBeNull();
      await other.context().close();
    },
  );
});

describe('the saved data the app offers to download after damage', () => {
  it('can be imported back, and brings back every answer that was not damaged', async () => {
    const progress = learnerProgress();
    const [answer] = progress.history.answers;
    if (!answer) throw new Error('no answer');
    // One answer with a score out of range: the whole saved history cannot be used as it is.
    progress.history.answers.push({
      ...answer,
      answeredAt: answer.answeredAt + 1,
      grade: { ...answer.grade, points: 7 },
    });
    const page = await openPage(browser, {
      storage: { 'source-quiz:history': { state: progress, version: 1 } },
    });
    await page.goto(appUrl('/progress'));
    await page.getByRole('heading', { name: 'Progress', level: 1 }).waitFor();
    const notice = page.getByRole('alert').filter({ hasText: 'could not be read' });
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(
      /copied aside and the app started afresh; you can download them/,
    );
    await expectNoAxeViolations(page, 'progress with damaged saved answers set aside');
    const kept = await readDownload(page, () =>
      notice.getByRole('button', { name: 'Download the saved data' }).click(),
    );
    expect(kept.name).toMatch(/kept-aside\.json$/);
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await page.getByText('0 answers', { exact: true }).waitFor();

    await page.getByLabel('Import a backup…').setInputFiles({
      name: kept.name,
      mimeType: 'application/json',
      buffer: Buffer.from(kept.text),
    });
    const preview = page.getByRole('group', { name: 'Import' });
    await preview.waitFor();
    expect(await preview.textContent()).toMatch(
      /This file \(saved answers \(1 damaged record left out\)\) would add 1 quiz and 2 answers/,
    );
    await preview.getByRole('button', { name: 'Add them' }).click();
    await page.getByRole('status').filter({ hasText: 'Added 1 quiz and 2 answers from the file.' }).waitFor();
    await expectAnswersAfterReload(page, 2);
    await page.context().close();
  });
});

const answersText = (count: number) => `${count} answer${count === 1 ? '' : 's'}`;

describe('the damaged records the database notice offers to download', () => {
  it('import back, checked and shown first, and bring back what was damaged only in how it was kept', async () => {
    const progress = learnerProgress();
    const total = progress.history.answers.length;
    const page = await openPage(browser, {
      storage: { 'source-quiz:history': { state: progress, version: 1 } },
    });
    await page.goto(appUrl('/progress'));
    await page.getByText(answersText(total), { exact: true }).waitFor();
    await expect.poll(() => answersInDatabase(page)).toBe(total);
    // One question's record filed under a wrong key, as a broken write or another program might leave it:
    // at the next start it cannot be used, and neither can the answers to it.
    const misfiled = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const request = indexedDB.open('source-quiz');
          request.onerror = () => reject(request.error ?? new Error('no database'));
          request.onsuccess = () => {
            const db = request.result;
            const tx = db.transaction(['answers', 'questions'], 'readwrite');
            const answers = tx.objectStore('answers').getAll();
            let count = 0;
            answers.onsuccess = () => {
              const all = answers.result as { asked: string }[];
              const asked = all[0]?.asked ?? '';
              count = all.filter((answer) => answer.asked === asked).length;
              const questions = tx.objectStore('questions');
              const record = questions.get(asked);
              record.onsuccess = () => {
                questions.delete(asked);
                questions.put({ ...(record.result as object), key: 'misfiled' });
              };
            };
            tx.oncomplete = () => {
              db.close();
              resolve(count);
            };
            tx.onerror = () => reject(tx.error ?? new Error('not written'));
          };
        }),
    );
    expect(misfiled).toBeGreaterThan(0);

    await page.reload();
    const notice = page.getByRole('alert').filter({ hasText: 'could not be read' });
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(`(${misfiled + 1} records)`);
    await expectNoAxeViolations(page, 'progress with damaged database records set aside');
    const kept = await readDownload(page, () =>
      notice.getByRole('button', { name: 'Download the saved data' }).click(),
    );
    expect(JSON.parse(kept.text)).toHaveProperty('damagedRecords');
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await page.getByText(answersText(total - misfiled), { exact: true }).waitFor();

    await page.getByLabel('Import a backup…').setInputFiles({
      name: kept.name,
      mimeType: 'application/json',
      buffer: Buffer.from(kept.text),
    });
    const preview = page.getByRole('group', { name: 'Import' });
    await preview.waitFor();
    expect(await preview.textContent()).toMatch(
      `This file (damaged records, all readable now) would add 0 quizzes and ${misfiled} answer`,
    );
    await expectNoAxeViolations(page, 'the import of damaged records, before it is confirmed');
    // Shown first: nothing has changed yet.
    await page.getByText(answersText(total - misfiled), { exact: true }).waitFor();
    await preview.getByRole('button', { name: 'Add them' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Added 0 quizzes and ${misfiled} answer` })
      .waitFor();
    await expectAnswersAfterReload(page, total);
    await page.context().close();
  });
});
