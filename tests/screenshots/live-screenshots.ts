import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';
import { readConfig } from '@/server/config';
import { startServer } from '@/server/start-server';
import { launchBrowser } from '../e2e/browser';

// Pictures of every live-session screen, for the docs and for a person to look over: the host's
// projector screen and a student's phone, each at phone and desktop widths, light and dark.
// Run after a build: `npm run screenshots:live`. Writes docs/screenshots/live/<screen>-<width>-<scheme>.png.

const OUT = 'docs/screenshots/live';
const SIZES = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } } as const;
const SCHEMES = ['light', 'dark'] as const;

type BankQuestion = { id: string; type: string; choices?: unknown[]; answer: unknown };
const starter = parse(readFileSync('questions/banks/00-starter.yaml', 'utf8')) as {
  questions: BankQuestion[];
};
const ids = starter.questions
  .filter((question) => question.type === 'single')
  .slice(0, 2)
  .map((question) => question.id);

async function shoot(page: Page, name: string): Promise<void> {
  for (const [sizeName, size] of Object.entries(SIZES)) {
    for (const scheme of SCHEMES) {
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      // Let the layout settle at the new width before the picture.
      await page.waitForTimeout(150);
      await page.screenshot({ path: join(OUT, `${name}-${sizeName}-${scheme}.png`), fullPage: true });
    }
  }
  await page.setViewportSize(SIZES.desktop);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'sq-shots-'));
  const read = readConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
  if (!read.ok) throw new Error(read.problems.join('\n'));
  const server = await startServer(read.config, { distDir: join(process.cwd(), 'dist') });
  const base = server.url.replace(/\/$/, '');
  const browser = await launchBrowser();
  try {
    const open = async () =>
      (await browser.newContext({ viewport: SIZES.desktop, reducedMotion: 'reduce' })).newPage();
    const teacher = await open();
    await teacher.goto(`${base}/`);
    const headers = { origin: base };
    const signup = await teacher.request.post(`${base}/api/auth/signup`, {
      data: { email: 'teacher@school.example', password: 'violet kettle harbour 1973' },
      headers,
    });
    if (signup.status() !== 201) throw new Error(`sign-up: ${signup.status()}`);
    const created = await teacher.request.post(`${base}/api/live`, {
      data: { title: 'Week 5: reading the sources', questionIds: ids },
      headers,
    });
    const { live } = (await created.json()) as { live: { id: string } };
    await teacher.goto(`${base}/teacher/live/${live.id}`);
    const pin = (await teacher.locator('.live-host__pin').innerText()).trim();

    const student = await open();
    await student.goto(`${base}/live?pin=${pin}`);
    await student.getByLabel('Your name').fill('Ada Lovelace');
    await shoot(student, 'student-join');
    await student.getByRole('button', { name: 'Join' }).click();
    await student.getByRole('heading', { name: 'You are in' }).waitFor();
    await shoot(student, 'student-lobby');

    // A small room, so the host's list of names shows.
    const others: Page[] = [];
    for (const name of ['Kim Okafor', 'Zed Ali', 'Noor Haddad']) {
      const other = await open();
      await other.goto(`${base}/live?pin=${pin}`);
      await other.getByLabel('Your name').fill(name);
      await other.getByRole('button', { name: 'Join' }).click();
      await other.getByRole('heading', { name: 'You are in' }).waitFor();
      others.push(other);
    }
    const othersAnswer = async (question: number) => {
      for (const [place, other] of others.entries()) {
        await other.getByText(`Question ${question} of 2`).waitFor();
        await other
          .getByRole('radio')
          .nth(place % 2)
          .check();
        await other.getByRole('button', { name: 'Send answer' }).click();
        await other.getByText('Your answer is in. Wait for the reveal.').waitFor();
      }
    };
    await teacher.getByRole('heading', { name: '4 students joined' }).waitFor();
    await shoot(teacher, 'host-lobby');

    await teacher.keyboard.press('ArrowRight');
    await student.getByText('Question 1 of 2').waitFor();
    await teacher.getByText('0 of 4 answered').waitFor();
    await shoot(teacher, 'host-question');
    await shoot(student, 'student-question');

    await student.getByRole('radio').nth(1).check();
    await student.getByRole('button', { name: 'Send answer' }).click();
    await student.getByText('Your answer is in. Wait for the reveal.').waitFor();
    await teacher.getByText('1 of 4 answered').waitFor();
    await shoot(student, 'student-answer-sent');
    await othersAnswer(1);
    await teacher.getByText('4 of 4 answered').waitFor();

    await teacher.keyboard.press('r');
    await teacher.getByRole('heading', { name: /^Right answer:/ }).waitFor();
    await student.getByRole('region', { name: 'Feedback' }).waitFor();
    await shoot(teacher, 'host-reveal');
    await shoot(student, 'student-reveal');

    await teacher.keyboard.press('ArrowRight');
    await teacher.getByText('Question 2 of 2', { exact: false }).waitFor();
    await othersAnswer(2);
    await teacher.keyboard.press('r');
    await teacher.getByRole('heading', { name: /^Right answer:/ }).waitFor();
    await teacher.keyboard.press('ArrowRight');
    await teacher.getByRole('heading', { name: /the results$/ }).waitFor();
    await student.getByRole('heading', { name: 'The session has ended' }).waitFor();
    await shoot(teacher, 'host-summary');
    await shoot(student, 'student-ended');
  } finally {
    await browser.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
console.log(`Screenshots written to ${OUT}/`);
