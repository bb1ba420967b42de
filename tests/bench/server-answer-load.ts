// The load side of `npm run bench:server`, in a process of its own: students answering as fast as
// the server accepts, over keep-alive connections on the loopback. Reads its plan from a file named
// by argv[2]; prints one JSON object.
import { readFileSync } from 'node:fs';
import http from 'node:http';

type Plan = {
  url: string;
  connections: number;
  students: { attemptId: string; answers: { index: number; response: unknown }[] }[];
};
const plan: Plan = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8'));
const target = new URL(plan.url);
const agent = new http.Agent({ keepAlive: true, maxSockets: plan.connections });

/** One POST; the latency is counted from the moment the request has a connection. */
function post(path: string, body: string): Promise<{ status: number; ms: number }> {
  return new Promise((resolve, reject) => {
    let start = 0;
    const request = http.request(
      {
        host: target.hostname,
        port: target.port,
        path,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        response.resume();
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, ms: performance.now() - start }),
        );
      },
    );
    request.on('socket', () => {
      start = performance.now();
    });
    request.setTimeout(30_000, () => request.destroy(new Error('timeout')));
    request.on('error', reject);
    request.end(body);
  });
}

const cpuBefore = process.cpuUsage();
const latencies: number[] = [];
let errors = 0;
const began = performance.now();
await Promise.all(
  plan.students.map(async (student, number) => {
    for (const answer of student.answers) {
      const body = JSON.stringify({ answerId: `bench-${number}-${answer.index}`, ...answer });
      const { status, ms } = await post(`/api/student/attempts/${student.attemptId}/answers`, body);
      if (status === 200) latencies.push(ms);
      else errors += 1;
    }
  }),
);
const seconds = (performance.now() - began) / 1000;
const cpu = process.cpuUsage(cpuBefore);
agent.destroy();
latencies.sort((a, b) => a - b);
const at = (share: number) =>
  Math.round((latencies[Math.min(latencies.length - 1, Math.floor(share * latencies.length))] ?? 0) * 10) /
  10;
console.log(
  JSON.stringify({
    answers: latencies.length,
    errors,
    seconds: Math.round(seconds * 100) / 100,
    answersPerSecond: Math.round(latencies.length / seconds),
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  }),
);
