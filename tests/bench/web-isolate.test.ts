import { describe, expect, it } from 'vitest';
import { apparatusPids, type ProcessEntry } from './web-isolate';

// A process table as Debian's Chromium leaves it: the browser (100) under the bench (1), two zygotes,
// the GPU and network processes under the first, renderers under the second's child, and an
// unrelated Chrome (500).
const table: ProcessEntry[] = [
  { pid: 1, parent: 0, commandLine: 'node web-bench.ts' },
  { pid: 100, parent: 1, commandLine: '/usr/lib/chromium/chromium --headless=new' },
  { pid: 101, parent: 100, commandLine: '/usr/lib/chromium/chromium --type=zygote --no-zygote-sandbox' },
  { pid: 102, parent: 100, commandLine: '/usr/lib/chromium/chromium --type=zygote' },
  { pid: 103, parent: 102, commandLine: '/usr/lib/chromium/chromium --type=zygote' },
  { pid: 104, parent: 103, commandLine: '/usr/lib/chromium/chromium --type=renderer --renderer-client-id=5' },
  { pid: 105, parent: 101, commandLine: '/usr/lib/chromium/chromium --type=gpu-process' },
  {
    pid: 106,
    parent: 101,
    commandLine: '/usr/lib/chromium/chromium --type=utility --utility-sub-type=network',
  },
  { pid: 500, parent: 1, commandLine: '/usr/lib/chromium/chromium --headless=new' },
  { pid: 501, parent: 500, commandLine: '/usr/lib/chromium/chromium --type=gpu-process' },
];

describe('the processes BENCH_ISOLATE moves off the page’s processors', () => {
  it('are the browser and the helpers its zygotes start, never a zygote or a renderer, nor another browser', () => {
    expect(apparatusPids(100, table).sort((a, b) => a - b)).toEqual([100, 105, 106]);
  });

  it('are the browser alone when it has started nothing yet', () => {
    expect(apparatusPids(100, table.slice(0, 2))).toEqual([100]);
  });
});
