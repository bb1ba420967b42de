import { BrowserRouter } from 'react-router';
import { ContentContext } from '@/hooks/use-content';
import { builtInContent } from './built-in-content';
import { AppRoutes } from './routes';

export function App() {
  return (
    <ContentContext value={builtInContent}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </ContentContext>
  );
}
