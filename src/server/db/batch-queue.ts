export type Waiting<Input, Output> = {
  input: Input;
  done(output: Output): void;
  failed(error: unknown): void;
};

export type BatchQueueOptions<Input, Output> = {
  /** Statements in flight at once; PGlite runs one statement at a time, so it gets one. */
  parallel: number;
  maxBatch?: number;
  /** Runs one batch and settles every request in it, each exactly once. */
  run(batch: Waiting<Input, Output>[]): Promise<void>;
};

/**
 * Requests that arrive while `parallel` statements are in flight wait and go together in the next
 * one (at most `maxBatch`). A request that finds a free slot goes at once, so a quiet server adds
 * no delay; a busy one pays for one statement per group instead of one per request.
 */
export function createBatchQueue<Input, Output>(
  options: BatchQueueOptions<Input, Output>,
): (input: Input) => Promise<Output> {
  const { parallel, maxBatch = 256, run } = options;
  const queue: Waiting<Input, Output>[] = [];
  let running = 0;
  let scheduled = false;

  function pump() {
    scheduled = false;
    while (running < parallel && queue.length > 0) {
      const batch = queue.splice(0, maxBatch);
      running += 1;
      run(batch)
        .catch((error: unknown) => {
          for (const waiting of batch) waiting.failed(error);
        })
        .finally(() => {
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

  return (input) =>
    new Promise<Output>((resolve, reject) => {
      queue.push({ input, done: resolve, failed: reject });
      schedule();
    });
}
