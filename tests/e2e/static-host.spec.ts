import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '@/build/security-headers';
import { expectNoAxeViolations, launchBrowser, newContext } from './browser';
import { startStaticHost, type StaticHost } from './static-host';

let browser: Browser;
let host: StaticHost;

beforeAll(async () => {
  browser = await launchBrowser();
  host = await startStaticHost(`${process.cwd()}/dist`);
});
afterAll(async () => {
  await host.close();
  await browser.close();
});

describe('the built files alone, on a static host that sends no headers', () => {
  it('carry the content security policy in index.html, all of it but frame-ancestors', () => {
    const html = readFileSync('dist/index.html', 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    const policy = meta?.replaceAll('&#39;', "'");
    const expected = CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('frame-ancestors'));
    expect(policy?.split('; ')).toEqual(expected);
    // Before any script or style, so it covers all of them.
    expect(html.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(html.indexOf('<script'));
  });

  it('enforce it: the app runs without a violation, and injected inline script is refused', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content.Security.Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto(`${host.url}/`);
    expect(response?.headers()['content-security-policy']).toBeUndefined();
    await page.getByRole('heading', { name: 'The documents', exact: true }).waitFor();
    await page.goto(`${host.url}/quiz/play?types=single&count=2&mode=practice&seed=static1`);
    await page.getByText('Question 1 of 2').waitFor();
    expect(violations).toEqual([]);

    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      const refused = new Promise((resolve) =>
        document.addEventListener('securitypolicyviolation', () => resolve('refused'), { once: true }),
      );
      document.head.append(script);
      await Promise.race([refused, new Promise((resolve) => setTimeout(resolve, 1000))]);
      return 'inlineRan' in window;
    });
    expect(ran).toBe(false);
    await context.close();

    const axeContext = await newContext(browser);
    const axePage = await axeContext.newPage();
    await axePage.goto(`${host.url}/quiz/play?types=single&count=2&mode=practice&seed=static1`);
    await axePage.getByText('Question 1 of 2').waitFor();
    await expectNoAxeViolations(axePage, 'quiz on a static host');
    await axeContext.close();
  });
});
