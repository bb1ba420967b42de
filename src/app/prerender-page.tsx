import { StrictMode, type ReactNode } from 'react';
import { prerender } from 'react-dom/static';
import { Route, Routes, StaticRouter } from 'react-router';
import { ContentContext } from '@/hooks/use-content';
import { fullPageTitle, PageTitleRecorder } from '@/hooks/use-page-title';
import { paths, ROUTES } from '@/navigation/paths';
import { AppWithRouter } from './app';
import { builtInContent } from './built-in-content';
import { PageLoading } from '@/components/page-loading';
import { Layout } from './layout';

/**
 * The pages that read nothing from the device or a server before they show their content, and whose
 * controls are links (which work before hydration too): built to HTML at build time
 * (src/build/prerender-plugin.ts), so they paint before any script has run, and hydrated in the
 * browser. Pages with forms or buttons (sign-up, classroom) are not: a tap or typing before hydration
 * would be lost. The sign-in and join pages, where teachers and students arrive, are the exceptions:
 * their fields and buttons are disabled until they are hydrated. Every other address gets the shell
 * (renderShell).
 */
export function prerenderedPaths(): string[] {
  return [
    paths.home(),
    paths.sources(),
    paths.teacherSignIn(),
    paths.liveJoin(),
    ...builtInContent.catalog.sources.map((source) => paths.source(source.id)),
  ];
}

/**
 * The module of the screen each built page shows when it is not in the first page's code: the build
 * links that screen's stylesheets from the page, so its layout does not shift once its code loads.
 */
export function screenModuleOf(path: string): string | undefined {
  if (path === paths.home()) return 'src/features/home/home-page.tsx';
  if (path === paths.teacherSignIn()) return 'src/features/classroom/server/teacher-auth-page.tsx';
  if (path === paths.liveJoin()) return 'src/features/classroom/live/join-live-page.tsx';
  if (path === paths.sources()) return 'src/features/sources/source-list-page.tsx';
  if (path.startsWith(`${paths.sources()}/`)) return 'src/features/sources/source-page.tsx';
  return undefined;
}

/**
 * The screen that each address not built to HTML shows, as routes.tsx loads it (lazily). The build
 * gives each a copy of the shell that asks for the screen's code with the page itself, instead of
 * once the first page's script has run and matched the address: on a first visit the screen's
 * files arrive a round trip sooner, and the script does not add their links one by one.
 */
export const SCREEN_MODULES: Partial<Record<keyof typeof ROUTES, string>> = {
  quizStart: 'src/features/quiz/quiz-start-page.tsx',
  quizPlay: 'src/features/quiz/quiz-play-page.tsx',
  review: 'src/features/review/review-page.tsx',
  progress: 'src/features/progress/progress-page.tsx',
  // A passage's address; the sources themselves are built pages.
  source: 'src/features/sources/source-page.tsx',
  classroom: 'src/features/classroom/classroom-page.tsx',
  assignmentBuilder: 'src/features/classroom/assignment-builder-page.tsx',
  assignment: 'src/features/classroom/assignment-page.tsx',
  classReport: 'src/features/classroom/class-report-page.tsx',
  print: 'src/features/classroom/print-page.tsx',
  projector: 'src/features/classroom/projector-page.tsx',
  studentStart: 'src/features/classroom/student-start-page.tsx',
  teacherSignUp: 'src/features/classroom/server/teacher-auth-page.tsx',
  teacher: 'src/features/classroom/server/teacher-home-page.tsx',
  teacherAccount: 'src/features/classroom/server/teacher-account-page.tsx',
  teacherDisputes: 'src/features/classroom/server/teacher-disputes-page.tsx',
  serverAssignmentBuilder: 'src/features/classroom/server/server-assignment-builder-page.tsx',
  serverAssignment: 'src/features/classroom/server/server-assignment-page.tsx',
  serverReport: 'src/features/classroom/server/server-report-page.tsx',
  serverStudent: 'src/features/classroom/server/student-assignment-page.tsx',
  liveHost: 'src/features/classroom/live/live-host-page.tsx',
  setPassword: 'src/features/classroom/server/set-password-page.tsx',
  export: 'src/features/interchange/export-page.tsx',
  import: 'src/features/interchange/import-page.tsx',
};

/**
 * Screens whose shell holds what they show on a device that has saved nothing (a first visit), built
 * like a page, instead of "Loading…". The browser keeps that content only once it knows the device
 * holds nothing (main.tsx); the service worker never serves these shells (vite.config.ts).
 */
export function emptyDeviceScreens(): string[] {
  return [paths.review()];
}

/**
 * Built pages the server may render otherwise on request (render-on-request.tsx): a device returning
 * to its live session gets its player's screen in the join page's place. They get a shell too.
 */
const BUILT_BUT_RENDERED_ON_REQUEST = [paths.liveJoin()];

/** Each address pattern with a screen shell, and that screen's module. */
export function screenShells(): { route: string; moduleId: string }[] {
  return [
    ...Object.entries(SCREEN_MODULES).map(([name, moduleId]) => ({
      route: ROUTES[name as keyof typeof ROUTES],
      moduleId,
    })),
    ...BUILT_BUT_RENDERED_ON_REQUEST.flatMap((route) => {
      const moduleId = screenModuleOf(route);
      return moduleId ? [{ route, moduleId }] : [];
    }),
  ];
}

/**
 * The markup inside #root for one address, with every lazy screen and its data loaded first, and the
 * page's title (the last one its screen asked for, as the browser would keep).
 */
export async function renderPage(path: string): Promise<{ markup: string; title: string }> {
  let title = fullPageTitle(undefined);
  const markup = await renderToHtml(
    path,
    <PageTitleRecorder value={(heard) => void (title = heard)}>
      <AppWithRouter router={({ children }) => <StaticRouter location={path}>{children}</StaticRouter>} />
    </PageTitleRecorder>,
  );
  return { markup, title };
}

/**
 * What every other address shows until its screen has rendered in the browser: the site's header
 * and footer around "Loading…", so the page paints before its scripts have run. Replaced, not
 * hydrated: the screen may be anything.
 */
export function renderShell(): Promise<string> {
  // At an address of its own, so no menu item shows as the current page.
  return renderInLayout('the shell', '/loading', <PageLoading />);
}

/**
 * `screen` inside the site's layout at `address`, with the built-in content: what the build's shell
 * and the server's pages rendered on request are made of.
 */
export function renderInLayout(name: string, address: string, screen: ReactNode): Promise<string> {
  return renderToHtml(
    name,
    <ContentContext value={builtInContent}>
      <StaticRouter location={address}>
        <Routes>
          <Route element={<Layout />}>
            <Route path="*" element={screen} />
          </Route>
        </Routes>
      </StaticRouter>
    </ContentContext>,
  );
}

export async function renderToHtml(name: string, app: ReactNode): Promise<string> {
  // An error leaves a boundary for the browser to render: the build stops and says why instead.
  const errors: unknown[] = [];
  const { prelude } = await prerender(
    <StrictMode>{app}</StrictMode>,
    // One piece: React would move a large boundary to the end with a script to put it back, and the
    // content security policy allows no inline script.
    { progressiveChunkSize: Number.POSITIVE_INFINITY, onError: (error) => void errors.push(error) },
  );
  if (errors.length > 0) {
    throw new Error(`${name} could not be built to HTML: ${errors.map(String).join('; ')}`, {
      cause: errors[0],
    });
  }
  return new Response(prelude).text();
}
