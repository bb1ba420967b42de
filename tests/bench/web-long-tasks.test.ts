import { describe, expect, it } from 'vitest';
import { blockingTotals, formatLongTasks, longestTask, longTasks, type TraceEvent } from './web-long-tasks';

// A trace as Chrome writes it, times in microseconds: the page's main thread (pid 2) and a service
// worker's thread in the same renderer, which the bench must not read as the page's.
const PAGE = { pid: 2, tid: 20 };
const WORKER = { pid: 2, tid: 21 };

const at = (
  thread: typeof PAGE,
  name: string,
  ts: number,
  dur?: number,
  data?: object,
  tdur?: number,
): TraceEvent => ({
  name,
  ph: dur === undefined ? 'I' : 'X',
  ...thread,
  ts,
  ...(dur === undefined ? {} : { dur }),
  ...(tdur === undefined ? {} : { tdur }),
  ...(data ? { args: { data } } : {}),
});

const trace: TraceEvent[] = [
  { name: 'thread_name', ph: 'M', ...PAGE, ts: 0, args: { name: 'CrRendererMain' } },
  { name: 'thread_name', ph: 'M', ...WORKER, ts: 0, args: { name: 'ServiceWorkerThread' } },
  at(PAGE, 'navigationStart', 1_000_000, undefined, { isLoadingMainFrame: true }),
  // Before the first paint: not blocking, however long.
  at(PAGE, 'RunTask', 1_050_000, 80_000),
  at(PAGE, 'firstContentfulPaint', 1_200_000),
  // 12 ms traced: 48 ms in Lighthouse's model, under 50.
  at(PAGE, 'RunTask', 1_300_000, 12_000),
  // 30 ms: the first page's script, evaluated (a trace from an older Chrome, without the thread's time).
  at(PAGE, 'RunTask', 1_400_000, 30_000),
  at(PAGE, 'v8.evaluateModule', 1_400_100, 26_000),
  // Named by the call that caused it, not on its own.
  at(PAGE, 'V8.ParseFunction', 1_401_000, 3_000),
  // 20 ms: a timer whose function renders; the thread ran for 10 ms of it and waited for the rest.
  at(PAGE, 'RunTask', 1_500_000, 20_000, undefined, 10_000),
  at(PAGE, 'TimerFire', 1_500_100, 19_500),
  at(PAGE, 'FunctionCall', 1_500_200, 19_000, {
    url: 'http://127.0.0.1/assets/index-Bb.js',
    functionName: 'jt',
  }),
  // Too short to name.
  at(PAGE, 'Layout', 1_519_300, 1_000),
  // The worker's long task is not the page's.
  at(WORKER, 'RunTask', 1_600_000, 90_000),
  at(WORKER, 'RunTask', 1_700_000, 90_000),
];

describe('the tasks behind Lighthouse’s blocking time', () => {
  it('are the page’s tasks after its first paint that count over 50 ms at four times their length', () => {
    expect(longTasks(trace)).toEqual([
      { start: 400, duration: 30, running: 30, parts: ['v8.evaluateModule 26.0 ms'] },
      {
        start: 500,
        duration: 20,
        running: 10,
        parts: ['TimerFire 19.5 ms', 'FunctionCall jt (index-Bb.js) 19.0 ms'],
      },
    ]);
  });

  it('are printed with how Lighthouse counts each', () => {
    expect(formatLongTasks(longTasks(trace))).toEqual([
      '   400 ms   30.0 ms (×4 = 120, ran 30.0)  v8.evaluateModule 26.0 ms',
      '   500 ms   20.0 ms (×4 = 80, ran 10.0)  TimerFire 19.5 ms | FunctionCall jt (index-Bb.js) 19.0 ms',
    ]);
  });

  it('add up to blocking time as traced and as the page’s thread ran', () => {
    // Traced: (120 − 50) + (80 − 50). Ran: (120 − 50) + nothing, as 4 × 10 ms is under the line.
    expect(blockingTotals(longTasks(trace))).toEqual({ traced: 100, running: 70 });
  });

  it('are none in a trace without a first paint', () => {
    expect(longTasks(trace.filter((event) => event.name !== 'firstContentfulPaint'))).toEqual([]);
  });
});

describe('the longest task after the first paint', () => {
  it('is the one the page’s thread ran longest in, not the longest traced, nor one before the paint', () => {
    // 50 ms traced, of which the thread ran 5: it waited for a processor.
    const waited = at(PAGE, 'RunTask', 1_800_000, 50_000, undefined, 5_000);
    expect(longestTask([...trace, waited])).toEqual({
      start: 400,
      duration: 30,
      running: 30,
      parts: ['v8.evaluateModule 26.0 ms'],
    });
  });

  it('is given when no task counts, so that a fast machine still shows the margin', () => {
    const quick = trace.filter(
      (event) => event.ts < 1_400_000 || event.pid !== PAGE.pid || event.tid !== PAGE.tid,
    );
    expect(longTasks(quick)).toEqual([]);
    expect(longestTask(quick)).toEqual({ start: 300, duration: 12, running: 12, parts: [] });
  });

  it('is none without a first paint', () => {
    expect(longestTask(trace.filter((event) => event.name !== 'firstContentfulPaint'))).toBeUndefined();
  });
});
