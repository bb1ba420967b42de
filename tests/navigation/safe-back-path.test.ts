import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeBackPath } from '@/navigation/safe-back-path';

/** Where a browser goes when the value is opened as a link from a page of the app. */
function whereItGoes(path: string): URL {
  return new URL(path, 'https://quiz.example/sources/a/b');
}

describe('safeBackPath', () => {
  it('keeps a path inside the app', () => {
    expect(safeBackPath('/quiz/play?seed=abc&count=5')).toBe('/quiz/play?seed=abc&count=5');
    expect(safeBackPath('/quiz/play?banks=a%2Cb')).toBe('/quiz/play?banks=a%2Cb');
  });
  it.each([
    '//evil.example/x',
    'https://evil.example',
    'javascript:alert(1)',
    '/\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r/evil.example',
    '\t//evil.example',
    '/%09/evil.example',
    '/%0A/evil.example',
    '/%2F/evil.example',
    '/%5Cevil.example',
    '',
    null,
  ])('refuses %j', (value) => {
    expect(safeBackPath(value)).toBeUndefined();
  });
  it('never returns anything that leads off the site, whatever the link holds', () => {
    const hostile = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc
        .array(
          fc.constantFrom('/', '\\', '\t', '\n', '%09', '%0A', '%2F', '%5C', 'evil.example', ':', '.', '%'),
          {
            maxLength: 8,
          },
        )
        .map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(hostile, (value) => {
        const path = safeBackPath(value);
        if (path === undefined) return;
        expect(path.startsWith('/') && !path.startsWith('//')).toBe(true);
        expect(whereItGoes(path).origin).toBe('https://quiz.example');
        // Opened in a new tab, the browser may decode it once more: it must still stay here.
        let decoded = path;
        try {
          decoded = decodeURIComponent(path);
        } catch {
          // A malformed escape is kept as it is, as the browser does.
        }
        expect(whereItGoes(decoded).origin).toBe('https://quiz.example');
      }),
      { numRuns: 10_000 },
    );
  });
});
