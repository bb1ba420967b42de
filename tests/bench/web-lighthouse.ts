import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { CHROME, CHROME_FLAGS } from './web-chrome';
import { isolatePage } from './web-isolate';
import { longestTask, longTasks, type LongTask, type TraceEvent } from './web-long-tasks';

// Lighthouse runs on one page of the app, each in a fresh tab of one Chrome, and a check after each
// run, in that same tab, that it measured the screen it was meant to (not an error, not a sign-in
// form): a wrong screen stops the bench.

/** What the screen showed at the end of a run. */
export type Screen = { url: string; title: string; heading: string; text: string };

export type BenchPage = {
  name: string;
  path: string;
  /** A `Cookie` header sent with every request of the run (Lighthouse's `extraHeaders`). */
  cookie?: string;
  /** localStorage entries set (or, when null, removed) on the app's origin before each run. */
  deviceStorage?: Record<string, string | null>;
  /** Why this screen is not the intended one, or null when it is. */
  problemWith(screen: Screen): string | null;
};

export type Figures = {
  performance: number;
  accessibility: number;
  bestPractices: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  /** Best-practices audits that failed, each with what it found. */
  failing: string[];
  /** With BENCH_TASKS set: the tasks behind the blocking time, from the run's own trace. */
  longTasks?: LongTask[];
  /** With BENCH_TASKS set: the task after the first paint that ran longest, counted or not. */
  longestTask?: LongTask;
};

const SCREEN_BACK_MS = 10_000;

/** The page did not load at all (Lighthouse's runtime error), as opposed to loading the wrong screen. */
class LoadFailure extends Error {}

async function readScreen(page: Page): Promise<Screen> {
  return page.evaluate(() => ({
    url: location.href,
    title: document.title,
    heading: document.querySelector('h1')?.textContent?.trim() ?? '',
    text: document.body.innerText,
  }));
}

/** What a failed audit found, briefly: console errors, issues, deprecations… */
function findings(audit: Result['audits'][string]): string[] {
  const details = audit.details as { items?: Record<string, unknown>[] } | undefined;
  const items = (details?.items ?? []).slice(0, 8).map((item) => {
    const source = item.sourceLocation as { url?: string } | undefined;
    const words = [item.description, item.value, item.issueType, item.url ?? source?.url].filter(
      (part) => typeof part === 'string' && part !== '',
    );
    return words.join(' · ') || JSON.stringify(item).slice(0, 200);
  });
  return items.length > 0 ? items : [audit.displayValue ?? audit.title];
}

function failingBestPractices(lhr: Result): string[] {
  const refs = lhr.categories['best-practices']?.auditRefs ?? [];
  return refs.flatMap((ref) => {
    const audit = lhr.audits[ref.id];
    if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) return [];
    return findings(audit).map((finding) => `${ref.id}: ${finding}`);
  });
}

function tasksOf(events: TraceEvent[]): Pick<Figures, 'longTasks' | 'longestTask'> {
  const longest = longestTask(events);
  return { longTasks: longTasks(events), ...(longest ? { longestTask: longest } : {}) };
}

async function runOnce(browser: Browser, base: string, target: BenchPage): Promise<Figures> {
  const page = await browser.newPage();
  try {
    // Every run is a device's first visit, unless the page says what the device holds. Lighthouse
    // clears the caches and the service worker, not what the app saves: without this, the quiz of
    // a page's first run was still saved in its second and third, which then read and checked it.
    // Any page of the origin will do; this one runs none of the app's code.
    await page.goto(`${base}/healthz`);
    const session = await page.createCDPSession();
    await session.send('Storage.clearDataForOrigin', {
      origin: new URL(base).origin,
      storageTypes: 'local_storage,indexeddb',
    });
    await session.detach();
    if (target.deviceStorage) {
      await page.evaluate((entries: Record<string, string | null>) => {
        for (const [key, value] of Object.entries(entries))
          if (value === null) localStorage.removeItem(key);
          else localStorage.setItem(key, value);
      }, target.deviceStorage);
    }
    const result = await lighthouse(
      `${base}${target.path}`,
      {
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices'],
        ...(target.cookie ? { extraHeaders: { Cookie: target.cookie } } : {}),
      },
      undefined,
      page,
    );
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`Lighthouse returned nothing for ${target.name}`);
    if (lhr.runtimeError) {
      const failures = (result.artifacts.DevtoolsLog ?? []).flatMap((event) =>
        event.method === 'Network.loadingFailed' ? [`${event.params.type} ${event.params.errorText}`] : [],
      );
      const health = await fetch(`${base}/healthz`).then((reply) => String(reply.status), String);
      throw new LoadFailure(
        `Lighthouse failed on ${target.name}: ${lhr.runtimeError.message} ` +
          `(failed requests: ${failures.join('; ') || 'none'}; the server's /healthz: ${health})`,
      );
    }
    // Lighthouse ends by leaving the page and coming back to it (its back/forward cache audit), when
    // the service worker it let install may answer: the screen is given a few seconds to be back.
    let screen = await readScreen(page);
    let problem = target.problemWith(screen);
    for (let waited = 0; problem && waited < SCREEN_BACK_MS; waited += 250) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      screen = await readScreen(page);
      problem = target.problemWith(screen);
    }
    if (problem)
      throw new Error(
        `Lighthouse did not measure the ${target.name} page: ${problem}.\n` +
          `It ended on ${screen.url} ("${screen.title}"), showing:\n${screen.text.slice(0, 600)}`,
      );
    const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    const metric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      fcp: metric('first-contentful-paint'),
      lcp: metric('largest-contentful-paint'),
      tbt: metric('total-blocking-time'),
      cls: metric('cumulative-layout-shift'),
      failing: failingBestPractices(lhr),
      ...(process.env.BENCH_TASKS ? tasksOf(result.artifacts.Trace.traceEvents) : {}),
    };
  } finally {
    await page.close();
  }
}

/** Every page `runs` times, in order, in one Chrome that Lighthouse drives through a tab of ours. */
export async function lighthouseRuns(
  base: string,
  pages: BenchPage[],
  runs: number,
): Promise<Map<BenchPage, Figures[]>> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROME, chromeFlags: CHROME_FLAGS });
  const isolate = () => (process.env.BENCH_ISOLATE && chrome.pid ? isolatePage(chrome.pid) : null);
  const undoIsolation = isolate();
  if (undoIsolation)
    console.log("BENCH_ISOLATE: the bench and Chrome's processes other than its renderers on processor 0.");
  const browser = await puppeteer.connect({
    browserURL: `http://127.0.0.1:${chrome.port}`,
    defaultViewport: null,
  });
  const figures = new Map<BenchPage, Figures[]>();
  try {
    for (const target of pages) {
      const list: Figures[] = [];
      for (let run = 0; run < runs; run += 1) {
        isolate();
        try {
          list.push(await runOnce(browser, base, target));
        } catch (error) {
          // A load that failed outright is run again once, and said; a wrong screen never is.
          if (!(error instanceof LoadFailure)) throw error;
          console.log(`  ${error.message}; running it again`);
          list.push(await runOnce(browser, base, target));
        }
      }
      figures.set(target, list);
    }
  } finally {
    await browser.disconnect();
    chrome.kill();
    undoIsolation?.();
  }
  return figures;
}
