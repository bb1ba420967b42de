import type { DatabaseHandle } from '../db/open-database';
import { isDatabaseUnavailable } from '../http/database-errors';

/** One graded answer on its way into the database, with the moment after which it is too late. */
export type AnswerRow = {
  attemptId: string;
  answerId: string;
  index: number;
  fingerprint: string;
  response: unknown;
  points: number;
  verdict: string;
  grade: unknown;
  locksQuestion: boolean;
  receivedAt: string;
  /** The attempt must still be going on (not handed in, not out of time, not closed) at this time. */
  cutoff: string;
};

// Answers that arrive together are written by one statement, in one transaction: the rows as
// JSON, in arrival order (`ord`), each stored only if its attempt still takes answers then. The
// attempt rows are held (FOR SHARE) so that a hand-in waits for the answers already on their way
// in and cannot slip in between the check and the insert. A row that is already there (a retry,
// or the first answer standing in practice mode) is skipped, and left out of what is returned.
const INSERT_ANSWERS = `
  WITH input AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS i(
      ord integer, attempt_id text, answer_id text, question_index integer,
      question_fingerprint text, response jsonb, points double precision, verdict text,
      grade jsonb, locks_question boolean, received_at timestamptz, cutoff timestamptz)
  ),
  live AS (
    SELECT a.id, a.deadline_at, s.closes_at
    FROM attempts a JOIN assignments s ON s.id = a.assignment_id
    WHERE a.id IN (SELECT attempt_id FROM input) AND a.submitted_at IS NULL
    FOR SHARE OF a
  )
  INSERT INTO answers (attempt_id, answer_id, question_index, question_fingerprint, response,
    points, verdict, grade, locks_question, received_at)
  SELECT i.attempt_id, i.answer_id, i.question_index, i.question_fingerprint, i.response,
    i.points, i.verdict, i.grade, i.locks_question, i.received_at
  FROM input i JOIN live ON live.id = i.attempt_id
  WHERE (live.deadline_at IS NULL OR live.deadline_at > i.cutoff)
    AND (live.closes_at IS NULL OR live.closes_at > i.cutoff)
  ORDER BY i.ord
  ON CONFLICT DO NOTHING
  RETURNING attempt_id, answer_id`;

type Waiting = { row: AnswerRow; stored(isStored: boolean): void; failed(error: unknown): void };

export type AnswerWriter = {
  /**
   * Resolves once the answer is committed (true) or known not to be stored (false: a repeat of
   * one already there, or an attempt that takes no more answers); never before.
   */
  write(row: AnswerRow): Promise<boolean>;
};

/**
 * Group commit: while `parallel` statements are in flight, the answers that arrive wait and go
 * together in the next one (at most `maxBatch`). An answer that finds a free slot goes at once, so
 * a quiet server adds no delay; a busy one pays for one statement and one commit per group
 * instead of per answer. PGlite runs one statement at a time, so it gets one slot.
 */
export function createAnswerWriter(
  database: Pick<DatabaseHandle, 'prepared'>,
  { parallel, maxBatch = 256 }: { parallel: number; maxBatch?: number },
): AnswerWriter {
  const queue: Waiting[] = [];
  let running = 0;

  async function insert(batch: Waiting[]): Promise<void> {
    const rows = batch.map(({ row }, ord) => ({
      ord,
      attempt_id: row.attemptId,
      answer_id: row.answerId,
      question_index: row.index,
      question_fingerprint: row.fingerprint,
      response: row.response,
      points: row.points,
      verdict: row.verdict,
      grade: row.grade,
      locks_question: row.locksQuestion,
      received_at: row.receivedAt,
      cutoff: row.cutoff,
    }));
    let stored: Record<string, unknown>[];
    try {
      stored = await database.prepared('insert-answers', INSERT_ANSWERS, [JSON.stringify(rows)]);
    } catch (error) {
      // One bad row must not cost the others their answers: each is tried alone, unless the
      // database itself is away, which every one of them would meet again.
      if (batch.length === 1 || isDatabaseUnavailable(error)) {
        for (const waiting of batch) waiting.failed(error);
      } else {
        await Promise.all(batch.map((waiting) => insert([waiting])));
      }
      return;
    }
    const keys = new Set(stored.map((row) => `${String(row.attempt_id)} ${String(row.answer_id)}`));
    // A key given twice in one group (a retry that overtook its first try) is stored once: the
    // first of them is told so, the other finds it stored.
    for (const waiting of batch) {
      waiting.stored(keys.delete(`${waiting.row.attemptId} ${waiting.row.answerId}`));
    }
  }

  let scheduled = false;
  function pump() {
    scheduled = false;
    while (running < parallel && queue.length > 0) {
      const batch = queue.splice(0, maxBatch);
      running += 1;
      void insert(batch).finally(() => {
        running -= 1;
        schedule();
      });
    }
  }
  // A group leaves after the requests that have already arrived have been read (setImmediate runs
  // after the event loop's I/O): PGlite works on the main thread, so the requests that came in
  // during its last statement are only read once it has finished, and must not go one by one.
  function schedule() {
    if (scheduled || queue.length === 0) return;
    scheduled = true;
    setImmediate(pump);
  }

  return {
    write(row) {
      return new Promise<boolean>((resolve, reject) => {
        queue.push({ row, stored: resolve, failed: reject });
        schedule();
      });
    },
  };
}
