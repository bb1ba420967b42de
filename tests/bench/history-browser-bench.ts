import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { answerKey } from '@/engine/history';
import { largeProgress } from '../stores/large-history';

/**
 * The history's load time in real Chromium (`npm run bench:history`, after a build): a profile whose
 * IndexedDB holds 1,000, 10,000 and 100,000 answers, as the app writes them, opened at /progress; the
 * time is from navigation until Progress shows the answer count, so it holds the app's start, reading
 * and checking every record, building the schedules and drawing the page. The app marks when the
 * records were read and checked and when the history was ready, so the storage's part shows apart.
 */
const RUNS = Number(process.env.RUNS ?? 3);
const SIZES = (process.env.SIZES ?? '1000,10000,100000').split(',').map(Number);
const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
const base = server.resolvedUrls?.local[0]?.replace(/\/$/, '');
if (!base) throw new Error('The preview server did not report its address.');
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});

try {
  console.log(`History load in Chromium, ${RUNS} runs each (${new Date().toISOString().slice(0, 10)}):`);
  for (const size of SIZES) {
    const progress = largeProgress(size);
    const records = {
      answers: progress.history.answers.map((answer) => [answerKey(answer), answer] as const),
      attempts: progress.history.attempts,
      questions: Object.entries(progress.history.questions).map(([key, question]) => ({ key, question })),
    };
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on('pageerror', (error) => console.log('page error:', error.message));
    // The app creates its database at the first start; the records go in as the app writes them.
    await page.goto(`${base}/`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    // Opened before the app made it, the database would be made empty, without the app's stores:
    // listed is not enough (a run hung on a database listed while it was being made), read is.
    await page.waitForFunction(() => performance.getEntriesByName('source-quiz:history-loaded').length > 0);
    await page.evaluate(
      (saved) =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('source-quiz');
          request.onerror = () => reject(request.error ?? new Error('no database'));
          request.onsuccess = () => {
            const tx = request.result.transaction(['answers', 'attempts', 'questions'], 'readwrite');
            for (const [key, answer] of saved.answers) tx.objectStore('answers').put(answer, key);
            for (const attempt of saved.attempts) tx.objectStore('attempts').put(attempt);
            for (const question of saved.questions) tx.objectStore('questions').put(question);
            tx.oncomplete = () => {
              request.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error ?? new Error('not written'));
          };
        }),
      records,
    );
    const times: number[] = [];
    const reads: number[] = [];
    const loads: number[] = [];
    const shown = size.toLocaleString('en');
    for (let run = 0; run < RUNS; run += 1) {
      const started = Date.now();
      await page.goto(`${base}/progress`);
      await page
        .getByText(new RegExp(`^(${shown}|${size}) answers$`))
        .first()
        .waitFor({ timeout: 90_000 });
      times.push(Date.now() - started);
      const marks = await page.evaluate(() =>
        ['source-quiz:history-read', 'source-quiz:history-loaded'].map((name) =>
          Math.round(performance.getEntriesByName(name)[0]?.startTime ?? -1),
        ),
      );
      reads.push(marks[0] ?? -1);
      loads.push(marks[1] ?? -1);
    }
    const median = (values: number[]) => [...values].sort((left, right) => left - right)[1];
    console.log(
      `  ${shown} answers: records read and checked at ${median(reads)} ms, history ready at ${median(loads)} ms, Progress shown at ${median(times)} ms (medians from navigation; runs ${times.join(', ')} ms)`,
    );
    await context.close();
  }
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
}
