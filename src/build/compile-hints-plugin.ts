import type { Plugin } from 'vite';

/** V8's explicit compile hint (Chrome 136 and later): compile every function of the file as it loads. */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/**
 * Puts V8's compile hint at the top of every script chunk. V8 compiles a function only when it is
 * first called, on the main thread, in the middle of whatever called it: the first answer of a visit
 * compiled the grading, the saving and the feedback's rendering (React's included) inside the click.
 * With the hint, V8 compiles the whole file on a background thread while the file streams in
 * (decision 019). After the minifier, which drops comments.
 */
export function compileHintsPlugin(): Plugin {
  return {
    name: 'source-quiz:compile-hints',
    apply: 'build',
    generateBundle: {
      // After Vite's own, which puts the list of a chunk's dependencies at the top of some chunks.
      order: 'post',
      handler(_options, bundle) {
        for (const file of Object.values(bundle))
          if (file.type === 'chunk') file.code = `${COMPILE_HINT}\n${file.code}`;
      },
    },
  };
}
