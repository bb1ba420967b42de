import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answersInDatabase, expectNoAxeViolations, launchBrowser, newContext } from './browser';
import { writeNextVersion } from './new-version';
import { startStaticHost, type StaticHost } from './static-host';

// A single-choice question of the built-in banks whose choices are, in order, a to d; the key is b.
const QUESTION_ID = 'ey-first-package-timing';
const PROMPT =
  'When did the Belgian Government approve its first package of technical assistance projects for Vietnam?';
const PICKED = 'When the Doi Moi reforms began'; // c: not right in this build

let browser: Browser;
let host: StaticHost;
let folder: string;

/** The next deploy, whose banks say c is the key of the question: a corrected key, as authors ship it. */
function writeCorrectedVersion(from: string, to: string): void {
  writeNextVersion(from, to);
  const assets = join(to, 'assets');
  let changed = 0;
  for (const name of readdirSync(assets).filter((file) => file.endsWith('.js'))) {
    const path = join(assets, name);
    const text = readFileSync(path, 'utf8');
    const start = text.indexOf(`{"id":"${QUESTION_ID}","bank"`);
    if (start < 0) continue;
    // The question index names it too, without a key: only the chunk holding the question changes.
    const key = text.indexOf('"answer":"b"', start);
    const next = text.indexOf('","bank":"', start + QUESTION_ID.length + 10); // the next question
    if (key < 0 || (next >= 0 && key > next)) continue;
    writeFileSync(path, `${text.slice(0, key)}"answer":"c"${text.slice(key + '"answer":"b"'.length)}`);
    changed += 1;
  }
  if (changed === 0) throw new Error(`${QUESTION_ID} is in no bank chunk`);
}

beforeAll(async () => {
  browser = await launchBrowser();
  folder = mkdtempSync(join(tmpdir(), 'sq-regrade-'));
  cpSync('dist', join(folder, 'v1'), { recursive: true });
  writeCorrectedVersion(join(folder, 'v1'), join(folder, 'v2'));
  host = await startStaticHost(join(folder, 'v1'));
});
afterAll(async () => {
  await host.close();
  await browser.close();
  rmSync(folder, { recursive: true, force: true });
});

const runsVersion2 = () => [...document.scripts].some((script) => script.src.includes('v2.js'));

describe('a corrected question reaching a learner’s device', () => {
  it('regrades their stored answer with the new version and Review shows what it was and what it is', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${host.url}/quiz/play?ids=${QUESTION_ID}&count=all&mode=practice&seed=regrade1`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.getByRole('radio', { name: PICKED }).check();
    await page.getByRole('button', { name: 'Check answer' }).click();
    await page.getByRole('region', { name: 'Feedback' }).getByText('Not right').waitFor();
    await page.getByRole('button', { name: 'See your results' }).click();
    await page.getByRole('heading', { name: 'Your results' }).waitFor();
    await expect.poll(() => answersInDatabase(page)).toBe(1);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review' }).click();
    const mistakes = page.getByRole('region', { name: 'Questions you get wrong' });
    await mistakes.getByRole('heading', { name: PROMPT }).waitFor();

    // The authors correct the key; the learner accepts the new version.
    host.serveFrom(join(folder, 'v2'));
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    await page.getByRole('button', { name: 'Reload now' }).click();
    await page.waitForFunction(runsVersion2);

    const regraded = page.getByRole('region', { name: 'Regraded answers' });
    await regraded
      .getByText('Regraded after the question was corrected: was not right, now right.')
      .waitFor();
    expect(await regraded.getByRole('heading', { name: PROMPT }).count()).toBe(1);
    expect(await mistakes.getByRole('heading', { name: PROMPT }).count()).toBe(0);
    await expectNoAxeViolations(page, 'review, after a regrade');

    // Once: a later start finds the regrade saved and adds none.
    await page.reload();
    await regraded.getByText(/was not right, now right/).waitFor();
    expect(await regraded.getByRole('listitem').count()).toBe(1);
    await context.close();
  });
});
