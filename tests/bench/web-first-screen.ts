import { chromium, type Browser } from 'playwright-core';
import { CHROME, CHROME_FLAGS } from './web-chrome';

// Lighthouse's simulation leaves out time the page waits without network or CPU work, such as React
// holding a screen back after a "Loading…" fallback (src/app/first-screen.ts). This measures the real
// time on a first visit, this machine, nothing slowed: from the start of navigation to the screen's
// text in the page.

export type FirstScreen = {
  name: string;
  path: string;
  /** Text that is in the page once the screen has shown its content. */
  shows: string;
  /** A `name=value` cookie for the run (a teacher's session). */
  cookie?: string;
};

async function timeOnce(browser: Browser, base: string, target: FirstScreen): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
  try {
    if (target.cookie) {
      const [name = '', value = ''] = (target.cookie.split(';')[0] ?? '').split('=');
      await context.addCookies([{ name, value, url: base }]);
    }
    const page = await context.newPage();
    await page.addInitScript((shows: string) => {
      const observer = new MutationObserver(() => {
        if (!document.body?.innerText.includes(shows)) return;
        observer.disconnect();
        Object.assign(window, { shownAt: performance.now() });
      });
      observer.observe(document, { subtree: true, childList: true, characterData: true });
    }, target.shows);
    await page.goto(`${base}${target.path}`);
    await page.getByText(target.shows).first().waitFor();
    return await page.evaluate(() => (window as unknown as { shownAt: number }).shownAt);
  } finally {
    await context.close();
  }
}

/** Each screen's times, `runs` first visits each. */
export async function firstScreenTimes(
  base: string,
  screens: FirstScreen[],
  runs = 5,
): Promise<Map<FirstScreen, number[]>> {
  const browser = await chromium.launch({ executablePath: CHROME, args: CHROME_FLAGS });
  const times = new Map<FirstScreen, number[]>();
  try {
    for (const screen of screens) {
      const list: number[] = [];
      for (let run = 0; run < runs; run += 1) list.push(await timeOnce(browser, base, screen));
      times.set(screen, list);
    }
  } finally {
    await browser.close();
  }
  return times;
}
