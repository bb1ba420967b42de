import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeBackPath } from '@/navigation/safe-back-path';

describe('safeBackPath', () => {
  it('keeps a path inside the app', () => {
    expect(safeBackPath('/quiz/play?seed=abc&count=5')).toBe('/quiz/play?seed=abc&count=5');
  });
  it.each(['//evil.example/x', 'https://evil.example', 'javascript:alert(1)', '/\\evil.example', '', null])(
    'refuses %s',
    (value) => {
      expect(safeBackPath(value)).toBeUndefined();
    },
  );
  it('only ever returns a single-slash path', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const path = safeBackPath(value);
        expect(path === undefined || (path.startsWith('/') && !path.startsWith('//'))).toBe(true);
      }),
    );
  });
});
