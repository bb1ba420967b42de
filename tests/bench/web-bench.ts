/**
 * `npm run bench:web`: Lighthouse (simulated mobile, Debian's Chromium) on four pages, three runs each,
 * printing the medians; then the time from a click on "Check answer" to the feedback being painted,
 * with the CPU slowed four times. Figures are printed, not asserted: this is a benchmark.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { preview } from 'vite';

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const PAGES = {
  home: '/',
  'quiz question': '/quiz/play?types=single&count=5&mode=practice&seed=bench1',
  review: '/review',
  source: '/sources/development-cooperation',
};
const RUNS = 3;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function lighthouseFigures(base: string) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROME, chromeFlags: FLAGS });
  const rows: Record<string, string | number>[] = [];
  try {
    for (const [name, path] of Object.entries(PAGES)) {
      const runs: {
        performance: number;
        accessibility: number;
        bestPractices: number;
        tbt: number;
        lcp: number;
        fcp: number;
        cls: number;
      }[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        const result = await lighthouse(`${base}${path}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices'],
        });
        const lhr = result?.lhr;
        if (!lhr) throw new Error(`Lighthouse returned nothing for ${path}`);
        const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
        const metric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
        runs.push({
          performance: score('performance'),
          accessibility: score('accessibility'),
          bestPractices: score('best-practices'),
          tbt: metric('total-blocking-time'),
          lcp: metric('largest-contentful-paint'),
          fcp: metric('first-contentful-paint'),
          cls: metric('cumulative-layout-shift'),
        });
      }
      rows.push({
        page: name,
        performance: median(runs.map((r) => r.performance)),
        accessibility: median(runs.map((r) => r.accessibility)),
        'best practices': median(runs.map((r) => r.bestPractices)),
        'FCP ms': Math.round(median(runs.map((r) => r.fcp))),
        'LCP ms': Math.round(median(runs.map((r) => r.lcp))),
        'TBT ms': Math.round(median(runs.map((r) => r.tbt))),
        CLS: Number(median(runs.map((r) => r.cls)).toFixed(3)),
      });
    }
  } finally {
    chrome.kill();
  }
  return rows;
}

/** Click on "Check answer" to the feedback painted (two animation frames later), CPU slowed 4×. */
async function feedbackLatency(base: string): Promise<number[]> {
  const browser = await chromium.launch({
    executablePath: CHROME,
    args: FLAGS.filter((flag) => !flag.startsWith('--headless')),
  });
  const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const times: number[] = [];
  for (let run = 0; run < 10; run += 1) {
    await page.goto(`${base}/quiz/play?types=single&count=1&mode=practice&seed=latency${run}`);
    await page.getByText('Question 1 of 1').waitFor();
    await page.getByRole('radio').first().check();
    times.push(
      await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const button = [...document.querySelectorAll('button')].find(
              (b) => b.textContent === 'Check answer',
            );
            const start = performance.now();
            const observer = new MutationObserver(() => {
              if (!document.querySelector('[aria-label="Feedback"]')) return;
              observer.disconnect();
              requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - start)));
            });
            observer.observe(document.body, { childList: true, subtree: true });
            button?.click();
          }),
      ),
    );
  }
  await browser.close();
  return times;
}

const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
const base = server.resolvedUrls?.local[0]?.replace(/\/$/, '');
if (!base) throw new Error('The preview server did not report its address.');
try {
  console.log(
    `Lighthouse ${RUNS} runs per page, simulated mobile, medians (${new Date().toISOString().slice(0, 10)}):`,
  );
  console.table(await lighthouseFigures(base));
  const times = await feedbackLatency(base);
  console.log(
    `Click to feedback painted, CPU slowed 4×: median ${median(times).toFixed(1)} ms, ` +
      `max ${Math.max(...times).toFixed(1)} ms over ${times.length} answers (target under 50 ms).`,
  );
} finally {
  await server.close();
}
