import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { brotliDecompressSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appUrl,
  expectNoAxeViolations,
  launchBrowser,
  newContext,
  recordMainTexts,
  waitForQuestion,
} from './browser';
import { Client, field } from '../server/test-server-client';
import { COMPILE_HINT } from '@/build/compile-hints-plugin';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** Each page the build made into HTML, with the heading it must show before any script runs. */
const HEADINGS: Record<string, string> = {
  '/': 'Learn what the documents say, and check every answer against them',
  '/sources': 'Sources',
  '/sources/belgium-vietnam-relations': 'Belgium-Vietnam relations',
  '/sources/development-cooperation': 'Development cooperation',
  '/teacher/sign-in': 'Teacher sign-in',
  '/live': 'Join a live session',
};
/** The tab title each built page carries before any script runs, as it has once the app runs. */
const TITLES: Record<string, string> = {
  '/': 'Source Quiz',
  '/sources': 'Sources · Source Quiz',
  '/sources/belgium-vietnam-relations': 'Belgium-Vietnam relations · Source Quiz',
  '/sources/development-cooperation': 'Development cooperation · Source Quiz',
  '/teacher/sign-in': 'Teacher sign-in · Source Quiz',
  '/live': 'Join a live session · Source Quiz',
};
/** A sentence of the document, word for word (src: questions/sources/development-cooperation.yaml). */
const PASSAGE = 'VVOB works with/through various partners like MPI, MOET, DARD';

/** Errors the page reports: a hydration mismatch is one (React reports it to the console). */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/**
 * The scripts a page asked for before its first paint, and the modules it preloads with a link that
 * fetches. A page that paints from its HTML asks only for the small script that loads the app after
 * that paint.
 */
async function scriptsAroundFirstPaint(page: Page): Promise<{ before: string[]; preloading: string[] }> {
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
  return page.evaluate(() => {
    const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
    const pathOf = (url: string) => new URL(url).pathname;
    const scripts = performance
      .getEntriesByType('resource')
      .filter((entry) => pathOf(entry.name).endsWith('.js'));
    const links = document.querySelectorAll<HTMLLinkElement>(
      'link[rel="modulepreload"]:not([media="not all"])',
    );
    return {
      before: scripts.filter((entry) => entry.startTime < paint).map((entry) => pathOf(entry.name)),
      preloading: [...links].map((link) => pathOf(link.href)),
    };
  });
}

/** Picks the question's first choice and checks it, by keyboard, until its feedback shows. */
async function answerFirstChoice(page: Page): Promise<void> {
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  await page.getByRole('region', { name: 'Feedback' }).waitFor();
}

