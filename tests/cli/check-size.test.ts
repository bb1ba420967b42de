import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;

/** A fake build whose entry script gzips to about `entryKib` KiB (random bytes barely compress). */
function fakeDist(entryKib: number): string {
  const dist = mkdtempSync(join(tmpdir(), 'size-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<script type="module" crossorigin src="/assets/index-x.js"></script>');
  let text = '';
  let state = 7;
  for (let i = 0; i < entryKib * 1024; i++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    text += String.fromCharCode(33 + (state % 90));
  }
  writeFileSync(join(dist, 'assets/index-x.js'), text);
  writeFileSync(join(dist, 'assets/index-x.css'), 'body{margin:0}');
  return dist;
}

function checkSize(dist: string) {
  return spawnSync('node_modules/.bin/tsx', ['src/cli/check-size.ts', dist], { cwd: root, encoding: 'utf8' });
}

describe('the size budget', () => {
  it('passes a small first page', () => {
    const run = checkSize(fakeDist(10));
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/First page JavaScript: \d+\.\d KiB gzip/);
  });

  it('fails a first page over 90 KiB gzip and says by how much', () => {
    const run = checkSize(fakeDist(120));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Over budget:\s+first page JavaScript is \d+\.\d KiB/);
  });
});
