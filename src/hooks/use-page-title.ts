import { useEffect } from 'react';

const APP_NAME = 'Source Quiz';

/** Sets the tab title, which is also what a screen reader announces after navigation. */
export function usePageTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · ${APP_NAME}` : APP_NAME;
  }, [title]);
}
