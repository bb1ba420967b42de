import { lazy, Suspense, useEffect, useRef } from 'react';
import { Route, Routes, useLocation } from 'react-router';
import { ErrorBoundary } from '@/components/error-boundary';
import { ROUTES } from '@/navigation/paths';
import { builtInContent } from './built-in-content';
import { Layout } from './layout';
import { reloadIfOutdated } from './reload-when-outdated';
import { RouteErrorPage } from './route-error-page';

// Declarative routes with React.lazy: the data router would add ~30 KB gzip to the first page.
// Every screen loads in chunks apart from the first page's, with its data, when it is visited; the
// home page too, whose built HTML shows until its chunk has come and hydrated it.
const HomePage = lazy(async () => ({ default: (await import('@/features/home/home-page')).HomePage }));
const SourceListPage = lazy(async () => ({
  default: (await import('@/features/sources/source-list-page')).SourceListPage,
}));
const QuizStartPage = lazy(async () => ({
  default: (await import('@/features/quiz/quiz-start-page')).QuizStartPage,
}));
const QuizPlayPage = lazy(async () => {
  // The banks the quiz needs start loading with the screen's code, not after it: one round trip less.
  const banks = new URLSearchParams(window.location.search).get('banks')?.split(',') ?? [];
  void builtInContent.loadQuestions(banks);
  return { default: (await import('@/features/quiz/quiz-play-page')).QuizPlayPage };
});
const ClassroomPage = lazy(async () => ({
  default: (await import('@/features/classroom/classroom-page')).ClassroomPage,
}));
const AssignmentBuilderPage = lazy(async () => ({
  default: (await import('@/features/classroom/assignment-builder-page')).AssignmentBuilderPage,
}));
const AssignmentPage = lazy(async () => ({
  default: (await import('@/features/classroom/assignment-page')).AssignmentPage,
}));
const StudentStartPage = lazy(async () => ({
  default: (await import('@/features/classroom/student-start-page')).StudentStartPage,
}));
const ClassReportPage = lazy(async () => ({
  default: (await import('@/features/classroom/class-report-page')).ClassReportPage,
}));
const PrintPage = lazy(async () => ({
  default: (await import('@/features/classroom/print-page')).PrintPage,
}));
const ProjectorPage = lazy(async () => ({
  default: (await import('@/features/classroom/projector-page')).ProjectorPage,
}));
const TeacherAuthPage = lazy(async () => ({
  default: (await import('@/features/classroom/server/teacher-auth-page')).TeacherAuthPage,
}));
const SetPasswordPage = lazy(async () => ({
  default: (await import('@/features/classroom/server/set-password-page')).SetPasswordPage,
}));
const TeacherHomePage = lazy(async () => ({
  default: (await import('@/features/classroom/server/teacher-home-page')).TeacherHomePage,
}));
const TeacherDisputesPage = lazy(async () => ({
  default: (await import('@/features/classroom/server/teacher-disputes-page')).TeacherDisputesPage,
}));
const TeacherAccountPage = lazy(async () => ({
  default: (await import('@/features/classroom/server/teacher-account-page')).TeacherAccountPage,
}));
const ServerAssignmentBuilderPage = lazy(async () => ({
  default: (await import('@/features/classroom/server/server-assignment-builder-page'))
    .ServerAssignmentBuilderPage,
}));
const ServerAssignmentPage = lazy(async () => ({
  default: (await import('@/features/classroom/server/server-assignment-page')).ServerAssignmentPage,
}));
const ServerReportPage = lazy(async () => ({
  default: (await import('@/features/classroom/server/server-report-page')).ServerReportPage,
}));
const StudentAssignmentPage = lazy(async () => ({
  default: (await import('@/features/classroom/server/student-assignment-page')).StudentAssignmentPage,
}));
// A live page opens its socket as soon as it shows: the socket's library loads with the screen's code,
// not after it (a round trip less before a rejoining player sees the question).
const JoinLivePage = lazy(async () => {
  void import('socket.io-client');
  return { default: (await import('@/features/classroom/live/join-live-page')).JoinLivePage };
});
const LiveHostPage = lazy(async () => {
  void import('socket.io-client');
  return { default: (await import('@/features/classroom/live/live-host-page')).LiveHostPage };
});
// Lazy too, though the build merges a module this small into the first page (vite.config.ts).
const NotFoundPage = lazy(async () => ({ default: (await import('./not-found-page')).NotFoundPage }));
const ReviewPage = lazy(async () => ({
  default: (await import('@/features/review/review-page')).ReviewPage,
}));
const ProgressPage = lazy(async () => ({
  default: (await import('@/features/progress/progress-page')).ProgressPage,
}));
const ExportPage = lazy(async () => ({
  default: (await import('@/features/interchange/export-page')).ExportPage,
}));
const ImportPage = lazy(async () => ({
  default: (await import('@/features/interchange/import-page')).ImportPage,
}));
const SourcePage = lazy(async () => {
  // The text starts loading with the reader's code.
  void builtInContent.loadSources();
  return { default: (await import('@/features/sources/source-page')).SourcePage };
});

