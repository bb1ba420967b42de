import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// findBy… and waitFor wait up to 10 s: a page that loads its content late still counts, a page that
// never shows what is expected still fails.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
});

// jsdom does no layout, so it has no scrolling; the real browser tests check where things scroll to.
Element.prototype.scrollIntoView ??= function scrollIntoView() {};
