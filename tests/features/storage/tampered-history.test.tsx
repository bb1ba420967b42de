import { readFileSync } from 'node:fs';
import { cleanup, screen } from '@testing-library/react';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { emptyProgress } from '@/engine/progress';
import { progressSchema } from '@/stores/history-schema';
import { LATEST_TIME } from '@/stores/latest-time';
import { useHistoryStore } from '@/stores/history-store';
import { renderApp } from '../../kit/render-app';

const fixture: unknown = JSON.parse(readFileSync('tests/fixtures/saved-state/history-v1.json', 'utf8'));

beforeEach(() => {
  localStorage.clear();
  useHistoryStore.setState(emptyProgress());
});

/** Every path to a number, a string or a boolean in the value: the leaves tampering changes. */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, index) => leaves(item, [...path, index]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => leaves(item, [...path, key]));
  }
  return [path];
}

function setAt(root: unknown, path: (string | number)[], next: unknown): void {
  let node: unknown = root;
  for (const key of path.slice(0, -1)) node = (node as Record<string | number, unknown>)[key];
  (node as Record<string | number, unknown>)[path.at(-1) ?? ''] = next;
}

const paths = leaves(fixture);
const tamperedValue = fc.oneof(
  fc.constantFrom(0, 1, LATEST_TIME, 0.5, -1, '', 'x', 'a', 'b', '__proto__', true, false, null),
  fc.integer(),
  fc.string({ maxLength: 30 }),
);

describe('saved answers changed by hand that still pass the checks', () => {
  it('never turn a page into an error page', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(paths.length - 1), tamperedValue), { minLength: 1, maxLength: 3 }),
        fc.constantFrom('/progress', '/review', '/'),
        async (changes, page) => {
          const tampered = structuredClone(fixture) as { state: unknown };
          for (const [index, value] of changes) setAt(tampered, paths[index] ?? [], value);
          const parsed = progressSchema.safeParse(tampered.state);
          fc.pre(parsed.success);
          if (!parsed.success) return;
          cleanup();
          useHistoryStore.setState(parsed.data);
          renderApp(page);
          await screen.findByRole('heading', { level: 1 }, { timeout: 10_000 });
          expect(screen.queryByRole('heading', { name: 'Something went wrong' })).toBeNull();
        },
      ),
      { numRuns: 40 },
    );
  });
});
