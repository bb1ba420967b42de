import { describe, expect, it } from 'vitest';
import { createAnswerWriter, type AnswerRow } from '@/server/services/answer-writer';

const row = (answerId: string, attemptId = 'attempt-1'): AnswerRow => ({
  attemptId,
  answerId,
  index: 0,
  fingerprint: 'f'.repeat(64),
  response: { type: 'true-false', value: true },
  points: 1,
  verdict: 'correct',
  grade: { verdict: 'correct', points: 1 },
  locksQuestion: false,
  receivedAt: '2026-12-01T10:00:00.000Z',
  cutoff: '2026-12-01T09:59:00.000Z',
});

type Sent = { rows: { attempt_id: string; answer_id: string }[]; finish(error?: Error): void };

/** A database whose statements end only when the test says so; it stores every row sent. */
function heldDatabase() {
  const sent: Sent[] = [];
  return {
    sent,
    prepared(_name: string, _text: string, params: unknown[]) {
      const rows = JSON.parse(String(params[0])) as Sent['rows'];
      return new Promise<Record<string, unknown>[]>((resolve, reject) => {
        sent.push({ rows, finish: (error) => (error ? reject(error) : resolve(rows)) });
      });
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('the answer writer (group commit)', () => {
  it('acknowledges no answer before the statement that stores it has finished', async () => {
    const database = heldDatabase();
    const writer = createAnswerWriter(database, { parallel: 1 });
    const acknowledged: string[] = [];
    const first = writer.write(row('a1')).then(() => acknowledged.push('a1'));
    await settle();
    const rest = ['a2', 'a3', 'a4'].map((id) => writer.write(row(id)).then(() => acknowledged.push(id)));
    await settle();
    expect(database.sent.map((s) => s.rows.length)).toEqual([1]);
    expect(acknowledged).toEqual([]);

    database.sent[0]!.finish();
    await first;
    await settle();
    // The answers that came in while the first was written go together, in the order they came.
    expect(database.sent.map((s) => s.rows.map((r) => r.answer_id))).toEqual([['a1'], ['a2', 'a3', 'a4']]);
    expect(acknowledged).toEqual(['a1']);
    database.sent[1]!.finish();
    await Promise.all(rest);
    expect(acknowledged).toEqual(['a1', 'a2', 'a3', 'a4']);
  });

  it('tells each answer whether it was stored, and stores a key given twice in one group once', async () => {
    const writer = createAnswerWriter(
      {
        // The database returns only the rows it inserted: here one of each key, and not "gone".
        prepared: async (_name, _text, params) => {
          const rows = JSON.parse(String(params[0])) as { attempt_id: string; answer_id: string }[];
          const seen = new Set<string>();
          return rows.filter((r) => {
            const key = `${r.attempt_id} ${r.answer_id}`;
            if (r.answer_id === 'gone' || seen.has(key)) return false;
            seen.add(key);
            return true;
          });
        },
      },
      { parallel: 1 },
    );
    const results = await Promise.all([
      writer.write(row('x')),
      writer.write(row('x')),
      writer.write(row('x', 'attempt-2')),
      writer.write(row('gone')),
    ]);
    expect(results).toEqual([true, false, true, false]);
  });

  it('lets one failing answer fail alone, and every answer fail when the database is away', async () => {
    const failing = createAnswerWriter(
      {
        prepared: async (_name, _text, params) => {
          const rows = JSON.parse(String(params[0])) as { answer_id: string }[];
          if (rows.some((r) => r.answer_id === 'bad')) throw new Error('check constraint violated');
          return rows;
        },
      },
      { parallel: 1 },
    );
    const mixed = await Promise.allSettled(['ok1', 'bad', 'ok2'].map((id) => failing.write(row(id))));
    expect(mixed.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);

    const away = createAnswerWriter(
      {
        prepared: async () => {
          throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
        },
      },
      { parallel: 1 },
    );
    const all = await Promise.allSettled(['a', 'b', 'c'].map((id) => away.write(row(id))));
    expect(all.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
  });
});
