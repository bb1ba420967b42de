/**
 * `npm run bench:import`: the time from a click on the import page to the next painted frame, with
 * 10 and with 1,000 drafts, CPU at full speed and slowed four times. The figures are printed, not
 * asserted: this is a benchmark. The target is under 100 ms a click, whatever the number of drafts.
 *
 * Each click is made in the page (element.click(), or a typed character for an edit), timed from
 * just before the click to the second animation frame after it: by then React has rendered and the
 * browser has painted the frame that shows the change.
 */
import { chromium, type Page } from 'playwright-core';
import { preview } from 'vite';

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CLICKS_PER_KIND = 15;
const ACCEPT_ALLS = 5;

/** Year questions about a passage of the built-in sources, with an explanation, so "Accept" adds them. */
function giftOf(count: number): string {
  return Array.from(
    { length: count },
    (_, n) =>
      `::bench-${n}:: In which year did Belgium and Vietnam officially establish diplomatic relations (${n})? ` +
      `{#1973####Relations were established in 1973.}\n`,
  ).join('\n');
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** Clicks the `index`-th element matching `selector` in the page, and times it to the painted frame. */
function timeClick(page: Page, selector: string, index: number): Promise<number> {
  return page.evaluate(
    ({ selector, index }) =>
      new Promise<number>((resolve, reject) => {
        const target = document.querySelectorAll<HTMLElement>(selector)[index];
        if (!target) return reject(new Error(`nothing at ${selector} [${index}]`));
        const start = performance.now();
        target.click();
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - start)));
      }),
    { selector, index },
  );
}

/** Types one character at the end of a draft's explanation, as React hears typing, and times it. */
function timeEdit(page: Page, index: number): Promise<number> {
  return page.evaluate(
    (index) =>
      new Promise<number>((resolve, reject) => {
        const field = document.querySelectorAll<HTMLTextAreaElement>('.draft textarea')[index * 2];
        if (!field) return reject(new Error(`no explanation field ${index}`));
        const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
        const start = performance.now();
        setValue.call(field, `${field.value}.`);
        field.dispatchEvent(new Event('input', { bubbles: true }));
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - start)));
      }),
    index,
  );
}

async function measure(base: string, drafts: number, throttle: number) {
  const browser = await chromium.launch({ executablePath: CHROME, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const cdp = await page.context().newCDPSession(page);
    await page.goto(`${base}/import`);
    await page
      .getByLabel('Question file')
      .setInputFiles({ name: 'bench.gift', mimeType: 'text/plain', buffer: Buffer.from(giftOf(drafts)) });
    await page
      .getByText(`bench.gift (gift): ${drafts.toLocaleString('en')} drafts`)
      .waitFor({ timeout: 120_000 });
    await page.locator('.draft').first().waitFor();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });

    const times: Record<string, number[]> = { edit: [], accept: [], reject: [], 'accept all (page)': [] };
    for (let n = 0; n < CLICKS_PER_KIND; n += 1) times.edit!.push(await timeEdit(page, n));
    for (let n = 0; n < CLICKS_PER_KIND; n += 1) {
      times.accept!.push(await timeClick(page, '.draft__actions .button:not(.button--secondary)', n));
    }
    const added = await page.locator('.draft p[role=status]', { hasText: 'Added to My questions' }).count();
    for (let n = 0; n < CLICKS_PER_KIND; n += 1) {
      // Each rejected row folds, so the next open row's Reject is always the first of those left.
      times.reject!.push(await timeClick(page, '.draft__actions .button--secondary', 0));
    }
    for (let n = 0; n < ACCEPT_ALLS; n += 1) {
      times['accept all (page)']!.push(
        await timeClick(page, '.drafts__toolbar .button:not(.button--secondary)', 0),
      );
    }
    const mine = await page.locator('.my-questions li').count();
    return { times, added, mine };
  } finally {
    await browser.close();
  }
}

const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
const base = server.resolvedUrls?.local[0]?.replace(/\/$/, '');
if (!base) throw new Error('The preview server did not report its address.');
try {
  console.log(`Import page, click to painted frame (${new Date().toISOString().slice(0, 10)}), in ms:`);
  const rows: Record<string, string | number>[] = [];
  for (const throttle of [1, 4]) {
    for (const drafts of [20, 1000]) {
      const { times, added, mine } = await measure(base, drafts, throttle);
      if (added === 0)
        console.warn(`  (no draft was accepted with ${drafts} drafts: the Accept figures time a refusal)`);
      for (const [kind, values] of Object.entries(times)) {
        rows.push({
          drafts,
          CPU: throttle === 1 ? 'full speed' : `slowed ${throttle}×`,
          click: kind,
          median: Number(median(values).toFixed(1)),
          slowest: Number(Math.max(...values).toFixed(1)),
          clicks: values.length,
          'my questions after': mine,
        });
      }
    }
  }
  console.table(rows);
} finally {
  await server.close();
}
