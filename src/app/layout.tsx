import { lazy, memo, startTransition, Suspense, useEffect, useRef, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { ErrorBoundary } from '@/components/error-boundary';
import { useContentAccess } from '@/hooks/use-content';
import { useHydrated } from '@/hooks/use-hydrated';
import { useStorageNotices } from '@/hooks/use-storage-notices';
import { afterHistoryStarts } from '@/stores/history-demand';
import { useServerInfoStore } from '@/stores/server-info-store';
import { AppLogo } from '@/components/app-logo';
import { PageLoading } from '@/components/page-loading';
import { isFirstScreenHeld } from './first-screen';
import { RouteErrorPage } from './route-error-page';
import { UpdatePrompt } from './update-prompt';
import { paths } from '@/navigation/paths';

// Both load only when they have something to show, to keep the first page within its budget.
const StorageNoticeBanner = lazy(() =>
  import('@/components/storage-notice-banner').then((module) => ({ default: module.StorageNoticeBanner })),
);
const TeacherNavLink = lazy(() =>
  import('@/features/classroom/server/teacher-nav-link').then((module) => ({
    default: module.TeacherNavLink,
  })),
);

const NAV = [
  { to: paths.home(), label: 'Home', end: true },
  { to: paths.quizStart(), label: 'Quiz', end: false },
  { to: paths.review(), label: 'Review', end: false },
  { to: paths.progress(), label: 'Progress', end: false },
  { to: paths.sources(), label: 'Sources', end: false },
  { to: paths.classroom(), label: 'Classroom', end: false },
];

/**
 * The current route's screen. Memoised: the layout renders again when hydration ends (and when a
 * notice or the server's answer arrives); a built page's screen whose code is still loading would
 * then be thrown away for "Loading…" instead of hydrated.
 */
const RouteScreen = memo(function RouteScreen({ address }: { address: string }) {
  // The first screen comes in a transition after "Loading…" has been shown as content (first-screen.ts).
  const [isShown, setIsShown] = useState(() => !isFirstScreenHeld());
  useEffect(() => {
    if (!isShown) startTransition(() => setIsShown(true));
  }, [isShown]);
  return (
    // Any change of address, the hash included, leaves an error: a corrected link works in the same tab.
    <ErrorBoundary resetKey={address} fallback={(error) => <RouteErrorPage error={error} />}>
      <Suspense fallback={<PageLoading />}>{isShown ? <Outlet /> : <PageLoading />}</Suspense>
    </ErrorBoundary>
  );
});

export function Layout() {
  const { pathname, search, hash } = useLocation();
  const main = useRef<HTMLElement>(null);
  const isFirstRender = useRef(true);
  // Known only to this device: left out of the first render, which must match a prerendered page.
  const isHydrated = useHydrated();
  const hasNotices = useStorageNotices().length > 0 && isHydrated;
  const isServerPresent = useServerInfoStore((state) => state.status === 'present') && isHydrated;

  // Once a page has loaded the saved history, the banks too, so that answers to a question corrected
  // since are regraded (src/engine/regrade-history.ts). Pages that show no history load neither.
  const content = useContentAccess();
  useEffect(
    () =>
      afterHistoryStarts(
        () =>
          void import('@/stores/regrade-on-load').then(({ regradeWithBanks }) =>
            regradeWithBanks(() => content.loadQuestions(), Date.now),
          ),
      ),
    [content],
  );

  // After a client-side navigation, move focus to the new page so keyboard and screen reader
  // users start reading at its top rather than at the link they followed.
  useEffect(() => {
    if (isFirstRender.current) {
      isFirstRender.current = false;
      return;
    }
    if (!main.current?.contains(document.activeElement)) main.current?.focus();
  }, [pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <NavLink to={paths.home()} className="site-header__brand">
            <AppLogo />
            Source Quiz
          </NavLink>
          <nav className="site-nav" aria-label="Main">
            <ul>
              {NAV.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.end}>
                    {item.label}
                  </NavLink>
                </li>
              ))}
              {isServerPresent && (
                <Suspense fallback={null}>
                  <TeacherNavLink />
                </Suspense>
              )}
            </ul>
          </nav>
        </div>
      </header>
      {hasNotices && (
        <Suspense fallback={null}>
          <StorageNoticeBanner />
        </Suspense>
      )}
      <UpdatePrompt />
      <main id="main" className="site-main" ref={main} tabIndex={-1}>
        <RouteScreen address={`${pathname}${search}${hash}`} />
      </main>
      <footer className="site-footer">
        Every question is written from the source documents and cites the passage it comes from.
      </footer>
    </>
  );
}
