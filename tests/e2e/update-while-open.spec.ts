import { mkdtempSync, rmSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { LEARNER_PAUSE_MS } from '@/app/service-worker-input';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, newContext } from './browser';
import { writeNextVersion } from './new-version';
import { startStaticHost, type StaticHost } from './static-host';

let browser: Browser;
let host: StaticHost;
let folder: string;

beforeAll(async () => {
  browser = await launchBrowser();
  folder = mkdtempSync(join(tmpdir(), 'sq-update-'));
  cpSync('dist', join(folder, 'v1'), { recursive: true });
  writeNextVersion(join(folder, 'v1'), join(folder, 'v2'));
  host = await startStaticHost(join(folder, 'v1'));
});
afterAll(async () => {
  await host.close();
  await browser.close();
  rmSync(folder, { recursive: true, force: true });
});

// A page that paints from its HTML imports the app's scripts (after-first-paint.ts), so they are not
// all in document.scripts: which version runs is told by the scripts the page loaded.
const runsVersion2 = () =>
  performance.getEntriesByType('resource').some((entry) => /v2\.js$/.test(new URL(entry.name).pathname));

describe('a new version accepted in one tab', () => {
  it('leaves another tab, still on the old version, working at its next page', async () => {
    const context = await newContext(browser);
    const first = await context.newPage();
    await first.goto(`${host.url}/`);
    await first.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const second = await context.newPage();
    await second.goto(`${host.url}/`);
    await second.waitForFunction(() => navigator.serviceWorker.controller !== null);

    host.serveFrom(join(folder, 'v2'));
    await first.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    await first.getByRole('button', { name: 'Reload now' }).click();
    await first.waitForFunction(runsVersion2);
    // Left alone past its next pause of input, when it registers the service worker (and once loaded
    // a module the new version no longer has, then reloaded to load it): still the old version.
    await second.waitForTimeout(LEARNER_PAUSE_MS + 500);
    expect(await second.evaluate(runsVersion2)).toBe(false);
    const navigation = () =>
      (performance.getEntriesByType('navigation') as PerformanceNavigationTiming[])[0]?.type;
    expect(await second.evaluate(navigation)).toBe('navigate');

    // The old version's next screen is no longer on the host nor in the new worker's cache.
    await second.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sources' }).click();
    await second.waitForFunction(runsVersion2);
    await second.getByRole('heading', { name: 'Sources', level: 1 }).waitFor();
    expect(await second.getByRole('heading', { name: 'Something went wrong' }).count()).toBe(0);
    await expectNoAxeViolations(second, 'sources, after the update');
    await context.close();
  });
});