describe('pages built to HTML', () => {
  it('lists every page the build made, and only those', () => {
    const built = JSON.parse(readFileSync('dist/prerendered.json', 'utf8')) as Record<string, string>;
    expect(Object.keys(built).sort()).toEqual(Object.keys(HEADINGS).sort());
  });

  it('show their content with scripts turned off: the reader’s passages come in the first response', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const [path, heading] of Object.entries(HEADINGS)) {
      await page.goto(appUrl(path));
      expect(await page.getByRole('heading', { level: 1 }).first().textContent(), path).toBe(heading);
      expect(await page.title(), path).toBe(TITLES[path]);
    }
    await page.goto(appUrl('/sources/development-cooperation'));
    await page.getByText(PASSAGE, { exact: false }).waitFor();
    // The reader's own stylesheet comes with the page: its layout does not change when its code loads.
    const readerLayout = () => page.locator('.reader').evaluate((reader) => getComputedStyle(reader).display);
    expect(await readerLayout()).toBe('grid');
    // The sign-in form cannot be used before the app has taken it over: typing would be lost.
    await page.goto(appUrl('/teacher/sign-in'));
    for (const field of [page.getByLabel('Email'), page.getByLabel('Password')])
      expect(await field.isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Sign in' }).isDisabled()).toBe(true);
    // Nor the join form, where students arrive by the PIN's link or code.
    await page.goto(appUrl('/live?pin=123456'));
    for (const field of [page.getByLabel('PIN'), page.getByLabel('Your name')])
      expect(await field.isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Join' }).isDisabled()).toBe(true);
    await context.close();
  });

  it('ask for their scripts only after their first paint', async () => {
    for (const path of Object.keys(HEADINGS)) {
      // A new context each: a page the service worker controls is served the plain shell.
      const context = await newContext(browser);
      const page = await context.newPage();
      await page.goto(appUrl(path));
      await page.getByRole('heading', { level: 1, name: HEADINGS[path] }).waitFor();
      expect((await scriptsAroundFirstPaint(page)).before, path).toEqual(['/after-first-paint.js']);
      await context.close();
    }
  });

  it('come alive in the browser without a mismatch, and answer at once', async () => {
    const context = await newContext(browser, { width: 390 });
    const page = await context.newPage();
    const errors = collectErrors(page);
    // A quiz in progress and an answer in the history: what only this device knows, which the
    // built pages leave out and the browser adds after hydration.
    await page.goto(appUrl('/quiz/play?types=true-false&count=3&mode=practice&seed=built1'));
    await waitForQuestion(page, 'Question 1 of 3');
    await answerFirstChoice(page);
    for (const path of Object.keys(HEADINGS)) {
      await page.goto(appUrl(path));
      await page.waitForLoadState('networkidle');
      await expectNoAxeViolations(page, `${path} built to HTML`);
    }

    // …and the built home page shows the quiz to continue, and follows a link without a new page.
    await page.goto(appUrl('/'));
    await page.getByRole('heading', { name: 'Continue where you left off' }).waitFor();
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    await page.getByRole('link', { name: 'Start a quiz' }).click();
    await page.getByRole('heading', { name: 'Start a quiz', level: 1 }).waitFor();
    expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);

    // The built sign-in page, once hydrated, takes typing and says what the server answered (its
    // refusal is a 401, which the console reports: the errors are checked before).
    await page.goto(appUrl('/teacher/sign-in'));
    await page.waitForLoadState('networkidle');
    expect(errors, errors.join('\n')).toEqual([]);
    await page.getByLabel('Email').fill('nobody@example.org');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: /\S/ }).waitFor();
    expect(await page.getByLabel('Email').inputValue()).toBe('nobody@example.org');
    await context.close();
  });

  it('at an address with a query, are replaced without showing “Loading…” in between', async () => {
    /** A first visit (no service worker yet) recording every text the page's main part shows. */
    const firstVisit = async (path: string) => {
      const context = await newContext(browser, { width: 390 });
      const page = await context.newPage();
      const errors = collectErrors(page);
      const shownTexts = await recordMainTexts(page);
      await page.goto(appUrl(path));
      await page.waitForLoadState('networkidle');
      return { context, page, errors, shownTexts };
    };

    // The PIN from a join link is filled in once the app has taken the page over.
    const join = await firstVisit('/live?pin=123456');
    expect(await join.page.getByLabel('PIN').inputValue()).toBe('123456');
    await join.page.getByLabel('Your name').fill('Zed');
    await join.page.getByRole('button', { name: 'Join' }).click();
    await join.page.getByText('There is no session with this PIN').waitFor();
    expect(await join.shownTexts()).not.toEqual([]);
    expect((await join.shownTexts()).filter((text) => text.includes('Loading…'))).toEqual([]);
    await expectNoAxeViolations(join.page, 'join with a PIN in the address');
    expect(join.errors, join.errors.join('\n')).toEqual([]);
    await join.context.close();

    const signIn = await firstVisit('/teacher/sign-in?next=/teacher');
    await signIn.page.getByLabel('Email').fill('nobody@example.org');
    expect((await signIn.shownTexts()).filter((text) => text.includes('Loading…'))).toEqual([]);
    expect(signIn.errors, signIn.errors.join('\n')).toEqual([]);
    await signIn.context.close();
  });
});

