import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The `href` of each `<link rel="icon">` in the page every address starts from. */
function iconLinks(): string[] {
  const html = readFileSync('index.html', 'utf8');
  return [...html.matchAll(/<link\s[^>]*rel="icon"[^>]*>/g)].map(
    ([tag]) => /href="([^"]+)"/.exec(tag)?.[1] ?? '',
  );
}

describe("the page's icon", () => {
  it('is a PNG the app ships: Chromium draws an SVG icon by building a document on the main thread', () => {
    // A task of about 30 ms in Lighthouse's trace of every page, after its first paint (120 ms on
    // its simulated phone).
    const icons = iconLinks();
    expect(icons.length).toBeGreaterThan(0);
    for (const href of icons) {
      expect(href).toMatch(/\.png$/);
      expect(existsSync(`public${href}`), href).toBe(true);
    }
  });
});
