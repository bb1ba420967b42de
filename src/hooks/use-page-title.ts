import { createContext, useContext, useEffect } from 'react';

const APP_NAME = 'Source Quiz';

/** The tab title for a page's own title (or the app's name alone). */
export function fullPageTitle(title: string | undefined): string {
  return title ? `${title} · ${APP_NAME}` : APP_NAME;
}

/**
 * Given only when a page is built to HTML, where effects do not run: it hears the page's title, so
 * the built page carries it from the first response.
 */
export const PageTitleRecorder = createContext<((title: string) => void) | null>(null);

/** Sets the tab title, which is also what a screen reader announces after navigation. */
export function usePageTitle(title: string | undefined): void {
  useContext(PageTitleRecorder)?.(fullPageTitle(title));
  useEffect(() => {
    document.title = fullPageTitle(title);
  }, [title]);
}
