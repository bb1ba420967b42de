import { joinAttempts, type QuizAttempt } from '@/engine/quizzes-in-progress';
import type { AttemptChange } from './attempt-db';
import { browserStorage } from './browser-storage';
import { databaseWriteFailures } from './database-write-failures';
import type { HistoryDb } from './history-db-open';
import {
  attemptsMarkedRemoved,
  hasLegacyQuiz,
  markAttemptRemoved,
  removeSavedAttempt,
  saveAttempt,
  savedAttemptKeys,
  unmarkAttemptRemoved,
} from './saved-attempt-keys';
import { isHeld, retryAlso } from './saved-writes';
import { reportStorageNotice } from './storage-notices';

const NOTICE_KEY = 'indexeddb:attempts';

/** Where quizzes in progress are saved: localStorage until the database is open, or for good without one. */
export type AttemptSavingMode = 'opening' | 'database' | 'local';

/** What the quiz store hears from its saving. */
export type AttemptListener = {
  /** The database is read: every attempt it holds (joined with this tab's). */
  loaded(attempts: Record<string, QuizAttempt>): void;
  /** An attempt as saved, by this tab (joined with another tab's answers) or by another tab. */
  changed(attempt: QuizAttempt): void;
  /** Another tab removed this attempt. */
  removed(id: string): void;
};

export type AttemptSaving = {
  mode(): AttemptSavingMode;
  saved(attempt: QuizAttempt): void;
  removed(id: string): void;
  /** Resolves once the database is open and read (or known to be missing). */
  ready: Promise<void>;
  /** Resolves once every change so far is written (or has failed and waits). */
  settled(): Promise<void>;
};

const answered = (attempt: QuizAttempt) => Object.keys(attempt.session.submissions).length;

/**
 * Keeps one tab's quizzes in progress in the history's IndexedDB database once it opens. First the
 * attempts localStorage holds (the version before, or this tab's while opening) are written there,
 * and removed from localStorage only once that write has committed; then the database is read. Each
 * change writes its attempt, joined with the saved one; other tabs hear of it on a BroadcastChannel;
 * a write that fails is kept, reported and retried. Without IndexedDB they stay in localStorage.
 */
