import type { ReactNode } from 'react';
import { BrowserRouter } from 'react-router';
import { ContentContext } from '@/hooks/use-content';
import { builtInContent } from './built-in-content';
import { AppRoutes } from './routes';

/** The app around a router: the browser's in the page, a static one when pages are built to HTML. */
export function AppWithRouter({ router: Router }: { router: (props: { children: ReactNode }) => ReactNode }) {
  return (
    <ContentContext value={builtInContent}>
      <Router>
        <AppRoutes />
      </Router>
    </ContentContext>
  );
}

export function App() {
  return <AppWithRouter router={BrowserRouter} />;
}
