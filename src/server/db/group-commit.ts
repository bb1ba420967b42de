import { isDatabaseUnavailable } from '../http/database-errors';
import { createBatchQueue, type Waiting } from './batch-queue';

export type GroupCommit<Row> = {
  /**
   * Resolves once the row is committed (true) or known not to be stored (false: a repeat of one
   * already there, or a row the statement's own checks turned away); never before.
   */
  write(row: Row): Promise<boolean>;
};

export type GroupCommitOptions<Row> = {
  /** Statements in flight at once; PGlite runs one statement at a time, so it gets one. */
  parallel: number;
  maxBatch?: number;
  /** Writes the rows in one statement and returns the keys of those it stored. */
  store(rows: readonly Row[]): Promise<Iterable<string>>;
  keyOf(row: Row): string;
};

/**
 * Group commit: rows that arrive while earlier ones are being written go together in the next
 * statement (see `createBatchQueue`), one statement and one commit per group instead of per row.
 */
export function createGroupCommit<Row>(options: GroupCommitOptions<Row>): GroupCommit<Row> {
  const { store, keyOf } = options;

  async function insert(batch: Waiting<Row, boolean>[]): Promise<void> {
    let keys: Set<string>;
    try {
      keys = new Set(await store(batch.map((waiting) => waiting.input)));
    } catch (error) {
      // One bad row must not cost the others their writes: each is tried alone, unless the
      // database itself is away, which every one of them would meet again.
      if (batch.length === 1 || isDatabaseUnavailable(error)) {
        for (const waiting of batch) waiting.failed(error);
      } else {
        await Promise.all(batch.map((waiting) => insert([waiting])));
      }
      return;
    }
    // A key given twice in one group (a retry that overtook its first try) is stored once: the
    // first of them is told so, the other finds it stored.
    for (const waiting of batch) waiting.done(keys.delete(keyOf(waiting.input)));
  }

  return { write: createBatchQueue<Row, boolean>({ ...options, run: insert }) };
}
