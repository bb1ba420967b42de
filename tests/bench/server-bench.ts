// `npm run bench:server [-- --json]`: 300 students each answering 20 questions as fast as the server
// accepts, against PGlite and (with DATABASE_URL set) PostgreSQL, then the class report of all of
// them. The server and the load each run in a process of their own, on the loopback only.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { conflictingChoice } from '@/engine/question-conflicts';
import { loadAverage, machineCpuSeconds, processCpuSeconds } from './process-cpu';
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

/**
 * The first questions of the banks of which no two are related: an assignment of related questions
 * keeps only the first of each pair, and every student must answer all of them.
 */
function unrelatedQuestions(count: number) {
  const pool = [...content.current.values()].map((v) => v.question);
  const chosen: typeof pool = [];
  for (const question of pool) {
    if (chosen.length === count) break;
    const ids = chosen.map((q) => q.id);
    if (!conflictingChoice(pool, question.id, ids)) chosen.push(question);
  }
  return chosen;
}

/** CPU seconds so far of each PostgreSQL backend serving the benchmark's own database. */
async function backendCpu(databaseUrl: string): Promise<Map<number, number>> {
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    return new Map(rows.map(({ pid }) => [pid, processCpuSeconds(pid)]));
  } finally {
    await admin.end();
  }
}

function sumAfter(after: Map<number, number>, before: Map<number, number>): number {
  let sum = 0;
  for (const [pid, seconds] of after) sum += seconds - (before.get(pid) ?? 0);
  return sum;
}

async function runOn(kind: 'pglite' | 'postgres') {
  const folder = mkdtempSync(join(tmpdir(), 'sq-bench-'));
  const env: Record<string, string> = { DATA_DIR: folder };
  let drop: () => Promise<void> = async () => undefined;
  if (kind === 'postgres') {
    const created = await createPostgresDatabase();
    env.DATABASE_URL = created.url;
    drop = created.drop;
  }
  // For profiling the server, e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const { url, child } = await spawnServer(env, nodeArgs);
  try {
    const { client } = await signedInTeacher(url);
    const questions = unrelatedQuestions(QUESTIONS);
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
      if (shown.length !== QUESTIONS)
        throw new Error(`an attempt holds ${shown.length} questions, not ${QUESTIONS}`);
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
    const backends = kind === 'postgres' ? await backendCpu(env.DATABASE_URL ?? '') : new Map();
    const serverCpuBefore = processCpuSeconds(child.pid ?? 0);
    const machineBefore = machineCpuSeconds();
    const loadBefore = loadAverage();
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'tests/bench/server-answer-load.ts', planFile],
      { timeout: 300_000 },
    );
    const load = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
    const machineAfter = machineCpuSeconds();
    // CPU seconds used during the load by each side, as a share of one core over the load's time.
    const share = (seconds: number) => Math.round((seconds / load.seconds) * 100) / 100;
    const perAnswer = (seconds: number) => Math.round((seconds / load.answers) * 1e5) / 100;
    const serverSeconds = processCpuSeconds(child.pid ?? 0) - serverCpuBefore;
    const backendSeconds =
      kind === 'postgres' ? sumAfter(await backendCpu(env.DATABASE_URL ?? ''), backends) : 0;
    const cpu = {
      server: share(serverSeconds),
      serverMsPerAnswer: perAnswer(serverSeconds),
      load: share(load.cpuSeconds),
      loadMsPerAnswer: perAnswer(load.cpuSeconds),
      ...(kind === 'postgres'
        ? { postgresBackends: share(backendSeconds), postgresMsPerAnswer: perAnswer(backendSeconds) }
        : {}),
      // The share of the whole machine's CPU time that was busy (other work included).
      machineBusyShare:
        Math.round(
          ((machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total)) * 100,
        ) / 100,
    };
    const reportMs: number[] = [];
    for (let run = 0; run < 5; run += 1) {
      const start = performance.now();
      const report = await client.get(`/api/assignments/${assignmentId}/report`);
      reportMs.push(performance.now() - start);
      if (field(report.body, 'report', 'students', STUDENTS - 1) === undefined)
        throw new Error('the report lacks students');
    }
    reportMs.sort((a, b) => a - b);
    const result = {
      answers: load.answers,
      errors: load.errors,
      seconds: load.seconds,
      answersPerSecond: load.answersPerSecond,
      p50: load.p50,
      p95: load.p95,
      p99: load.p99,
      reportMs: Math.round(reportMs[2]!),
      cpu,
      loadAverageBefore: loadBefore,
    };
    say(
      `  ${result.answers} answers, ${result.answersPerSecond} answers/s; p50 ${result.p50} ms, p95 ${result.p95} ms, p99 ${result.p99} ms; ${result.errors} errors; class report (${STUDENTS} × ${QUESTIONS}) ${result.reportMs} ms`,
    );
    say(
      `  CPU during the load, in cores (ms per answer): server ${cpu.server} (${cpu.serverMsPerAnswer}), load client ${cpu.load} (${cpu.loadMsPerAnswer})${'postgresBackends' in cpu ? `, PostgreSQL backends ${cpu.postgresBackends} (${cpu.postgresMsPerAnswer})` : ''}; whole machine ${Math.round(cpu.machineBusyShare * 100)}% busy; load average before ${loadBefore}`,
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
// `--only pglite` or `--only postgres` measures one of them.
const only = process.argv[process.argv.indexOf('--only') + 1];
const wanted = (kind: string) => !process.argv.includes('--only') || only === kind;
if (wanted('pglite')) results.pglite = await runOn('pglite');
if (!wanted('postgres')) {
  // Left out on purpose.
} else if (process.env.DATABASE_URL) results.postgres = await runOn('postgres');
else say('postgres: skipped (set DATABASE_URL to a PostgreSQL server to measure it)');
console.log(JSON.stringify(results));
