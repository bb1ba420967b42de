import { browserStorage, STORAGE_FULL_ADVICE } from './browser-storage';
import { dismissStorageNotice, reportStorageNotice } from './storage-notices';

/**
 * Every write to saved data goes through here, so that none is swallowed: a write that fails is
 * kept in memory, reported, and retried (after a pause, at the next write, or when the learner asks);
 * a key whose damaged value could not be copied aside is held, and nothing is written over it until
 * the learner has downloaded or discarded that value.
 */
const pending = new Map<string, { text: string; describedAs: string }>();
const held = new Set<string>();
const RETRY_DELAYS_MS = [2_000, 10_000, 60_000];
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let retriesScheduled = 0;

function notSavedId(key: string): string {
  return `not-saved:${key}`;
}
const STORAGE_FULL_ID = notSavedId('storage-full');

type WriteOutcome = 'saved' | 'full' | 'refused';

/**
 * A write refused for lack of room. Browsers name it differently; a storage that holds nothing and
 * still says "full" is a private window or blocked site data, which is told apart (refused).
 */
function isQuotaError(error: unknown, storage: Storage): boolean {
  if (!(error instanceof DOMException)) return false;
  const isQuota =
    error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED' || error.code === 22;
  let holdsSomething = false;
  try {
    holdsSomething = storage.length > 0;
  } catch {
    holdsSomething = false;
  }
  return isQuota && holdsSomething;
}

function tryWrite(key: string, text: string): WriteOutcome {
  const storage = browserStorage();
  if (!storage) return 'refused';
  try {
    storage.setItem(key, text);
    return 'saved';
  } catch (error) {
    return isQuotaError(error, storage) ? 'full' : 'refused';
  }
}

function scheduleRetry(): void {
  if (retryTimer !== undefined || retriesScheduled >= RETRY_DELAYS_MS.length) return;
  const delay = RETRY_DELAYS_MS[retriesScheduled] ?? 0;
  retriesScheduled += 1;
  retryTimer = setTimeout(() => {
    retryTimer = undefined;
    retryPendingWrites();
  }, delay);
}

/** Writes `text` under `key`, or keeps it to write later and says so. Returns whether it is saved. */
export function writeSaved(key: string, text: string, describedAs: string): boolean {
  if (held.has(key)) {
    pending.set(key, { text, describedAs });
    return false;
  }
  const outcome = tryWrite(key, text);
  if (outcome === 'saved') {
    pending.delete(key);
    dismissStorageNotice(notSavedId(key));
    dismissStorageNotice(STORAGE_FULL_ID);
    // A write that works is a good moment to retry the others.
    if (pending.size > 0) retryPendingWrites();
    return true;
  }
  pending.set(key, { text, describedAs });
  if (outcome === 'full') {
    // One notice for a full storage, whatever the write: the remedy is the same.
    reportStorageNotice({
      kind: 'not-saved',
      key: 'storage-full',
      canRetry: true,
      isFull: true,
      message: `The browser's storage for this site is full, so your ${describedAs} could not be saved. Nothing saved before is lost, and what you do now is kept while this page stays open. ${STORAGE_FULL_ADVICE}`,
    });
  } else {
    reportStorageNotice({
      kind: 'not-saved',
      key,
      canRetry: true,
      message: `Your ${describedAs} could not be saved: the browser refused (its storage may be blocked). They are kept while this page stays open and the app keeps trying; download a backup on the Progress page to be safe.`,
    });
  }
  scheduleRetry();
  return false;
}

/** Other saved data (the history in IndexedDB) that keeps its own failed writes: retried with these. */
const otherRetries = new Set<() => number>();

/** `retry` tries again what another kind of storage failed to save, and returns how much is left. */
export function retryAlso(retry: () => number): void {
  otherRetries.add(retry);
}

/** Tries every write still waiting; returns how many are still not saved. */
export function retryPendingWrites(): number {
  let others = 0;
  for (const retry of otherRetries) others += retry();
  for (const [key, { text }] of [...pending]) {
    if (held.has(key)) continue;
    if (tryWrite(key, text) === 'saved') {
      pending.delete(key);
      dismissStorageNotice(notSavedId(key));
    }
  }
  const left = [...pending.keys()].filter((key) => !held.has(key)).length;
  if (left === 0) dismissStorageNotice(STORAGE_FULL_ID);
  if (left === 0) retriesScheduled = 0;
  else scheduleRetry();
  return left + others;
}

export function hasPendingWrite(key: string): boolean {
  return pending.has(key);
}

/** Nothing may be written under `key` until `releaseKey`: its damaged value has no copy yet. */
export function holdKey(key: string): void {
  held.add(key);
}

export function isHeld(key: string): boolean {
  return held.has(key);
}

/**
 * The learner downloaded or discarded the damaged value: it may go, and what waited is written.
 */
export function releaseKey(key: string): void {
  held.delete(key);
  const waiting = pending.get(key);
  if (waiting) {
    writeSaved(key, waiting.text, waiting.describedAs);
    return;
  }
  try {
    browserStorage()?.removeItem(key);
  } catch {
    // A storage we cannot reach holds nothing to remove.
  }
}

/** For tests: forget every pending write, hold and timer. */
export function resetSavedWrites(): void {
  pending.clear();
  held.clear();
  if (retryTimer !== undefined) clearTimeout(retryTimer);
  retryTimer = undefined;
  retriesScheduled = 0;
}
