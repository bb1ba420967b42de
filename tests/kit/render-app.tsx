import { render } from '@testing-library/react';
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
