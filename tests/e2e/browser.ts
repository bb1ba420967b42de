import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Debian's Chromium, or the one CHROME_PATH names; Playwright never downloads a browser here. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export function appUrl(path: string): string {
  return `${inject('baseUrl')}${path}`;
}

export async function newContext(
  browser: Browser,
  options: { width?: number } = {},
): Promise<BrowserContext> {
  // bypassCSP lets the test inject axe-core into pages served with a strict content security policy.
  return browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    bypassCSP: true,
    reducedMotion: 'reduce',
  });
}

/**
 * A page in a browser context of its own, so no test sees another's cookies, storage or history.
 * `storage` is saved in localStorage (as JSON) before the app's first script runs on the first page
 * of the app's origin; later navigations keep what the app changed.
 */
export async function openPage(
  browser: Browser,
  options: { width?: number; storage?: Record<string, unknown> } = {},
): Promise<Page> {
  const context = await newContext(browser, options);
  const entries = Object.entries(options.storage ?? {}).map(([key, value]) => [key, JSON.stringify(value)]);
  if (entries.length > 0) {
    await context.addInitScript((seed: string[][]) => {
      try {
        if (sessionStorage.getItem('e2e:seeded')) return;
        sessionStorage.setItem('e2e:seeded', '1');
        for (const [key = '', value = ''] of seed) localStorage.setItem(key, value);
      } catch {
        // about:blank and other opaque origins have no storage; the app's pages do.
      }
    }, entries);
  }
  return context.newPage();
}

type AxeResult = {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown }[] }[];
};

/** Runs axe-core on the page as it is now: WCAG 2.2 A and AA rules plus best practices. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  await page.addScriptTag({ content: axeSource });
  const result: AxeResult = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResult> } }
    ).axe;
    return axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
    });
  });
  const summary = result.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help} — ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`,
  );
  expect(summary, `axe-core violations on ${label}`).toEqual([]);
}

/** Presses Tab until `isTarget` says the focused element is the one wanted: how a keyboard user gets there. */
export async function tabTo(
  page: Page,
  description: string,
  isTarget: (element: Element) => boolean,
): Promise<void> {
  for (let presses = 0; presses < 80; presses += 1) {
    await page.keyboard.press('Tab');
    const found = await page.evaluateHandle(() => document.activeElement);
    if (await found.evaluate(isTarget)) return;
  }
  throw new Error(`Tab never reached ${description}`);
}

/** Tabs to the control whose accessible text (label, text or aria-label) matches exactly. */
export async function tabToNamed(page: Page, name: string): Promise<void> {
  for (let presses = 0; presses < 80; presses += 1) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => {
      const element = document.activeElement;
      if (!(element instanceof HTMLElement)) return '';
      const labelled = element instanceof HTMLInputElement ? element.labels?.[0]?.textContent : null;
      return (element.getAttribute('aria-label') ?? labelled ?? element.textContent ?? '').trim();
    });
    if (label === name || label.startsWith(`${name} ·`)) return;
  }
  throw new Error(`Tab never reached “${name}”`);
}

/**
 * Waits until the quiz shows `progress` ("Question 1 of 5") and takes answers: on a first visit the
 * server's render of the first question shows before the app has taken it over, and a key pressed
 * then does nothing (src/app/render-on-request.tsx).
 */
export async function waitForQuestion(page: Page, progress: string): Promise<void> {
  await page.getByText(progress).waitFor();
  await page.locator('.question button[type="submit"]:enabled').waitFor();
}

/**
 * How many answers the page's history holds in IndexedDB: loose records and those gathered into
 * pages alike.
 */
export function answersInDatabase(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open('source-quiz');
        // The app makes its database when it first loads the history store, which may be a moment
        // after the page: until then there is nothing to count, and this must not make an empty one.
        request.onupgradeneeded = () => request.transaction?.abort();
        request.onerror = () =>
          request.error?.name === 'AbortError'
            ? resolve(0)
            : reject(request.error ?? new Error('no database'));
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction(['answers', 'answerPages']);
          const loose = tx.objectStore('answers').count();
          const pages = tx.objectStore('answerPages').getAll();
          tx.oncomplete = () => {
            db.close();
            // A page is a JSON array of answers, or (since format 2) an object with a row per answer.
            const paged = (pages.result as string[]).reduce((sum, text) => {
              const page = JSON.parse(text) as unknown[] | { answers: unknown[] };
              return sum + (Array.isArray(page) ? page : page.answers).length;
            }, 0);
            resolve(loose.result + paged);
          };
          tx.onerror = () => reject(tx.error ?? new Error('no count'));
        };
      }),
  );
}

/** Selects words of a passage shown in a dispute form, as a drag of the mouse does. */
export async function selectPassageWords(page: Page, words: string): Promise<void> {
  await page
    .locator('.dispute__passage')
    .filter({ hasText: words })
    .first()
    .evaluate((element, quoted) => {
      const text = element.firstChild;
      if (!text || !text.textContent) throw new Error('the passage has no text');
      const start = text.textContent.indexOf(quoted);
      const range = document.createRange();
      range.setStart(text, start);
      range.setEnd(text, start + quoted.length);
      document.getSelection()?.removeAllRanges();
      document.getSelection()?.addRange(range);
      element.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    }, words);
}

/**
 * Records every text the page's main part shows, from the first paint on; the returned function
 * reads them.
 */
export async function recordMainTexts(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const shown: string[] = [];
    Object.assign(window, { shown });
    new MutationObserver(() => {
      const text = document.getElementById('main')?.innerText.trim() ?? '';
      if (text !== '' && shown.at(-1) !== text) shown.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { shown: string[] }).shown);
}

/** From the next page on, each IndexedDB database opens 300 ms late, as on a slow device. */
export async function openDatabasesSlowly(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
      const request = open.apply(this, args);
      const listen = request.addEventListener.bind(request);
      request.addEventListener = ((
        type: string,
        listener: EventListener,
        options?: AddEventListenerOptions,
      ) =>
        listen(
          type,
          type === 'success' ? (event) => setTimeout(() => listener(event), 300) : listener,
          options,
        )) as IDBOpenDBRequest['addEventListener'];
      return request;
    };
  });
}
