import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/**
 * With BENCH_ISOLATE=1, Lighthouse's runs keep the first processor for the bench's own processes
 * (this Node process, with Lighthouse and the server, and Chrome's browser, GPU and utility
 * processes) and leave the others to the page's renderer. On a two-core machine these compete with
 * the page's main thread, which then waits for a processor inside its tasks; Lighthouse's model
 * counts the wait four times, as if it were the page's work. Lighthouse's notes on variability ask for
 * dedicated cores, two at least and four recommended; this is the nearest a two-core machine comes.
 * Linux only (taskset).
 */

export type ProcessEntry = { pid: number; parent: number; commandLine: string };

/**
 * Chrome's processes under `browserPid` (itself included) that do not run pages: the browser, and
 * the GPU and utility processes, which its zygotes start too. The zygotes are left free, as the
 * renderers they start inherit their processors, and so are the renderers.
 */
export function apparatusPids(browserPid: number, processes: ProcessEntry[]): number[] {
  const children = new Map<number, ProcessEntry[]>();
  for (const entry of processes) children.set(entry.parent, [...(children.get(entry.parent) ?? []), entry]);
  const found: number[] = [];
  const visit = (pid: number, commandLine: string) => {
    if (/--type=renderer\b/.test(commandLine)) return;
    if (!/--type=zygote\b/.test(commandLine)) found.push(pid);
    for (const child of children.get(pid) ?? []) visit(child.pid, child.commandLine);
  };
  visit(browserPid, '');
  return found;
}

function runningProcesses(): ProcessEntry[] {
  const entries: ProcessEntry[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command's name, in parentheses, may hold spaces; the parent's pid is the second field after it.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const commandLine = readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' ');
      entries.push({ pid: Number(name), parent, commandLine });
    } catch {
      // The process ended while it was being read.
    }
  }
  return entries;
}

const setProcessors = (pid: number, list: string) =>
  execFileSync('taskset', ['--all-tasks', '--pid', '--cpu-list', list, String(pid)], { stdio: 'ignore' });

/**
 * Moves the bench's processes to the first processor. Called before each run, as Chrome starts some
 * helpers only when a page needs them. Returns how to undo it for this process, or null (with the
 * reason printed) when the machine cannot be split.
 */
export function isolatePage(browserPid: number): (() => void) | null {
  // The machine's processors, not this process's share (which the first call narrows to one).
  const processors = cpus().length;
  if (processors < 2 || process.platform !== 'linux') {
    console.log(
      `BENCH_ISOLATE: not done (${processors} processor(s), ${process.platform}); measuring as usual.`,
    );
    return null;
  }
  const pids = [process.pid, ...apparatusPids(browserPid, runningProcesses())];
  for (const pid of pids) setProcessors(pid, '0');
  return () => setProcessors(process.pid, `0-${processors - 1}`);
}
