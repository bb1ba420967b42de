/**
 * The main-thread tasks behind Lighthouse's blocking time, read from the trace of its own run: each
 * task after the first contentful paint that its mobile model, which counts every task four times
 * (simulated throttling), puts over 50 ms, with the work inside it that took longest. Lighthouse's
 * long-tasks audit names only a script per task, or none; the trace says which function, timer,
 * module or layout it was. `BENCH_TASKS=1 npm run bench:web -- "quiz question"` prints them.
 *
 * Each task's traced length is wall-clock time, and it includes any time the page's thread waited for
 * a processor while another process ran (on a two-core machine: Lighthouse, the server, Chrome's own
 * processes). Chrome also traces how long the thread ran (`tdur`); the bench prints both, so that
 * blocking time the page caused can be told from blocking time the machine added.
 */

export type TraceEvent = {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** How long the thread ran inside the event, in microseconds; under `dur` when it waited. */
  tdur?: number;
  args?: { name?: string; data?: { url?: string; functionName?: string; isLoadingMainFrame?: boolean } };
};

export type LongTask = {
  /** Milliseconds after the navigation started, as traced (not as Lighthouse simulates). */
  start: number;
  /** Milliseconds as traced (wall clock); Lighthouse's model counts four times this. */
  duration: number;
  /** Milliseconds the page's thread ran in it: the duration less any wait for a processor. */
  running: number;
  /** The work inside that took longest, in time order, e.g. "FunctionCall jt (index-Bb.js) 20.7 ms". */
  parts: string[];
};

const SLOWDOWN = 4;
const BLOCKING_MS = 50;
// Work this long or longer inside a task is named; V8's parsing and compiling of single functions is
// left out (it is inside the function calls that caused it).
const PART_MIN_MS = 1.5;
const PARTS_SHOWN = 8;
const ONLY_INSIDE = /^V8\.(PreParse|ParseFunction|CompileIgnition)/;

const ms = (microseconds: number) => microseconds / 1000;

/** The renderer's main thread that ran the most: the page's, since the tab ran nothing else. */
function pageThread(events: TraceEvent[]): { pid: number; tid: number } | undefined {
  const busy = new Map<string, number>();
  for (const event of events) {
    if (event.name !== 'RunTask') continue;
    const key = `${event.pid}:${event.tid}`;
    busy.set(key, (busy.get(key) ?? 0) + (event.dur ?? 0));
  }
  const mainThreads = events.filter(
    (event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain',
  );
  let best: { pid: number; tid: number } | undefined;
  let bestBusy = -1;
  for (const { pid, tid } of mainThreads) {
    const time = busy.get(`${pid}:${tid}`) ?? 0;
    if (time > bestBusy) [best, bestBusy] = [{ pid, tid }, time];
  }
  return best;
}

function partLabel(event: TraceEvent): string {
  const data = event.args?.data;
  const file = data?.url ? data.url.split('/').pop() : undefined;
  const what = [event.name, data?.functionName || undefined, file ? `(${file})` : undefined];
  return `${what.filter(Boolean).join(' ')} ${ms(event.dur ?? 0).toFixed(1)} ms`;
}

/** The page's tasks after its first contentful paint, as traced, with what `describe` makes of one. */
function tasksAfterPaint(events: TraceEvent[]): {
  tasks: TraceEvent[];
  describe(task: TraceEvent): LongTask;
} {
  const thread = pageThread(events);
  const onThread = thread
    ? events.filter((event) => event.pid === thread.pid && event.tid === thread.tid)
    : [];
  const paint = onThread.find((event) => event.name === 'firstContentfulPaint');
  const start =
    onThread.find((event) => event.name === 'navigationStart' && event.args?.data?.isLoadingMainFrame) ??
    paint;
  const tasks =
    paint && start ? onThread.filter((event) => event.name === 'RunTask' && event.ts > paint.ts) : [];
  const describe = (task: TraceEvent): LongTask => {
    const end = task.ts + (task.dur ?? 0);
    const parts = onThread
      .filter(
        (event) =>
          event !== task &&
          event.ph === 'X' &&
          event.ts >= task.ts &&
          event.ts + (event.dur ?? 0) <= end &&
          ms(event.dur ?? 0) >= PART_MIN_MS &&
          !ONLY_INSIDE.test(event.name),
      )
      // In time order, each part before the parts inside it: "TimerFire | FunctionCall …".
      .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))
      .slice(0, PARTS_SHOWN)
      .map(partLabel);
    return {
      start: ms(task.ts - (start?.ts ?? task.ts)),
      duration: ms(task.dur ?? 0),
      running: ms(task.tdur ?? task.dur ?? 0),
      parts,
    };
  };
  return { tasks, describe };
}

export function longTasks(events: TraceEvent[]): LongTask[] {
  const { tasks, describe } = tasksAfterPaint(events);
  return tasks.filter((task) => SLOWDOWN * ms(task.dur ?? 0) > BLOCKING_MS).map(describe);
}

/**
 * The task after the first paint in which the page's thread ran longest, counted or not: on a machine
 * where nothing is counted, how far the page is from a task that would be (over 12.5 ms).
 */
export function longestTask(events: TraceEvent[]): LongTask | undefined {
  const { tasks, describe } = tasksAfterPaint(events);
  const running = (task: TraceEvent) => task.tdur ?? task.dur ?? 0;
  const longest = tasks.reduce<TraceEvent | undefined>(
    (best, task) => (!best || running(task) > running(best) ? task : best),
    undefined,
  );
  return longest && describe(longest);
}

const blocking = (length: number) => Math.max(0, SLOWDOWN * length - BLOCKING_MS);

/**
 * The tasks' blocking time as Lighthouse's model counts it, from their traced lengths and from only
 * the time the page's thread ran: the gap is what waiting for a processor added.
 */
export function blockingTotals(tasks: LongTask[]): { traced: number; running: number } {
  return {
    traced: tasks.reduce((sum, task) => sum + blocking(task.duration), 0),
    running: tasks.reduce((sum, task) => sum + blocking(task.running), 0),
  };
}

/** A task's line, as the bench prints it. */
export const formatTask = (task: LongTask) =>
  `${task.start.toFixed(0).padStart(6)} ms  ${task.duration.toFixed(1).padStart(5)} ms ` +
  `(×${SLOWDOWN} = ${(SLOWDOWN * task.duration).toFixed(0)}, ran ${task.running.toFixed(1)})  ` +
  `${task.parts.join(' | ') || 'nothing traced inside'}`;

/** One line per task, as the bench prints them. */
export const formatLongTasks = (tasks: LongTask[]) => tasks.map(formatTask);
