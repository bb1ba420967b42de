import { isDatabaseUnavailable } from '../http/database-errors';

type Waiting<Row> = { row: Row; stored(isStored: boolean): void; failed(error: unknown): void };

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
 * Group commit: while `parallel` statements are in flight, the rows that arrive wait and go
 * together in the next one (at most `maxBatch`). A row that finds a free slot goes at once, so a
 * quiet server adds no delay; a busy one pays for one statement and one commit per group instead
 * of per row.
 */
export function createGroupCommit<Row>(options: GroupCommitOptions<Row>): GroupCommit<Row> {
  const { parallel, maxBatch = 256, store, keyOf } = options;
  const queue: Waiting<Row>[] = [];
  let running = 0;

  async function insert(batch: Waiting<Row>[]): Promise<void> {
    let keys: Set<string>;
    try {
      keys = new Set(await store(batch.map((waiting) => waiting.row)));
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
    for (const waiting of batch) waiting.stored(keys.delete(keyOf(waiting.row)));
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