export function AppRoutes() {
  const { pathname, search, hash } = useLocation();
  const firstPath = useRef(pathname);
  useEffect(() => {
    if (pathname !== firstPath.current) reloadIfOutdated();
  }, [pathname]);
  return (
    <Routes>
      <Route
        path={ROUTES.projector}
        element={
          // Full screen, outside the layout: it needs its own boundary, or a failure blanks the page.
          <ErrorBoundary
            resetKey={`${pathname}${search}${hash}`}
            fallback={(error) => (
              <main id="main" className="site-main">
                <RouteErrorPage error={error} />
              </main>
            )}
          >
            <Suspense fallback={<p role="status">Loading…</p>}>
              <ProjectorPage />
            </Suspense>
          </ErrorBoundary>
        }
      />
      <Route element={<Layout />}>
        <Route path={ROUTES.home} element={<HomePage />} />
        <Route path={ROUTES.quizStart} element={<QuizStartPage />} />
        <Route path={ROUTES.quizPlay} element={<QuizPlayPage />} />
        <Route path={ROUTES.review} element={<ReviewPage />} />
        <Route path={ROUTES.progress} element={<ProgressPage />} />
        <Route path={ROUTES.classroom} element={<ClassroomPage />} />
        <Route path={ROUTES.assignmentBuilder} element={<AssignmentBuilderPage />} />
        <Route path={ROUTES.assignment} element={<AssignmentPage />} />
        <Route path={ROUTES.classReport} element={<ClassReportPage />} />
        <Route path={ROUTES.print} element={<PrintPage />} />
        <Route path={ROUTES.studentStart} element={<StudentStartPage />} />
        <Route path={ROUTES.teacherSignIn} element={<TeacherAuthPage kind="sign-in" />} />
        <Route path={ROUTES.teacherSignUp} element={<TeacherAuthPage kind="sign-up" />} />
        <Route path={ROUTES.setPassword} element={<SetPasswordPage />} />
        <Route path={ROUTES.teacher} element={<TeacherHomePage />} />
        <Route path={ROUTES.teacherAccount} element={<TeacherAccountPage />} />
        <Route path={ROUTES.teacherDisputes} element={<TeacherDisputesPage />} />
        <Route path={ROUTES.serverAssignmentBuilder} element={<ServerAssignmentBuilderPage />} />
        <Route path={ROUTES.serverAssignment} element={<ServerAssignmentPage />} />
        <Route path={ROUTES.serverReport} element={<ServerReportPage />} />
        <Route path={ROUTES.serverStudent} element={<StudentAssignmentPage />} />
        <Route path={ROUTES.liveJoin} element={<JoinLivePage />} />
        <Route path={ROUTES.liveHost} element={<LiveHostPage />} />
        <Route path={ROUTES.export} element={<ExportPage />} />
        <Route path={ROUTES.import} element={<ImportPage />} />
        <Route path={ROUTES.sources} element={<SourceListPage />} />
        <Route path={ROUTES.source} element={<SourcePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