describe('every other address', () => {
  it('paints the header and “Loading…” from the HTML, then its screen', async () => {
    // A page with a form is not built (sign-in and join aside): typing before hydration would be lost.
    for (const path of ['/teacher/sign-up', '/classroom']) {
      expect(await (await fetch(appUrl(path))).text(), path).not.toContain('data-prerendered');
    }
    const shell = await fetch(appUrl('/progress'));
    const html = await shell.text();
    expect(html).toContain('Skip to content');
    expect(html).toContain('Loading…');
    expect(html).not.toContain('data-prerendered');

    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(appUrl('/progress'));
    await page.getByRole('heading', { name: 'Progress', level: 1 }).waitFor();
    expect(await page.getByText('Loading…').count()).toBe(0);
    await expectNoAxeViolations(page, 'progress, from the shell');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('names its screen’s scripts in the HTML, so they load with the page, once each', async () => {
    const shells = JSON.parse(readFileSync('dist/screen-shells.json', 'utf8')) as Record<string, string>;
    // A timed quiz: the server leaves it to the browser (its clock starts there).
    const path = '/quiz/play?types=true-false&count=3&mode=practice&minutes=5&seed=shell1';
    const html = await (await fetch(appUrl(path))).text();
    expect(html).toBe(readFileSync(`dist/${shells['/quiz/play']}`, 'utf8'));
    const preloaded = [...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)"/g)].map(
      ([, href]) => href ?? '',
    );
    // The quiz's screen, its engine and its views: more than a token few.
    expect(preloaded.length).toBeGreaterThan(10);
    // React's chunk, which the entry imports, is named too, so it comes with the entry, not after it.
    const withEntry = [
      ...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)" data-entry-import>/g),
    ];
    expect(withEntry.length).toBe(1);

    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = collectErrors(page);
    const requested: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') requested.push(new URL(request.url()).pathname);
    });
    await page.goto(appUrl(path));
    await page.getByText('Question 1 of 3').waitFor();
    expect(preloaded.filter((file) => !requested.includes(file))).toEqual([]);
    expect(requested.filter((file, index) => requested.indexOf(file) !== index)).toEqual([]);
    await expectNoAxeViolations(page, 'a quiz from its screen shell');
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });
});

describe("a quiz's first question, rendered by the server", () => {
  const path = '/quiz/play?types=single&count=3&mode=practice&seed=served1';

  it('shows with scripts turned off, its answers and button disabled until the app takes over', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(appUrl(path));
    await page.getByText('Question 1 of 3').waitFor();
    expect(await page.title()).toBe('Quiz · Source Quiz');
    expect(await page.getByRole('radio').count()).toBeGreaterThan(1);
    for (const radio of await page.getByRole('radio').all()) expect(await radio.isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Check answer' }).isDisabled()).toBe(true);
    // The quiz's own stylesheet comes with the page: nothing moves when its code loads.
    const choices = page.locator('.answer-choices');
    expect(await choices.evaluate((element) => getComputedStyle(element).display)).toBe('grid');
    await context.close();
  });

  it('is the question the app then shows, with no “Loading…” in between, and answers at once', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const served = await noScript.newPage();
    await served.goto(appUrl(path));
    const prompt = await served.locator('.question__prompt').textContent();
    const choiceTexts = await served.locator('.answer-choice').allTextContents();
    await noScript.close();

    const context = await newContext(browser, { width: 390 });
    const page = await context.newPage();
    const errors = collectErrors(page);
    const shownTexts = await recordMainTexts(page);
    await page.goto(appUrl(path));
    await waitForQuestion(page, 'Question 1 of 3');
    expect(await page.locator('.question__prompt').textContent()).toBe(prompt);
    expect(await page.locator('.answer-choice').allTextContents()).toEqual(choiceTexts);
    const shown = await shownTexts();
    expect(shown.filter((text) => /Loading…|Preparing your quiz/.test(text))).toEqual([]);
    expect(shown[0]).toContain(prompt ?? 'the prompt');
    await expectNoAxeViolations(page, 'a quiz’s first question from the server');
    await answerFirstChoice(page);
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });

  it('asks for its scripts after its first paint, each once, the screen’s with the entry', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const requested: string[] = [];
    const stylesheets: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') requested.push(new URL(request.url()).pathname);
      if (request.resourceType() === 'stylesheet') stylesheets.push(new URL(request.url()).pathname);
    });
    await page.goto(appUrl(path));
    await waitForQuestion(page, 'Question 1 of 3');
    const { before, preloading } = await scriptsAroundFirstPaint(page);
    expect(before).toEqual(['/after-first-paint.js']);
    // The screen's modules, named by the page, all came with the screen's own, none twice, and the
    // app's loader added no link to fetch them again.
    const named = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"][media="not all"]')].map(
        (link) => new URL(link.href).pathname,
      ),
    );
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter((file) => !requested.includes(file))).toEqual([]);
    expect(preloading.filter((file) => named.includes(file))).toEqual([]);
    expect(requested.filter((file, index) => requested.indexOf(file) !== index)).toEqual([]);
    // Its stylesheets came inline: the app's loader, which links each one a screen needs, fetches none.
    expect(stylesheets).toEqual([]);
    await answerFirstChoice(page);
    await context.close();
  });
});

