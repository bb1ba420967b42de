import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMAT, EXPORT_VERSION } from '@/formats/export-json';
import { questionSchema } from '@/content/question-schema';
import { sourceSchema } from '@/content/source-schema';

// Each test starts tsx in a child process, which takes seconds on a busy two-core machine.
const SPAWNS_A_PROCESS = { timeout: 30_000 };

const root = new URL('../..', import.meta.url).pathname;

function bank(...args: string[]) {
  const run = spawnSync('node_modules/.bin/tsx', ['src/cli/bank.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run bank', SPAWNS_A_PROCESS, () => {
  it('check exits 1 and prints each problem with its location', () => {
    const run = bank('check', 'tests/fixtures/broken-banks/quote-not-in-passage.yaml');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^tests\/fixtures\/broken-banks\/quote-not-in-passage\.yaml:13:\d+ {2}q-quote: quote not found/m,
    );
    expect(run.stderr).toMatch(/1 problem found\./);
  });

  it('check passes the real banks', () => {
    const run = bank('check');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^All good: \d+ questions in \d+ banks/);
  });

  it('export --format json writes every source and question in the documented shape', () => {
    const run = bank('export', '--format', 'json');
    expect(run.status).toBe(0);
    const document: unknown = JSON.parse(run.stdout);
    expect(document).toMatchObject({ format: EXPORT_FORMAT, version: EXPORT_VERSION });
    const { sources, questions } = document as { sources: unknown[]; questions: unknown[] };
    expect(sources.map((source) => sourceSchema.parse(source).id).sort()).toEqual([
      'belgium-vietnam-relations',
      'development-cooperation',
    ]);
    expect(questions.length).toBeGreaterThan(10);
    for (const question of questions) expect(questionSchema.safeParse(question).success).toBe(true);
  });

  it('rejects an unknown export format with a clear message', () => {
    const run = bank('export', '--format', 'pdf');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Unknown format "pdf"/);
  });
});
