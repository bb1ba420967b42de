import { act, render, type RenderResult } from '@testing-library/react';
import { Suspense } from 'react';
import { MemoryRouter } from 'react-router';
import { builtInContent } from '@/app/built-in-content';
import { AppRoutes } from '@/app/routes';
import type { ContentAccess } from '@/content/content-access';
import { ContentContext } from '@/hooks/use-content';

/**
 * Renders the app's routes at `path` in a memory router, as a person arriving at that address would
 * see them. Content is the built-in banks unless a test hands in its own (see fixture-content.ts).
 */
export function renderApp(path: string, options: { content?: ContentAccess } = {}) {
  return render(
    <ContentContext value={options.content ?? builtInContent}>
      <MemoryRouter initialEntries={[path]}>
        <Suspense fallback="loading">
          <AppRoutes />
        </Suspense>
      </MemoryRouter>
    </ContentContext>,
  );
}

/**
 * `renderApp`, returning once the page has loaded what it suspends on (its lazy screen, the banks).
 * Content handed in fresh to a test is not loaded yet; a screen that suspends on it inside
 * `render`'s synchronous act would wait for a retry that never comes.
 */
export async function renderPage(
  path: string,
  options: { content?: ContentAccess } = {},
): Promise<RenderResult> {
  let result: RenderResult | undefined;
  await act(async () => {
    result = renderApp(path, options);
  });
  if (!result) throw new Error(`${path} did not render`);
  return result;
}
