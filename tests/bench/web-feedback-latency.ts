import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROME, CHROME_FLAGS } from './web-chrome';

export type FeedbackTimes = {
  /** Each answer in turn, a new quiz each time, the first in a browser just started. */
  answers: number[];
  /**
   * The first answer of another browser just started, given while its service worker stores the app
   * for offline use (it starts once the learner pauses): as a learner who reads the question for a
   * few seconds, then answers, meets it on a first visit.
   */
  firstWhileStoring: number;
  /**
   * The first answer of a third browser just started, given once the service worker has stored
   * the app for offline use, as on a first visit by a learner who reads the question for longer.
   */
  firstOnceStored: number;
};

async function openThrottled(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return page;
}

async function openQuestion(page: Page, base: string, seed: string): Promise<void> {
  await page.goto(`${base}/quiz/play?types=single&count=1&mode=practice&seed=${seed}`);
  await page.getByText('Question 1 of 1').waitFor();
}

/** Chooses the first option and clicks "Check answer": the time to the feedback painted (two frames later). */
async function answer(page: Page): Promise<number> {
  await page.getByRole('radio').first().check();
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Check answer');
        if (!button) throw new Error('no "Check answer" button on the question');
        const start = performance.now();
        const observer = new MutationObserver(() => {
          if (!document.querySelector('[aria-label="Feedback"]')) return;
          observer.disconnect();
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - start)));
        });
        observer.observe(document.body, { childList: true, subtree: true });
        button.click();
      }),
  );
}

/** Waits until the page's service worker is storing the app; 60 s at most. */
async function untilStoring(page: Page): Promise<void> {
  const deadline = Date.now() + 60_000;
  // Polled from here: waitForFunction would take the promise an async check returns as a yes.
  while (
    !(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.installing != null))
  ) {
    if (Date.now() > deadline) throw new Error('the service worker did not start storing the app in 60 s');
    await page.waitForTimeout(20);
  }
}

async function inNewBrowser<T>(run: (page: Page) => Promise<T>): Promise<T> {
  const browser = await chromium.launch({
    executablePath: CHROME,
    args: CHROME_FLAGS.filter((flag) => !flag.startsWith('--headless')),
  });
  try {
    return await run(await openThrottled(browser));
  } finally {
    await browser.close();
  }
}

/** Click on "Check answer" to the feedback painted, CPU slowed 4×. */
export async function feedbackLatency(base: string, count = 10): Promise<FeedbackTimes> {
  const answers = await inNewBrowser(async (page) => {
    const times: number[] = [];
    for (let run = 0; run < count; run += 1) {
      await openQuestion(page, base, `latency${run}`);
      times.push(await answer(page));
    }
    return times;
  });
  const firstWhileStoring = await inNewBrowser(async (page) => {
    await openQuestion(page, base, 'latency0');
    await untilStoring(page);
    return answer(page);
  });
  const firstOnceStored = await inNewBrowser(async (page) => {
    await openQuestion(page, base, 'latency0');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 60_000,
    });
    return answer(page);
  });
  return { answers, firstWhileStoring, firstOnceStored };
}
