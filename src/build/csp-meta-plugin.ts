import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './security-headers';

/**
 * The policy as a `<meta http-equiv>` can carry it: everything but `frame-ancestors` (and the
 * report and sandbox directives), which browsers ignore there. The header from `npm start` still
 * carries the whole policy; a static host must add `frame-ancestors` itself (README).
 */
export const META_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.split('; ')
  .filter((directive) => !/^(frame-ancestors|report-uri|report-to|sandbox)\b/.test(directive))
  .join('; ');

/**
 * Puts the content security policy into the built index.html, first in <head>, so that `dist/`
 * served by any static host is protected too. Build only: the dev server injects inline scripts.
 */
export function cspMetaPlugin(): Plugin {
  return {
    name: 'source-quiz:csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}
