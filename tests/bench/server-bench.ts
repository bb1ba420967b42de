// `npm run bench:server [-- --json]`: 300 students each answering 20 questions as fast as the server
// accepts, against PGlite and (with DATABASE_URL set) PostgreSQL, then the class report of all of
// them. The server and the load each run in a process of their own, on the loopback only.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { spawnServer, waitForExit } from '../server/child-server';
import { content, rightAnswer } from '../server/fixtures';
import { Client, createPostgresDatabase, field, signedInTeacher } from '../server/test-server-client';

const STUDENTS = 300;
const QUESTIONS = 20;
const CONNECTIONS = 32;
const isJson = process.argv.includes('--json');
const say = (text: string) => {
  if (!isJson) console.log(text);
};

async function runOn(kind: 'pglite' | 'postgres') {
  const folder = mkdtempSync(join(tmpdir(), 'sq-bench-'));
  const env: Record<string, string> = { DATA_DIR: folder };
  let drop: () => Promise<void> = async () => undefined;
  if (kind === 'postgres') {
    const created = await createPostgresDatabase();
    env.DATABASE_URL = created.url;
    drop = created.drop;
  }
  const { url, child } = await spawnServer(env);
  try {
    const { client } = await signedInTeacher(url);
    const questions = [...content.current.values()].slice(0, QUESTIONS).map((v) => v.question);
    const created = await client.post('/api/assignments', {
      title: 'Bench',
      ids: questions.map((q) => q.id),
      mode: 'test',
      minutes: 0,
      sameOrder: false,
    });
    const assignmentId = String(field(created.body, 'assignment', 'id'));
    const students = [];
    for (let number = 0; number < STUDENTS; number += 1) {
      const started = await new Client(url).post(`/api/student/assignments/${assignmentId}/attempts`, {
        name: `Student ${number}`,
      });
      const shown = field(started.body, 'attempt', 'questions');
      if (!Array.isArray(shown)) throw new Error(started.text);
      students.push({
        attemptId: String(field(started.body, 'attempt', 'id')),
        answers: shown.map((q) => ({
          index: q.index,
          response: rightAnswer(
            questions.find((c) => c.prompt === q.prompt)!,
            q,
          ),
        })),
      });
    }
    const planFile = join(folder, 'plan.json');
    writeFileSync(planFile, JSON.stringify({ url, connections: CONNECTIONS, students }));
    say(`${kind}: ${STUDENTS} students × ${QUESTIONS} answers over ${CONNECTIONS} keep-alive connections…`);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'tests/bench/server-answer-load.ts', planFile],
      { timeout: 300_000 },
    );
    const load = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
    const reportMs: number[] = [];
    for (let run = 0; run < 5; run += 1) {
      const start = performance.now();
      const report = await client.get(`/api/assignments/${assignmentId}/report`);
      reportMs.push(performance.now() - start);
      if (field(report.body, 'report', 'students', STUDENTS - 1) === undefined)
        throw new Error('the report lacks students');
    }
    reportMs.sort((a, b) => a - b);
    const result = { ...load, reportMs: Math.round(reportMs[2]!) };
    say(
      `  ${result.answersPerSecond} answers/s; p50 ${result.p50} ms, p95 ${result.p95} ms, p99 ${result.p99} ms; ${result.errors} errors; class report (300 × 20) ${result.reportMs} ms`,
    );
    return result;
  } finally {
    child.kill('SIGTERM');
    await waitForExit(child);
    await drop();
    rmSync(folder, { recursive: true, force: true });
  }
}

const results: Record<string, unknown> = {
  students: STUDENTS,
  questions: QUESTIONS,
  connections: CONNECTIONS,
};
results.pglite = await runOn('pglite');
if (process.env.DATABASE_URL) results.postgres = await runOn('postgres');
else say('postgres: skipped (set DATABASE_URL to a PostgreSQL server to measure it)');
console.log(JSON.stringify(results));
