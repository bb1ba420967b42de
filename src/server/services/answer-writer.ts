import type { DatabaseHandle } from '../db/open-database';
import { createGroupCommit, type GroupCommit } from '../db/group-commit';

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

export type AnswerWriter = GroupCommit<AnswerRow>;

/** Answers for assignments, written in groups (see `createGroupCommit`). */
export function createAnswerWriter(
  database: Pick<DatabaseHandle, 'prepared'>,
  { parallel, maxBatch }: { parallel: number; maxBatch?: number },
): AnswerWriter {
  return createGroupCommit<AnswerRow>({
    parallel,
    maxBatch,
    keyOf: (row) => `${row.attemptId} ${row.answerId}`,
    async store(batch) {
      const rows = batch.map((row, ord) => ({
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
      const stored = await database.prepared('insert-answers', INSERT_ANSWERS, [JSON.stringify(rows)]);
      return stored.map((row) => `${String(row.attempt_id)} ${String(row.answer_id)}`);
    },
  });
}
