import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
});

// jsdom does no layout, so it has no scrolling; the real browser tests check where things scroll to.
Element.prototype.scrollIntoView ??= function scrollIntoView() {};