describe('the review, built as a first visit sees it', () => {
  const NO_ANSWERS = 'You have not answered any questions yet';

  it('shows its empty review with scripts turned off, its one control disabled', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(appUrl('/review'));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Review');
    await page.getByText(NO_ANSWERS).waitFor();
    expect(await page.title()).toBe('Review · Source Quiz');
    expect(await page.getByLabel('Target retention').isDisabled()).toBe(true);
    // Its stylesheets come with it (inline, allowed by their hash: this context keeps the policy).
    const retention = page.locator('.review-retention');
    expect(await retention.evaluate((element) => getComputedStyle(element).display)).toBe('grid');
    await context.close();
  });

  it('is kept on a device that saved nothing: no “Loading…”, and its control works once the app runs', async () => {
    const context = await newContext(browser, { width: 390 });
    const page = await context.newPage();
    const errors = collectErrors(page);
    const shownTexts = await recordMainTexts(page);
    await page.goto(appUrl('/review'));
    const retention = page.getByLabel('Target retention');
    await expect.poll(() => retention.isEnabled(), { timeout: 10_000 }).toBe(true);
    await retention.selectOption('85');
    await page.getByText('Target retention set to 85%', { exact: false }).waitFor();
    const shown = await shownTexts();
    expect(shown.some((text) => text.includes(NO_ANSWERS))).toBe(true);
    expect(shown.filter((text) => text.includes('Loading…'))).toEqual([]);
    await expectNoAxeViolations(page, 'review, built for a first visit');
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });

  it('gives way to “Loading…” on a device with saved answers, then shows them', async () => {
    // No service worker: with one, a returning device gets the plain shell and never sees this page.
    const context = await browser.newContext({ serviceWorkers: 'block', bypassCSP: true });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(appUrl('/quiz/play?types=single&count=3&mode=practice&seed=review1'));
    await waitForQuestion(page, 'Question 1 of 3');
    await answerFirstChoice(page);
    // The answer is in the history (which loads after it) once the review, reached in the app, shows it.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review' }).click();
    await page.getByText('The next question is due').waitFor();
    const shownTexts = await recordMainTexts(page);
    await page.goto(appUrl('/review'));
    await page.getByRole('heading', { name: 'Your schedule' }).waitFor();
    await expect.poll(async () => (await shownTexts()).at(-1)).toContain('The next question is due');
    // The HTML's empty review can paint before the first script runs; from then on it is gone.
    const shown = await shownTexts();
    const loadingAt = shown.indexOf('Loading…');
    expect(loadingAt, shown.join('\n---\n')).toBeGreaterThanOrEqual(0);
    expect(shown.slice(loadingAt).filter((text) => text.includes(NO_ANSWERS))).toEqual([]);
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });
});

