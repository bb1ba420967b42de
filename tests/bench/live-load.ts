// The students' side of `npm run bench:live`, in a process of its own: joins every student by PIN
// over WebSocket on the loopback, answers when the question arrives (spread over one second), and
// times the reveal's arrival. Talks to the orchestrator with one JSON object per line.
import { createInterface } from 'node:readline';
import { io, type Socket } from 'socket.io-client';

type Plan = { url: string; pins: string[]; studentsPerSession: number; answer: unknown };
type Reply = { ok: boolean; error?: string };

const plan: Plan = JSON.parse(process.argv[2] ?? '{}');
const tell = (message: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(message)}\n`);

function percentile(sorted: number[], share: number): number {
  if (sorted.length === 0) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]! * 10) / 10;
}

function summary(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: percentile(sorted, 1),
  };
}

const students: { socket: Socket; revealedAt?: number }[] = [];
/** Students whose join was refused or timed out take no further part (revealedAt is NaN). */
const joinedCount = () => students.filter((student) => !Number.isNaN(student.revealedAt)).length;
const joinMs: number[] = [];
const ackMs: number[] = [];
let errors = 0;
const refusals = new Set<string>();

const joinStart = performance.now();
await Promise.all(
  plan.pins.flatMap((pin, session) =>
    Array.from({ length: plan.studentsPerSession }, async (_, number) => {
      const socket = io(plan.url, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        extraHeaders: { origin: plan.url },
      });
      const student: { socket: Socket; revealedAt?: number } = { socket };
      students.push(student);
      const start = performance.now();
      // A join that gets no answer is counted as an error, not waited for.
      const reply = (await socket
        .timeout(60_000)
        .emitWithAck('player:join', { pin, name: `S${session}-${number}` })
        .catch(() => ({ ok: false }))) as Reply;
      joinMs.push(performance.now() - start);
      if (!reply.ok) {
        errors += 1;
        refusals.add(reply.error ?? 'no answer within 60 s');
        student.revealedAt = Number.NaN;
        return;
      }
      socket.on('live:player', (view: { phase: string; index: number }) => {
        if (view.phase === 'question' && view.index === 0) {
          setTimeout(async () => {
            const sent = performance.now();
            try {
              const answered = (await socket
                .timeout(30_000)
                .emitWithAck('player:answer', { questionIndex: 0, response: plan.answer })) as Reply;
              if (!answered.ok) errors += 1;
            } catch {
              errors += 1;
            }
            ackMs.push(performance.now() - sent);
            if (ackMs.length === joinedCount()) tell({ event: 'answered', errors, ack: summary(ackMs) });
          }, Math.random() * 1000);
        }
        if (view.phase === 'reveal') student.revealedAt ??= Date.now();
      });
    }),
  ),
);
tell({
  event: 'joined',
  students: students.length,
  errors,
  totalMs: Math.round(performance.now() - joinStart),
  join: summary(joinMs),
  refusals: [...refusals],
});

createInterface({ input: process.stdin }).on('line', (line) => {
  const { revealSentAt } = JSON.parse(line) as { revealSentAt: number };
  const check = setInterval(() => {
    if (students.every((student) => student.revealedAt !== undefined)) {
      clearInterval(check);
      const last = Math.max(
        ...students.map((student) => (Number.isNaN(student.revealedAt) ? 0 : (student.revealedAt ?? 0))),
      );
      tell({ event: 'revealed', revealToAllMs: last - revealSentAt });
      students.forEach((student) => student.socket.close());
      process.exit(0);
    }
  }, 5);
});
