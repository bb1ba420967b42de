import { join } from 'node:path';
import type { Alias } from 'vite';

/** The import aliases the app is written with: for the build, the tests and the page prerenderer. */
export function appAliases(root: string): Alias[] {
  return [
    { find: '@', replacement: join(root, 'src') },
    // zod with its eval probe switched off, for the content security policy (see the module).
    { find: /^zod$/, replacement: join(root, 'src/lib/zod-without-eval.ts') },
  ];
}
