import { chromium } from 'playwright-core';
import { CHROME, CHROME_FLAGS } from './web-chrome';

/** Click on "Check answer" to the feedback painted (two animation frames later), CPU slowed 4×. */
export async function feedbackLatency(base: string, answers = 10): Promise<number[]> {
  const browser = await chromium.launch({
    executablePath: CHROME,
    args: CHROME_FLAGS.filter((flag) => !flag.startsWith('--headless')),
  });
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const times: number[] = [];
    for (let run = 0; run < answers; run += 1) {
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
        ),
      );
    }
    return times;
  } finally {
    await browser.close();
  }
}
