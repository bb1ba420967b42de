import { readdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { appUrl, expectNoAxeViolations, launchBrowser, openPage, tabTo, tabToNamed } from './browser';

// A live class session in Chromium: the teacher's projector screen, three students joining by PIN
// on their own devices (one by keyboard only), a reload mid-question, and the reveal's passage.

type BankQuestion = { id: string; type: string; prompt: string; choices?: unknown[]; answer: unknown };
const starter = parse(readFileSync('questions/banks/00-starter.yaml', 'utf8')) as {
  questions: BankQuestion[];
};
const singles = starter.questions.filter((question) => question.type === 'single').slice(0, 2);

function choiceFor(prompt: string, isRight: boolean): string {
  const question = singles.find((entry) => entry.prompt === prompt);
  const choice = question?.choices
    ?.map(String)
    .find((text) => (text === String(question.answer)) === isRight);
  if (!choice) throw new Error(`no ${isRight ? 'right' : 'wrong'} choice for "${prompt}"`);
  return choice;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function joinAs(page: Page, pin: string, name: string): Promise<void> {
  await page.goto(appUrl('/live'));
  await page.getByRole('heading', { name: 'Join a live session' }).waitFor();
  await page.getByLabel('PIN').fill(pin);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
  await page.getByRole('heading', { name: 'You are in' }).waitFor();
}

async function answer(page: Page, isRight: boolean): Promise<void> {
  const prompt = await page.locator('.question__prompt').innerText();
  await page.getByRole('radio', { name: choiceFor(prompt, isRight), exact: true }).check();
  await page.getByRole('button', { name: 'Send answer' }).click();
  await page.getByText('Your answer is in. Wait for the reveal.').waitFor();
}

async function signedInTeacher(): Promise<Page> {
  const teacher = await openPage(browser);
  await teacher.goto(appUrl('/'));
  const signup = await teacher.request.post(appUrl('/api/auth/signup'), {
    data: {
      email: `live-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}@school.example`,
      password: 'violet kettle harbour 1973',
    },
    headers: { origin: appUrl('').replace(/\/$/, '') },
  });
  expect(signup.status()).toBe(201);
  return teacher;
}

/** A live session (with a countdown, if given), hosted by a signed-in teacher, Ada joined, the first question on. */
async function questionWithAda(
  countdownSeconds: number | null,
  questionIds = singles.map((question) => question.id),
): Promise<{ teacher: Page; ada: Page; pin: string }> {
  const teacher = await signedInTeacher();
  const created = await teacher.request.post(appUrl('/api/live'), {
    data: {
      title: 'Live: Belgium and Vietnam',
      questionIds,
      options: { countdownSeconds, speedPoints: false, leaderboard: false },
    },
    headers: { origin: appUrl('').replace(/\/$/, '') },
  });
  expect(created.status()).toBe(201);
  const sessionId = String(((await created.json()) as { live: { id: string } }).live.id);
  await teacher.goto(appUrl(`/teacher/live/${sessionId}`));
  const pin = (await teacher.locator('.live-host__pin').innerText()).trim();
  const ada = await openPage(browser, { width: 390 });
  await joinAs(ada, pin, 'Ada');
  await teacher.getByRole('heading', { name: '1 student joined' }).waitFor();
  await teacher.keyboard.press('ArrowRight');
  return { teacher, ada, pin };
}

describe('a live session', () => {
  it(
    'a teacher runs two questions; three students join by PIN, answer, one reloads; every device shows the passage',
    { timeout: 180_000 },
    async () => {
      const teacher = await signedInTeacher();
      const created = await teacher.request.post(appUrl('/api/assignments'), {
        data: {
          title: 'Live: the starter',
          ids: singles.map((question) => question.id),
          mode: 'practice',
          minutes: 0,
          sameOrder: true,
        },
        headers: { origin: appUrl('').replace(/\/$/, '') },
      });
      expect(created.status()).toBe(201);
      const assignmentId = String(((await created.json()) as { assignment: { id: string } }).assignment.id);

      await teacher.goto(appUrl(`/teacher/assignments/${assignmentId}`));
      await teacher.getByRole('button', { name: 'Run it live in class' }).click();
      await teacher.getByText('Go to').waitFor();
      const pin = (await teacher.locator('.live-host__pin').innerText()).trim();
      expect(pin).toMatch(/^\d{6}$/);
      await expectNoAxeViolations(teacher, 'the host screen, lobby');

      const ada = await openPage(browser, { width: 390 });
      await joinAs(ada, pin, 'Ada');
      await expectNoAxeViolations(ada, 'a student in the lobby');
      const zed = await openPage(browser, { width: 390 });
      await joinAs(zed, pin, 'Zed');

      // Kim uses the keyboard only.
      const kim = await openPage(browser, { width: 390 });
      await kim.goto(appUrl(`/live?pin=${pin}`));
      await kim.getByRole('heading', { name: 'Join a live session' }).waitFor();
      await expectNoAxeViolations(kim, 'the join page');
      await tabToNamed(kim, 'Your name');
      await kim.keyboard.type('Kim <b>K</b>');
      await kim.keyboard.press('Enter');
      await kim.getByRole('heading', { name: 'You are in' }).waitFor();
      expect(await kim.getByText('Kim <b>K</b>').count()).toBeGreaterThan(0);

      await teacher.getByRole('heading', { name: '3 students joined' }).waitFor();
      // The teacher drives the room from the keyboard, as in projector mode, the keys shown on screen.
      await teacher.keyboard.press('?');
      const help = teacher.getByRole('region', { name: 'Keyboard controls' });
      await help.waitFor();
      expect(await help.innerText()).toMatch(/→ or Space\s+Start the first question/);
      await expectNoAxeViolations(teacher, 'the host screen with its key help');
      await teacher.keyboard.press('Escape');
      await help.waitFor({ state: 'detached' });
      await teacher.keyboard.press('l');
      await teacher.getByRole('button', { name: 'Let newcomers in' }).waitFor();
      await teacher.keyboard.press('l');
      await teacher.getByRole('button', { name: 'Lock: no more newcomers' }).waitFor();
      await teacher.keyboard.press('ArrowRight');
      await teacher.getByText('0 of 3 answered').waitFor();

      await ada.getByText('Question 1 of 2').waitFor();
      await expectNoAxeViolations(ada, 'a live question');
      await answer(ada, true);
      const zedMissed = await zed.locator('.question__prompt').innerText();
      await answer(zed, false);

      // Kim answers by keyboard, then reloads: the answer stays in.
      await kim.getByText('Question 1 of 2').waitFor();
      const kimPrompt = await kim.locator('.question__prompt').innerText();
      const kimChoice = choiceFor(kimPrompt, true);
      // Into the group with Tab, then the arrow keys choose, as in any radio group.
      await tabTo(
        kim,
        'the first choice',
        (element) => element instanceof HTMLInputElement && element.type === 'radio',
      );
      for (let presses = 0; presses < 8; presses += 1) {
        const checked = await kim.evaluate(
          () => document.querySelector('input[type=radio]:checked')?.closest('label')?.textContent ?? '',
        );
        if (checked.includes(kimChoice)) break;
        await kim.keyboard.press('ArrowDown');
      }
      await tabToNamed(kim, 'Send answer');
      await kim.keyboard.press('Enter');
      await kim.getByText('Your answer is in. Wait for the reveal.').waitFor();
      await kim.reload();
      await kim.getByText('Your answer is in. Wait for the reveal.').waitFor();
      await teacher.getByText('3 of 3 answered').waitFor();
      // Next is refused before the reveal, in words; D shows the room's answers without revealing.
      await teacher.keyboard.press('ArrowRight');
      await teacher.getByText('Reveal the answer first: press R.').waitFor();
      await teacher.keyboard.press('d');
      await teacher.getByRole('region', { name: 'How the room answered' }).waitFor();
      expect(await teacher.getByRole('heading', { name: /^Right answer:/ }).count()).toBe(0);

      await teacher.getByRole('button', { name: 'Reveal the answer' }).click();
      await teacher.getByRole('heading', { name: /^Right answer:/ }).waitFor();
      await expectNoAxeViolations(teacher, 'the host screen at the reveal');
      for (const student of [ada, zed, kim]) {
        await student.getByRole('region', { name: 'Feedback' }).waitFor();
        expect(await student.getByRole('link', { name: /Read it in/ }).count()).toBeGreaterThan(0);
        expect(await student.locator('.citation__quote').count()).toBeGreaterThan(0);
      }
      expect(await ada.getByRole('region', { name: 'Feedback' }).innerText()).toMatch(/Correct/i);
      expect(await zed.getByRole('region', { name: 'Feedback' }).innerText()).toMatch(/Correct answer/);
      await expectNoAxeViolations(zed, 'a student at the reveal');

      // The reveal button keeps focus after the click: Space there presses the focused button, never twice.
      await teacher.keyboard.press('Space');
      await ada.getByText('Question 2 of 2').waitFor();
      await teacher.getByText('Question 2 of 2 · PIN', { exact: false }).waitFor();
      expect(await teacher.getByText('Reveal the answer before moving on').count()).toBe(0);
      await answer(ada, true);
      await teacher.getByText('1 of 3 answered').waitFor();
      await teacher.keyboard.press('r');
      await teacher.getByRole('heading', { name: /^Right answer:/ }).waitFor();
      await teacher.keyboard.press('ArrowRight');
      await teacher.getByRole('heading', { name: /the results$/ }).waitFor();
      const standings = await teacher.locator('.live-host__standings tbody tr').allInnerTexts();
      expect(standings.map((row) => row.replace(/\s+/g, ' ').trim())).toEqual([
        'Ada 2',
        'Kim <b>K</b> 1',
        'Zed 0',
      ]);
      await expectNoAxeViolations(teacher, 'the host screen, results');
      await ada.getByRole('heading', { name: 'The session has ended' }).waitFor();
      expect(await ada.getByText('You scored 2 of 2 points.').count()).toBe(1);

      // Zed's device keeps what was revealed: Review lists the question missed, and only that one.
      await zed.getByRole('heading', { name: 'The session has ended' }).waitFor();
      await zed.getByRole('link', { name: 'review what you missed' }).click();
      const mistakes = zed.getByRole('region', { name: 'Questions you get wrong' });
      await mistakes.getByRole('heading', { level: 4, name: zedMissed }).waitFor();
      expect(await mistakes.getByRole('heading', { level: 4 }).count()).toBe(1);
      await expectNoAxeViolations(zed, 'Review after a live session');
    },
  );

  it(
    'a countdown, when the teacher asks for one, ticks on both screens, pauses and grows by keys',
    { timeout: 120_000 },
    async () => {
      const { teacher, ada } = await questionWithAda(75);

      // Both clocks tick: 1:15 at the start, below 1:12 a few seconds on.
      const hostClock = teacher.locator('.live-host__clock');
      const adaClock = ada.locator('.live-clock');
      await hostClock.getByText(/^1:1[0-5] left$/).waitFor();
      await adaClock.getByText(/^1:1[0-5] left$/).waitFor();
      await hostClock.getByText(/^1:(0\d|1[01]) left$/).waitFor();
      await adaClock.getByText(/^1:(0\d|1[01]) left$/).waitFor();
      // Screen readers hear nothing yet: the status speaks at one minute, ten seconds and time up.
      expect(await teacher.locator('.live-host__clock [role=status]').innerText()).toBe('');
      await expectNoAxeViolations(teacher, 'the host screen with a countdown');
      await expectNoAxeViolations(ada, 'a live question with a countdown');

      await teacher.keyboard.press('c');
      await hostClock.getByText(/^Paused at 1:\d\d$/).waitFor();
      await adaClock.getByText(/^Paused at 1:\d\d$/).waitFor();
      expect(await ada.locator('.live-clock [role=status]').innerText()).toBe('The countdown is paused.');
      await teacher.keyboard.press('+');
      await hostClock.getByText(/^Paused at 1:[3-4]\d$/).waitFor();
      await teacher.keyboard.press('c');
      await hostClock.getByText(/^1:[3-4]\d left$/).waitFor();
      await adaClock.getByText(/^1:[3-4]\d left$/).waitFor();
      await teacher.getByRole('button', { name: 'Pause the countdown' }).waitFor();
    },
  );
  it(
    'closes a question when its time is up, and opens it again when the teacher gives more',
    { timeout: 90_000 },
    async () => {
      const { teacher, ada } = await questionWithAda(5);
      await ada.getByRole('button', { name: 'Send answer' }).waitFor();

      // Five seconds on, the device says so and offers no button the server would refuse.
      await ada.getByText('Time is up: no more answers for this question. Wait for the reveal.').waitFor();
      expect(await ada.getByRole('button', { name: 'Send answer' }).count()).toBe(0);
      expect(await ada.getByRole('radio').first().isDisabled()).toBe(true);
      await expectNoAxeViolations(ada, 'a live question whose time is up');

      // More time from the teacher opens it again, and an answer goes in.
      await teacher.keyboard.press('+');
      await ada.getByRole('button', { name: 'Send answer' }).waitFor();
      await ada.getByRole('radio').first().check();
      await ada.getByRole('button', { name: 'Send answer' }).click();
      await ada.getByText('Your answer is in. Wait for the reveal.').waitFor();
    },
  );

  it(
    'a student who comes back to the page sees their question in its HTML, never the join form, and answers',
    { timeout: 120_000 },
    async () => {
      const { teacher, ada, pin } = await questionWithAda(null);
      await ada.getByText('Question 1 of 2').waitFor();
      const prompt = await ada.locator('.question__prompt').innerText();
      const seat = await ada.context().storageState();
      expect(seat.cookies.map((cookie) => [cookie.name, cookie.path])).toContainEqual(['live-seat', '/live']);
      await ada.close();

      // The same device without its service worker (a first visit's state): the server renders the page.
      const back = await browser.newContext({
        storageState: seat,
        serviceWorkers: 'block',
        viewport: { width: 390, height: 900 },
        bypassCSP: true,
        reducedMotion: 'reduce',
      });
      const page = await back.newPage();
      await page.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { headingsSeen: string[] }).headingsSeen = seen;
        new MutationObserver(() => {
          for (const heading of document.querySelectorAll('h1')) seen.push(heading.textContent ?? '');
        }).observe(document, { childList: true, subtree: true, characterData: true });
      });
      const response = await page.goto(appUrl('/live'));
      const html = (await response?.text()) ?? '';
      expect(html).toContain('data-served="/live"');
      expect(html).toContain(escapeHtml(prompt));
      expect(html).toContain('you are <strong>Ada</strong>');
      expect(response?.headers()['cache-control']).toBe('private, no-store');

      // Once the app has rejoined, the choices are enabled; the join form was never on screen.
      await page.getByRole('radio', { name: choiceFor(prompt, true), exact: true }).check();
      const headings = await page.evaluate(
        () => (window as unknown as { headingsSeen: string[] }).headingsSeen,
      );
      expect(headings).toContain(prompt);
      expect(headings).not.toContain('Join a live session');
      await expectNoAxeViolations(page, 'a live question the server rendered');
      await page.getByRole('button', { name: 'Send answer' }).click();
      await page.getByText('Your answer is in. Wait for the reveal.').waitFor();
      await teacher.getByText('1 of 1 answered').waitFor();

      // A seat the server does not know gets the join form, and nothing of the session.
      const forged = await browser.newContext({ serviceWorkers: 'block', bypassCSP: true });
      const sessionId = seat.cookies.find((cookie) => cookie.name === 'live-seat')?.value.split('.')[0] ?? '';
      await forged.addCookies([
        { name: 'live-seat', value: `${sessionId}.${'A'.repeat(43)}`, url: appUrl('/live') },
      ]);
      const stranger = await forged.newPage();
      const refused = await stranger.goto(appUrl('/live'));
      const refusedHtml = (await refused?.text()) ?? '';
      expect(refusedHtml).not.toContain(escapeHtml(prompt));
      expect(refusedHtml).not.toContain('data-served');
      await stranger.getByRole('heading', { name: 'Join a live session' }).waitFor();

      // The same device at the link of another session's PIN is there to join that one: the form, with it.
      const otherPin = String((Number(pin) + 1) % 1_000_000).padStart(6, '0');
      const elsewhere = await page.goto(appUrl(`/live?pin=${otherPin}`));
      expect((await elsewhere?.text()) ?? '').not.toContain('data-served');
      await page.getByRole('heading', { name: 'Join a live session' }).waitFor();
      await page.getByLabel('Your name').and(page.locator(':enabled')).waitFor();
      expect(await page.getByLabel('PIN').inputValue()).toBe(otherPin);
      await Promise.all([back.close(), forged.close()]);
    },
  );

  it(
    'a player disputes a revealed answer; the teacher’s reply reaches the device by the end of the session',
    { timeout: 120_000 },
    async () => {
      const [first] = singles;
      const { teacher, ada } = await questionWithAda(null, [first!.id]);
      await ada.getByText('Question 1 of 1').waitFor();
      await answer(ada, false);
      await teacher.keyboard.press('r');
      await ada.getByRole('region', { name: 'Feedback' }).waitFor();

      await ada.getByRole('button', { name: 'Dispute this question' }).click();
      const form = ada.getByRole('form', { name: 'Dispute this question' });
      await form.getByRole('radio', { name: 'The key (the right answer) is wrong' }).check();
      await form.getByLabel('In a line, why').fill('The passage gives another year.');
      await form.getByRole('button', { name: 'Send to my teacher' }).click();
      await ada.getByText('Your dispute is with your teacher. Their reply appears here.').waitFor();
      await ada
        .getByText('Your dispute (the key (the right answer) is wrong): waiting for your teacher.')
        .waitFor();
      await expectNoAxeViolations(ada, 'a live reveal with a dispute filed');

      const origin = { origin: appUrl('').replace(/\/$/, '') };
      const listed = (await (await teacher.request.get(appUrl('/api/disputes'))).json()) as {
        disputes: { id: string; student: string; message: string }[];
      };
      const filed = listed.disputes.find((dispute) => dispute.student === 'Ada');
      expect(filed?.message).toBe('The passage gives another year.');
      const rejected = await teacher.request.post(appUrl(`/api/disputes/${filed!.id}/reject`), {
        data: { reply: 'The passage gives this year twice.' },
        headers: origin,
      });
      expect(rejected.status()).toBe(200);

      // The end of the session is a new moment: the device reads its disputes again at once, not at
      // its next half-minute poll.
      await teacher.keyboard.press('ArrowRight');
      await ada.getByRole('heading', { name: 'The session has ended' }).waitFor();
      const own = ada.getByRole('region', { name: 'Your disputes' });
      await own
        .getByText(
          'Question 1 (the key (the right answer) is wrong): not accepted. “The passage gives this year twice.”',
        )
        .waitFor({ timeout: 10_000 });
      await expectNoAxeViolations(ada, 'the end of a live session with a dispute answered');

      // Done with this session: after a reload (the page goes back to its seat), the device leaves it
      // for the join form, and a reload keeps the form.
      await ada.reload();
      await ada.getByRole('heading', { name: 'The session has ended' }).waitFor();
      await ada.getByRole('button', { name: 'Join another session' }).click();
      await ada.getByRole('heading', { name: 'Join a live session' }).waitFor();
      await ada.reload();
      await ada.getByLabel('Your name').and(ada.locator(':enabled')).waitFor();
      expect(await ada.getByRole('heading', { name: 'Join a live session' }).count()).toBe(1);
      expect((await ada.context().cookies()).map((cookie) => cookie.name)).not.toContain('live-seat');
    },
  );
});

describe("a live page's code", () => {
  it('asks for the socket’s library with the screen’s own code, not once that code has run', async () => {
    const socketLibrary = readdirSync('dist/assets').find(
      (file) => file.endsWith('.js') && readFileSync(`dist/assets/${file}`, 'utf8').includes('engine.io'),
    );
    expect(socketLibrary).toBeDefined();
    const page = await openPage(browser, { width: 390 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    // Where the request was made: the innermost frame is the module whose code asked for it.
    const askedFrom: string[] = [];
    cdp.on('Network.requestWillBeSent', (event) => {
      if (!event.request.url.endsWith(`/${socketLibrary}`)) return;
      askedFrom.push(new URL(event.initiator.stack?.callFrames[0]?.url ?? 'http://none/').pathname);
    });
    await page.goto(appUrl('/live'));
    await page.getByRole('heading', { name: 'Join a live session' }).waitFor();
    await expect.poll(() => askedFrom.length).toBeGreaterThan(0);
    // The first page's script asks for it as it asks for the screen (routes.tsx), not the screen's
    // own code once it has loaded and run.
    expect(askedFrom[0]).toMatch(/^\/assets\/index-[\w-]+\.js$/);
    await page.context().close();
  });
});
