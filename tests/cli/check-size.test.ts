import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Each test starts tsx in a child process, which takes seconds on a busy two-core machine.
const SPAWNS_A_PROCESS = { timeout: 30_000 };

const root = new URL('../..', import.meta.url).pathname;

/** A fake build whose entry script is `entryKib` KiB of base64 noise, which gzips to about 3/4 of that. */
function fakeDist(entryKib: number): string {
  const dist = mkdtempSync(join(tmpdir(), 'size-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(
    join(dist, 'index.html'),
    '<script type="module" crossorigin src="/assets/index-x.js"></script>',
  );
  writeFileSync(join(dist, 'assets/index-x.js'), randomBytes(entryKib * 768).toString('base64'));
  writeFileSync(join(dist, 'assets/index-x.css'), 'body{margin:0}');
  return dist;
}

function checkSize(dist: string) {
  return spawnSync('node_modules/.bin/tsx', ['src/cli/check-size.ts', dist], { cwd: root, encoding: 'utf8' });
}

describe('the size budget', SPAWNS_A_PROCESS, () => {
  it('passes a small first page', () => {
    const run = checkSize(fakeDist(10));
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/First page JavaScript: \d+\.\d KiB gzip/);
  });

  it('fails a first page over 90 KiB gzip and says by how much', () => {
    const run = checkSize(fakeDist(160));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Over budget:\s+first page JavaScript is \d+\.\d KiB/);
  });

  it('counts the script a page that paints from its HTML loads first', () => {
    const dist = fakeDist(10);
    writeFileSync(join(dist, 'after-first-paint.js'), randomBytes(150 * 768).toString('base64'));
    const run = checkSize(dist);
    expect(run.stdout).toMatch(
      /First page JavaScript: \d+\.\d KiB gzip .*: assets\/index-x\.js, after-first-paint\.js/,
    );
    expect(run.status).toBe(1);
  });
});