export function saveAttempts(
  listener: AttemptListener,
  current: () => Record<string, QuizAttempt>,
  options: { databaseName?: string } = {},
): AttemptSaving {
  let mode: AttemptSavingMode = typeof indexedDB === 'undefined' ? 'local' : 'opening';
  let db: HistoryDb | undefined;
  let isLoaded = false;
  /** The latest change of each attempt not written yet. */
  let waiting = new Map<string, AttemptChange>();
  let writing: Promise<void> = Promise.resolve();
  let channel: BroadcastChannel | undefined;
  const dbModule = () => import('./attempt-db');
  // Checking saved attempts loads zod: after the start, not before the quiz's first paint.
  const readingModule = () => import('./saved-attempts');

  const failures = databaseWriteFailures(
    NOTICE_KEY,
    'Your quiz in progress could not be saved: the browser refused. It is kept while this page stays open and the app keeps trying; download a backup on the Progress page to be safe.',
    () => flush(),
  );

  function flush(): void {
    if (!db || !isLoaded) return;
    const database = db;
    writing = writing.then(async () => {
      if (waiting.size === 0) return;
      const batch = waiting;
      waiting = new Map();
      const { writeAttempts } = await dbModule();
      let saved: QuizAttempt[];
      try {
        saved = await writeAttempts(database, [...batch.values()]);
      } catch (error) {
        // A change made since the failure is newer: it stands.
        for (const [id, change] of batch) if (!waiting.has(id)) waiting.set(id, change);
        failures.failed(error);
        return;
      }
      failures.succeeded();
      // In the database now: the copy (or removal mark) kept in localStorage meanwhile goes, unless a
      // newer change waits.
      for (const [id, change] of batch) {
        if (waiting.has(id)) continue;
        if (change.attempt) removeSavedAttempt(id);
        else unmarkAttemptRemoved(id);
      }
      for (const attempt of saved) {
        const written = batch.get(attempt.id)?.attempt;
        // Joined with answers another tab saved: this tab shows them too.
        if (written && answered(attempt) > answered(written)) listener.changed(attempt);
        channel?.postMessage({ kind: 'saved', attempt });
      }
      for (const { id, attempt } of batch.values())
        if (!attempt) channel?.postMessage({ kind: 'removed', id });
    });
  }

  /** Another tab's message, checked like any saved data, since any page of the site can post. */
  function heard(data: unknown): void {
    const message = data as { kind?: unknown; attempt?: unknown; id?: unknown } | null;
    if (message?.kind === 'removed' && typeof message.id === 'string') listener.removed(message.id);
    if (message?.kind !== 'saved') return;
    void readingModule().then(({ quizAttemptSchema }) => {
      const attempt = quizAttemptSchema.safeParse(message.attempt);
      if (attempt.success) listener.changed(attempt.data);
    });
  }

  /**
   * Copies what localStorage holds into the database, and the removals marked there; each key goes
   * once written, if unchanged.
   */
  async function migrate(database: HistoryDb): Promise<void> {
    const keys = savedAttemptKeys();
    // With no key there is nothing to check, and the module that checks (with zod) need not load.
    const reading = keys.length > 0 ? await readingModule() : undefined;
    const storage = browserStorage();
    const found: { key: string; raw: string; attempt: QuizAttempt }[] = [];
    for (const key of keys) {
      let raw: string | null | undefined;
      try {
        raw = storage?.getItem(key);
      } catch {
        raw = undefined;
      }
      // A damaged value is set aside (and reported) by the read, as before.
      const attempt = raw == null ? undefined : reading?.readSavedAttempt(key);
      if (raw != null && attempt) found.push({ key, raw, attempt });
    }
    // An attempt saved again after its mark (not something the app does) is kept: saving wins.
    const removed = attemptsMarkedRemoved().filter((id) => !found.some(({ attempt }) => attempt.id === id));
    if (found.length === 0 && removed.length === 0) return;
    const { writeAttempts } = await dbModule();
    await writeAttempts(database, [
      ...found.map(({ attempt }) => ({ id: attempt.id, attempt })),
      ...removed.map((id) => ({ id })),
    ]);
    for (const id of removed) unmarkAttemptRemoved(id);
    for (const { key, raw } of found) {
      try {
        if (!isHeld(key) && storage?.getItem(key) === raw) storage.removeItem(key);
      } catch {
        // Left in place, it is copied again at the next start and joined: nothing doubled or lost.
      }
    }
  }

  /** `saved` with this tab's attempts (made while they were read) joined in. */
  function withThisTabs(saved: Record<string, QuizAttempt>): Record<string, QuizAttempt> {
    const attempts = { ...saved };
    for (const [id, mine] of Object.entries(current())) {
      const theirs = attempts[id];
      attempts[id] = theirs ? joinAttempts(mine, theirs) : mine;
    }
    return attempts;
  }

  /** The quiz the version before kept under one key becomes an attempt of its own, first of all. */
  async function moveLegacyQuiz(): Promise<void> {
    if (!hasLegacyQuiz()) return;
    try {
      const { migrateLegacyQuiz } = await readingModule();
      migrateLegacyQuiz(Date.now());
    } catch {
      // The module did not load: the old key stays as it is, and the next start moves it.
    }
  }

  /** Without the database: the attempts localStorage holds are all there is. */
  async function loadLocal(): Promise<void> {
    await moveLegacyQuiz();
    let saved: Record<string, QuizAttempt> = {};
    try {
      saved = (await readingModule()).readSavedAttempts();
    } catch {
      // The module that checks them did not load: the quiz page goes on without them, and they stay
      // saved under their own keys, which nothing this tab writes replaces.
    }
    listener.loaded(withThisTabs(saved));
  }

  async function start(): Promise<void> {
    const { openHistoryDb } = await import('./history-db-open');
    await moveLegacyQuiz();
    const database = await openHistoryDb(options.databaseName);
    if (!database) {
      mode = 'local';
      await loadLocal();
      return;
    }
    db = database;
    // From here on, changes wait for the database; what localStorage holds is copied below.
    mode = 'database';
    try {
      await migrate(database);
      const { readAttempts } = await dbModule();
      const loaded = await readAttempts(database);
      if (loaded.damaged.length > 0) {
        const count = loaded.damaged.length;
        reportStorageNotice({
          kind: 'corrupt',
          key: NOTICE_KEY,
          keptValue: JSON.stringify({ damagedRecords: loaded.damaged }, null, 1),
          backupKey: 'indexeddb:damaged',
          message: `${count === 1 ? 'A saved quiz in progress' : `${count} saved quizzes in progress`} could not be read. ${count === 1 ? 'It was' : 'They were'} copied aside and everything else was kept; you can download ${count === 1 ? 'it' : 'them'}.`,
        });
      }
      // What this tab did while the database opened is in `waiting`, written next and joined there.
      listener.loaded(withThisTabs(loaded.attempts));
    } catch (error) {
      failures.failed(error);
      // They stay in localStorage as before.
      mode = 'local';
      db = undefined;
      for (const change of waiting.values()) write(change);
      waiting = new Map();
      await loadLocal();
      return;
    }
    isLoaded = true;
    if (typeof BroadcastChannel !== 'undefined') {
      channel = new BroadcastChannel(`${options.databaseName ?? 'source-quiz'}:attempts`);
      channel.onmessage = (event: MessageEvent) => heard(event.data);
    }
    retryAlso(() => {
      flush();
      return waiting.size;
    });
    flush();
  }

  function write(change: AttemptChange): void {
    // localStorage is written at once, the database a moment later: until the database has the
    // change, localStorage keeps it too, so a reload or a closed tab right after an answer loses
    // nothing (the next start copies it in, as it copies the version before's).
    if (change.attempt) saveAttempt(change.attempt);
    else {
      removeSavedAttempt(change.id);
      if (mode !== 'local') markAttemptRemoved(change.id);
    }
    if (mode === 'database') {
      waiting.set(change.id, change);
      flush();
    }
  }

  const ready = mode === 'local' ? loadLocal() : start();

  return {
    mode: () => mode,
    saved: (attempt) => write({ id: attempt.id, attempt }),
    removed: (id) => write({ id }),
    ready,
    async settled() {
      await ready;
      await writing;
    },
  };
}
