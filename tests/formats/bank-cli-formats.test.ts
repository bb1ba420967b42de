import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bankFileSchema } from '@/build/bank-schema';
import { ROOT } from './load-test-content';

// Each test starts tsx in a child process, which takes seconds on a busy two-core machine.
const SPAWNS_A_PROCESS = { timeout: 30_000 };

function bank(...args: string[]) {
  const run = spawnSync('node_modules/.bin/tsx', ['src/cli/bank.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const GIFT_FIXTURES = join(ROOT, '../shared/fixtures/gift');

describe('npm run bank -- export --format …', SPAWNS_A_PROCESS, () => {
  const dir = mkdtempSync(join(tmpdir(), 'bank-formats-'));

  it('writes one bank as GIFT to stdout', () => {
    const run = bank('export', '--format', 'gift', '--bank', 'starter');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^\$CATEGORY: \$course\$\/top\/Starter$/m);
    expect(run.stdout).toMatch(/^::diplomatic-relations-year::In which year/m);
    expect(run.stderr).toBe('');
  });

  it('lists on stderr what Aiken cannot express', () => {
    const run = bank('export', '--format', 'aiken', '--bank', 'starter');
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(
      /^skipped diplomatic-relations-year: Aiken has only single-answer .* not year$/m,
    );
    expect(run.stderr).toMatch(/^\d+ questions skipped: aiken cannot express them\.$/m);
    expect(run.stdout).toMatch(/^ANSWER: [A-E]$/m);
  });

  it('needs --out for the QTI zip, and writes a package with a manifest', () => {
    expect(bank('export', '--format', 'qti')).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/give --out FILE/),
    });
    const out = join(dir, 'starter.zip');
    const run = bank('export', '--format', 'qti', '--bank', 'starter', '--out', out);
    expect(run.status).toBe(0);
    const files = unzipSync(readFileSync(out));
    expect(strFromU8(files['imsmanifest.xml'] ?? new Uint8Array())).toMatch(/imsqti_item_xmlv3p0/);
    expect(Object.keys(files).filter((name) => name.startsWith('items/')).length).toBeGreaterThan(5);
  });

  it('refuses an unknown bank', () => {
    expect(bank('export', '--format', 'csv', '--bank', 'nope')).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/No bank with the id "nope"/),
    });
  });
});

describe('npm run bank -- import', SPAWNS_A_PROCESS, () => {
  const dir = mkdtempSync(join(tmpdir(), 'bank-import-'));

  it('imports a GIFT file, prints a summary, and writes a draft bank that check rejects for its missing citations', () => {
    const out = join(dir, 'grant-quiz.yaml');
    const run = bank('import', join(GIFT_FIXTURES, 'mc5.gift'), '--out', out);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^Imported 4 questions from .*mc5\.gift \(gift\); 0 questions not imported, 0 notes\.$/m,
    );
    expect(run.stdout).toMatch(/4 questions have no citations yet: npm run bank -- check fails on this bank/);
    const written: unknown = parse(readFileSync(out, 'utf8'));
    const checked = bankFileSchema.safeParse(written);
    expect(checked.success).toBe(false);
    expect(written).toMatchObject({ id: 'grant-quiz', title: 'Imported from mc5.gift' });
    expect(written).toHaveProperty(
      ['questions', 0],
      expect.objectContaining({
        id: 'who-s-buried-in-grant-s-tomb',
        type: 'single',
        answer: 'no one',
        citations: [],
      }),
    );
    const check = bank('check', out);
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(/needs at least one citation/);
  });

  it('exits 1 and locates each question it could not import', () => {
    const run = bank('import', join(GIFT_FIXTURES, 'essay1.gift'));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /essay1\.gift:1 {2}"Write a short biography of Dag Hammarsk…": essay questions cannot be imported/,
    );
  });

  it('reads the format from the name, or from --format', () => {
    const aiken = join(dir, 'quiz.txt');
    writeFileSync(aiken, 'Which?\nA. one\nB. two\nANSWER: B\n');
    expect(bank('import', aiken).stdout).toMatch(/Imported 1 question from .*quiz\.txt \(aiken\)/);
    const unknown = join(dir, 'quiz.dat');
    writeFileSync(unknown, 'Which? {=one ~two}\n');
    expect(bank('import', unknown)).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/give --format/),
    });
    expect(bank('import', unknown, '--format', 'gift').stdout).toMatch(/Imported 1 question/);
  });
});
