import { matchRoutes } from 'react-router';

/** What the build wrote for the app's addresses (src/build/prerender-plugin.ts). */
export type AppPageFiles = {
  /** Built pages, by exact address. */
  pages: Record<string, string>;
  /** Screen shells, by address pattern (as the router matches them). */
  shells: Record<string, string>;
};

/**
 * The file of `dist/` an address of the app gets: its built page, else the shell of the screen its
 * pattern shows, else the plain shell. Patterns are ranked as the router ranks them, so
 * `/teacher/assignments/new` is not read as an assignment called "new".
 */
export function appPageFile(files: AppPageFiles, path: string): string {
  return files.pages[path] ?? screenShellFile(files, path);
}

/**
 * The shell of the screen an address shows, else the plain shell: what the server renders a page
 * into when it renders one on request, even at an address that also has a built page (the join page,
 * for a device returning to its live session).
 */
export function screenShellFile(files: AppPageFiles, path: string): string {
  const routes = Object.keys(files.shells).map((route) => ({ path: route }));
  const route = matchRoutes(routes, path)?.[0]?.route.path;
  return (route && files.shells[route]) || 'index.html';
}
