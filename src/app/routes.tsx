import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { HomePage } from '@/features/home/home-page';
import { Layout } from './layout';
import { NotFoundPage } from './not-found-page';

// Declarative routes with React.lazy: the data router would add ~30 KB gzip to the first page.
// Every screen but the first loads as its own chunk, with its data, when it is visited.
const SourceListPage = lazy(async () => ({
  default: (await import('@/features/sources/source-list-page')).SourceListPage,
}));
const QuizStartPage = lazy(async () => ({ default: (await import('@/features/quiz/quiz-start-page')).QuizStartPage }));
const QuizPlayPage = lazy(async () => ({ default: (await import('@/features/quiz/quiz-play-page')).QuizPlayPage }));
const SourcePage = lazy(async () => ({ default: (await import('@/features/sources/source-page')).SourcePage }));

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="quiz" element={<QuizStartPage />} />
        <Route path="quiz/play" element={<QuizPlayPage />} />
        <Route path="sources" element={<SourceListPage />} />
        <Route path="sources/:sourceId/:passageId?" element={<SourcePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
