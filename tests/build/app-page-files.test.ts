import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prerenderedPaths, SCREEN_MODULES } from '@/app/prerender-page';
import { appPageFile } from '@/build/app-page-files';
import { ROUTES } from '@/navigation/paths';

const files = {
  pages: { '/': 'home.html', '/sources/one': 'sources/one.html' },
  shells: {
    '/quiz/play': 'screens/quiz-play-page.html',
    '/teacher/assignments/new': 'screens/builder.html',
    '/teacher/assignments/:assignmentId': 'screens/assignment.html',
    '/sources/:sourceId/:passageId?': 'screens/source-page.html',
  },
};

describe('the file each address of the app gets', () => {
  it('is its built page, else its screen’s shell, else the plain shell', () => {
    expect(
      ['/', '/sources/one', '/sources/one/p3', '/sources/two', '/quiz/play', '/quiz', '/nowhere'].map(
        (path) => appPageFile(files, path),
      ),
    ).toEqual([
      'home.html',
      'sources/one.html',
      'screens/source-page.html',
      'screens/source-page.html',
      'screens/quiz-play-page.html',
      'index.html',
      'index.html',
    ]);
  });

  it('ranks a named address above a pattern, as the router does', () => {
    expect(appPageFile(files, '/teacher/assignments/new')).toBe('screens/builder.html');
    expect(appPageFile(files, '/teacher/assignments/a1b2')).toBe('screens/assignment.html');
    expect(appPageFile(files, '/teacher/assignments/a1b2/report')).toBe('index.html');
  });
});

/** Each route's screen module as routes.tsx loads it: `<Route path={ROUTES.x} element={<Name` and `Name = lazy(… import('…'))`. */
function lazyScreensOfRoutes(): Map<string, string> {
  const source = readFileSync('src/app/routes.tsx', 'utf8');
  const moduleOf = new Map(
    [
      ...source.matchAll(
        /const (\w+) = lazy\(async \(\) =>((?:(?!\nconst )[\s\S])*?)import\('@\/([^']+)'\)/g,
      ),
    ].map(([, name = '', , module = '']) => [name, `src/${module}.tsx`]),
  );
  const screens = new Map<string, string>();
  // Each route's element runs up to the next route; its screen is the first lazy one in it.
  for (const [, route = '', element = ''] of source.matchAll(
    /path=\{ROUTES\.(\w+)\}((?:(?!path=)[\s\S])*)/g,
  )) {
    const name = [...element.matchAll(/<(\w+)/g)]
      .map(([, tag]) => tag ?? '')
      .find((tag) => moduleOf.has(tag));
    if (name) screens.set(route, moduleOf.get(name) ?? '');
  }
  return screens;
}

describe('screen shells', () => {
  it('preload the screen that routes.tsx shows at each address not built to HTML', () => {
    const routed = lazyScreensOfRoutes();
    // The parse found the routes: a change of style in routes.tsx must not make this test pass empty.
    expect(routed.get('quizPlay')).toBe('src/features/quiz/quiz-play-page.tsx');
    const built = new Set(prerenderedPaths());
    const expected = Object.fromEntries(
      [...routed].filter(([route]) => !built.has(ROUTES[route as keyof typeof ROUTES])),
    );
    expect(SCREEN_MODULES).toEqual(expected);
  });
});