describe("a teacher's assignment, rendered by the server for that teacher", () => {
  const TITLE = 'Rendered: trade and aid';

  /** A teacher with an assignment that one student has started, made as the app makes them. */
  async function teacherWithAssignment(): Promise<{ cookie: string; path: string }> {
    const teacher = new Client(appUrl(''));
    const email = `rendered-${Date.now().toString(36)}@school.example`;
    expect(
      (await teacher.post('/api/auth/signup', { email, password: 'amber lantern 2026 quay' })).status,
    ).toBe(201);
    const created = await teacher.post('/api/assignments', {
      title: TITLE,
      ids: ['diplomatic-relations-year', 'st-oda-yearly-amount'],
      mode: 'practice',
      minutes: 0,
      sameOrder: true,
    });
    expect(created.status).toBe(201);
    const id = String(field(created.body, 'assignment', 'id'));
    const student = new Client(appUrl(''));
    expect((await student.post(`/api/student/assignments/${id}/attempts`, { name: 'Ana' })).status).toBe(201);
    const [[name, value] = []] = [...teacher.cookies];
    return { cookie: `${name}=${value}`, path: `/teacher/assignments/${id}` };
  }

  async function signedIn(javaScriptEnabled: boolean, cookie: string) {
    const context = javaScriptEnabled
      ? await newContext(browser, { width: 390 })
      : await browser.newContext({ javaScriptEnabled: false });
    const [name = '', value = ''] = cookie.split('=');
    await context.addCookies([{ name, value, url: appUrl('/') }]);
    return context;
  }

  it('shows the assignment and its students with scripts turned off, its controls disabled', async () => {
    const { cookie, path } = await teacherWithAssignment();
    const context = await signedIn(false, cookie);
    const page = await context.newPage();
    await page.goto(appUrl(path));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(TITLE);
    expect(await page.title()).toBe(`Assignment: ${TITLE} · Source Quiz`);
    expect(await page.getByLabel('Link for students').inputValue()).toMatch(/\/s\/[A-Za-z0-9_-]{22}$/);
    await page.getByRole('img', { name: `QR code of the link to “${TITLE}”` }).waitFor();
    expect(await page.getByRole('rowheader').allTextContents()).toEqual(['Ana']);
    for (const name of ['Copy the link', 'Run it live in class', 'Close it now', 'Delete this assignment…'])
      expect(await page.getByRole('button', { name }).isDisabled(), name).toBe(true);
    expect(await page.getByLabel('Show a leaderboard').isDisabled()).toBe(true);
    // Its stylesheets come with it, allowed by their hash under the page's own policy.
    const share = page.locator('.assignment__share');
    expect(await share.evaluate((element) => getComputedStyle(element).display)).toBe('grid');
    await context.close();
  });

  it('is what the app then shows, with no “Loading…” in between, its controls working', async () => {
    const { cookie, path } = await teacherWithAssignment();
    const context = await signedIn(true, cookie);
    const page = await context.newPage();
    const errors = collectErrors(page);
    const shownTexts = await recordMainTexts(page);
    await page.goto(appUrl(path));
    const leaderboard = page.getByLabel('Show a leaderboard');
    // Enabled once the page's code has run after the first paint: on a busy two-core machine that
    // took longer than the poll's default second (CI, 2026-12-04).
    await expect.poll(() => leaderboard.isEnabled(), { timeout: 10_000 }).toBe(true);
    await leaderboard.check();
    expect(await leaderboard.isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Delete this assignment…' }).click();
    await page.getByRole('button', { name: 'Keep it' }).click();
    const shown = await shownTexts();
    expect(shown.filter((text) => text.includes('Loading…'))).toEqual([]);
    // The first text seen is the server's page, perhaps while it was still being parsed (the test
    // with scripts turned off shows that page whole, students included).
    expect(shown[0]).toContain(TITLE);
    expect(shown.some((text) => text.includes('1 attempt started, 0 finished.'))).toBe(true);
    await expectNoAxeViolations(page, 'teacher assignment, from the server’s render');
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });

  it('is the sign-in for anyone else, as before', async () => {
    const { path } = await teacherWithAssignment();
    const context = await newContext(browser);
    const page = await context.newPage();
    const reply = await page.goto(appUrl(path));
    expect(await reply?.text()).not.toContain(TITLE);
    await page.getByRole('heading', { name: 'Teacher sign-in' }).waitFor();
    await context.close();
  });
});

describe('the scripts the app ships', () => {
  it('each asks V8 to compile all its functions as it loads, in the copies the server sends too', () => {
    const scripts = readdirSync('dist/assets').filter((name) => name.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(10);
    for (const name of scripts) {
      const path = `dist/assets/${name}`;
      expect(readFileSync(path, 'utf8').split('\n')[0], name).toBe(COMPILE_HINT);
      if (!existsSync(`${path}.br`)) continue;
      const sent = brotliDecompressSync(readFileSync(`${path}.br`)).toString('utf8');
      expect(sent.split('\n')[0], `${name}.br`).toBe(COMPILE_HINT);
    }
  });
});
