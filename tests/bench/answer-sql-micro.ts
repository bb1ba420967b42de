// Scratch: cost of the answer insert, one by one vs in groups (not committed).
import { openDatabase } from '@/server/db/open-database';
import { migrate } from '@/server/db/migrate';
import { createAnswerWriter } from '@/server/services/answer-writer';
import { processCpuSeconds } from './process-cpu';

const kind = process.argv[2] ?? 'pglite';
const group = Number(process.argv[3] ?? 1);
const url = process.env.DATABASE_URL;
const handle = await openDatabase(kind === 'postgres' ? { databaseUrl: url! } : { memory: true });
await migrate(handle);
const now = new Date().toISOString();
const fp = 'a'.repeat(64);
await handle.prepared('x', `INSERT INTO teachers VALUES ('t', 't@x', null, now())`, []);
await handle.prepared('y', `INSERT INTO question_versions VALUES ($1, 'q', '{}', now())`, [fp]);
await handle.prepared('z', `INSERT INTO assignments VALUES ('s', 't', null, 'T', '[]', 'test', 0, false, 'seed', null, null, 1, now())`, []);
for (let a = 0; a < 300; a += 1)
  await handle.prepared('w', `INSERT INTO attempts VALUES ($1, 's', $1, $1, 1, $1, '[]', now(), null, null)`, [`att${a}`]);
const OLD = `WITH live AS (
      SELECT a.id FROM attempts a JOIN assignments s ON s.id = a.assignment_id
      WHERE a.id = $1 AND a.submitted_at IS NULL
        AND (a.deadline_at IS NULL OR a.deadline_at > $9::timestamptz)
        AND (s.closes_at IS NULL OR s.closes_at > $9::timestamptz)
      FOR SHARE OF a
    )
    INSERT INTO answers (attempt_id, answer_id, question_index, question_fingerprint, response,
      points, verdict, grade, locks_question, received_at)
    SELECT live.id, $2, $3, $4, $5::jsonb, $6, 'correct', $7::jsonb, false, $8::timestamptz
    FROM live
    ON CONFLICT DO NOTHING
    RETURNING seq`;
const variant = process.argv[4] ?? 'new';
const realWriter = createAnswerWriter(handle, { parallel: kind === 'postgres' ? 4 : 1, maxBatch: group });
const writer = variant === 'new' ? realWriter : { write: async (r: any) => (await handle.prepared('old', OLD, [r.attemptId, r.answerId, r.index, r.fingerprint, JSON.stringify(r.response), r.points, JSON.stringify(r.grade), r.receivedAt, r.cutoff])).length > 0 };
const grade = { verdict: 'correct', points: 1, expected: 'c1', given: 'c1', details: [1, 2, 3] };
const began = performance.now();
const cpu0 = process.cpuUsage();
const backends = kind === 'postgres' ? (await handle.prepared('p', `SELECT pid FROM pg_stat_activity WHERE datname = current_database()`, [])).map((r) => Number(r.pid)) : [];
const b0 = backends.reduce((s, p) => s + processCpuSeconds(p), 0);
const N = 6000;
const all: Promise<boolean>[] = [];
for (let i = 0; i < N; i += 1) {
  all.push(
    writer.write({
      attemptId: `att${i % 300}`, answerId: `a${i}`, index: Math.floor(i / 300), fingerprint: fp,
      response: { type: 'single', choice: 'c1' }, points: 1, verdict: 'correct', grade, locksQuestion: false,
      receivedAt: now, cutoff: now,
    }),
  );
}
const results = await Promise.all(all);
const seconds = (performance.now() - began) / 1000;
const cpu = process.cpuUsage(cpu0);
const b1 = backends.reduce((s, p) => s + processCpuSeconds(p), 0);
console.log(kind, variant, 'group', group, 'stored', results.filter(Boolean).length, 'rate', Math.round(N / seconds), '/s', 'node cpu ms/answer', ((cpu.user + cpu.system) / 1000 / N).toFixed(3), 'pg cpu ms/answer (pool conns open at start)', ((b1 - b0) * 1000 / N).toFixed(3));
await handle.close();
