// `npm run bench:live [-- --students N --sessions M --json]`: simulated students join live sessions
// by PIN and all answer one question within a second; the host then reveals it. Measures join time,
// answer acknowledgement latency, the time from the reveal until every device has it, and the
// server's CPU and memory. Runs against PGlite and, with DATABASE_URL set, PostgreSQL. Without
// sizes it runs both targets of the issue: 2,000 students in one session, and 50 sessions of 40.
// The server and the students each run in a process of their own, on the loopback only.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { io, type Socket } from 'socket.io-client';
import { spawnServer, waitForExit } from '../server/child-server';
import { content } from '../server/fixtures';
import { createPostgresDatabase, field, signedInTeacher } from '../server/test-server-client';

const args = process.argv.slice(2);
const isJson = args.includes('--json');
const numberAfter = (flag: string) => {
  const at = args.indexOf(flag);
  return at >= 0 ? Number(args[at + 1]) : undefined;
};
const sizes =
  numberAfter('--students') !== undefined || numberAfter('--sessions') !== undefined
    ? [{ students: numberAfter('--students') ?? 40, sessions: numberAfter('--sessions') ?? 1 }]
    : [
        { students: 2000, sessions: 1 },
        { students: 40, sessions: 50 },
      ];
const say = (text: string) => {
  if (!isJson) console.log(text);
};

/** CPU seconds used by a process so far, from /proc (Linux): user + system clock ticks. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function residentMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('VmRSS:'));
  return Math.round(Number(/\d+/.exec(line ?? '')?.[0] ?? 0) / 1024);
}

function firstTrueFalse() {
  for (const { question } of content.current.values()) if (question.type === 'true-false') return question;
  throw new Error('the banks have no true-or-false question');
}
const trueFalse = firstTrueFalse();

async function runOn(kind: 'pglite' | 'postgres', students: number, sessions: number) {
  const folder = mkdtempSync(join(tmpdir(), 'sq-live-bench-'));
  const env: Record<string, string> = { DATA_DIR: folder };
  let drop: () => Promise<void> = async () => undefined;
  if (kind === 'postgres') {
    const created = await createPostgresDatabase();
    env.DATABASE_URL = created.url;
    drop = created.drop;
  }
  // For profiling the server, as in bench:server: BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=…".
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const server = await spawnServer(env, nodeArgs);
  // The server's own errors (its log's level 50 and above), so a refusal can be explained.
  const serverErrors = new Map<string, number>();
  createInterface({ input: server.child.stdout! }).on('line', (line) => {
    try {
      const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { message?: string } };
      if ((entry.level ?? 0) < 50) return;
      const text = `${entry.msg ?? ''}: ${entry.err?.message ?? ''}`;
      serverErrors.set(text, (serverErrors.get(text) ?? 0) + 1);
    } catch {
      // Not a log line.
    }
  });
  const hosts: { socket: Socket; sessionId: string }[] = [];
  try {
    const { client } = await signedInTeacher(server.url);
    const cookie = [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const pins: string[] = [];
    for (let number = 0; number < sessions; number += 1) {
      const created = await client.post('/api/live', {
        questionIds: [trueFalse.id],
        title: `Bench ${number}`,
      });
      const sessionId = String(field(created.body, 'live', 'id'));
      pins.push(String(field(created.body, 'live', 'pin')));
      const socket = io(server.url, {
        transports: ['websocket'],
        forceNew: true,
        extraHeaders: { origin: server.url, cookie },
      });
      const opened = await socket.emitWithAck('host:open', { sessionId });
      if (!opened.ok) throw new Error(`the host could not open the session: ${opened.error}`);
      hosts.push({ socket, sessionId });
    }
    const pid = server.child.pid!;
    const load = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'tests/bench/live-load.ts',
        JSON.stringify({
          url: server.url,
          pins,
          studentsPerSession: students,
          answer: { type: 'true-false', value: trueFalse.answer },
        }),
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    const lines = createInterface({ input: load.stdout! });
    const nextMessage = (event: string) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no "${event}" from the students within 5 minutes`)),
          300_000,
        );
        load.once('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`the students' process ended (${code}) before "${event}"`));
        });
        const listener = (line: string) => {
          const message = JSON.parse(line) as Record<string, unknown>;
          if (message.event !== event) return;
          clearTimeout(timer);
          lines.off('line', listener);
          resolve(message);
        };
        lines.on('line', listener);
      });

    const cpuStart = cpuSeconds(pid);
    const joined = await nextMessage('joined');
    say(`${kind}: ${sessions} × ${students} students joined in ${joined.totalMs} ms`);
    for (const refusal of joined.refusals as string[]) say(`  a join was refused: ${refusal}`);
    const answered = nextMessage('answered');
    const questionStart = performance.now();
    await Promise.all(
      hosts.map(({ socket, sessionId }) =>
        socket.emitWithAck('host:command', { sessionId, command: { type: 'start' } }),
      ),
    );
    const acks = await answered;
    const answeringSeconds = (performance.now() - questionStart) / 1000;
    const revealed = nextMessage('revealed');
    const revealSentAt = Date.now();
    load.stdin!.write(`${JSON.stringify({ revealSentAt })}\n`);
    await Promise.all(
      hosts.map(({ socket, sessionId }) =>
        socket.emitWithAck('host:command', { sessionId, command: { type: 'reveal' } }),
      ),
    );
    const reveal = await revealed;
    const cpu = cpuSeconds(pid) - cpuStart;
    const result = {
      database: kind,
      sessions,
      studentsPerSession: students,
      joinTotalMs: joined.totalMs,
      join: joined.join,
      ack: acks.ack,
      errors: Number(joined.errors) + Number(acks.errors),
      revealToAllMs: reveal.revealToAllMs,
      serverCpuSeconds: Math.round(cpu * 10) / 10,
      serverCpuShareWhileAnswering:
        Math.round((cpu / (answeringSeconds + Number(reveal.revealToAllMs) / 1000)) * 100) / 100,
      serverMemoryMb: residentMb(pid),
    };
    const ack = result.ack as Record<string, number>;
    const join = result.join as Record<string, number>;
    say(
      `  join p50 ${join.p50} ms, p95 ${join.p95} ms; answer ack p50 ${ack.p50} ms, p95 ${ack.p95} ms, p99 ${ack.p99} ms; ` +
        `reveal to all ${result.revealToAllMs} ms; ${result.errors} errors; server CPU ${result.serverCpuSeconds} s, ${result.serverMemoryMb} MB`,
    );
    for (const [text, count] of serverErrors) say(`  server error ×${count}: ${text}`);
    await waitForExit(load);
    return { ...result, serverErrors: Object.fromEntries(serverErrors) };
  } finally {
    hosts.forEach(({ socket }) => socket.close());
    server.child.kill('SIGTERM');
    await waitForExit(server.child);
    await drop();
    rmSync(folder, { recursive: true, force: true });
  }
}

const runs = [];
for (const { students, sessions } of sizes) {
  runs.push(await runOn('pglite', students, sessions));
  if (process.env.DATABASE_URL) runs.push(await runOn('postgres', students, sessions));
}
if (!process.env.DATABASE_URL)
  say('postgres: skipped (set DATABASE_URL to a PostgreSQL server to measure it)');
console.log(JSON.stringify({ runs }));
process.exit(0);
