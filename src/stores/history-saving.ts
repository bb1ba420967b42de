import { z } from 'zod';
import type { StoreApi } from 'zustand';
import { questionSchema } from '@/content/question-schema';
import { answerKey, type AnswerRecord } from '@/engine/history';
import { withRecordsJoined } from '@/engine/merge-backup';
import { gradedAnswers, regradeCounts, regradeKey } from '@/engine/regrade-history';
import { emptyProgress, type Progress } from '@/engine/progress';
import { savedSchedulesOf, schedulesReusing, type SavedSchedule } from '@/engine/schedule';
import { browserStorage } from './browser-storage';
import { databaseWriteFailures } from './database-write-failures';
import {
  answerRecordSchema,
  attemptRecordSchema,
  learnerSettingsSchema,
  regradeRecordSchema,
} from './history-schema';
import { LATEST_TIME } from './latest-time';
import type { HistoryDb, HistoryRecords } from './history-db';
import { isHeld, retryAlso } from './saved-writes';
import { reportStorageNotice } from './storage-notices';

const LOCAL_KEY = 'source-quiz:history';
const NOTICE_KEY = 'indexeddb:history';

/**
 * Records not yet in the database, kept in localStorage by each tab under a key of its own until
 * they are: an answer given just before the page closes is taken in at the next start.
 */
const UNSAVED_PREFIX = 'source-quiz:history-unsaved:';

/** Records another tab sent, or a tab kept unsaved; checked like any saved data. */
const recordsSchema = z.lazy(() =>
  z.object({
    attempts: z.array(attemptRecordSchema),
    answers: z.array(answerRecordSchema),
    questions: z.record(z.string(), questionSchema),
    resets: z.record(z.string(), z.number().int().nonnegative().max(LATEST_TIME)),
    settings: learnerSettingsSchema.optional(),
    regrades: z.array(regradeRecordSchema).optional(),
  }),
);

/** What another tab says on the channel; checked like any saved data, since any page can post. */
const messageSchema = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('reset') }),
    z.object({ kind: z.literal('added'), records: recordsSchema }),
  ]),
);

/** Where the history is saved now: localStorage until the database is open, or for good without one. */
export type HistorySavingMode = 'opening' | 'database' | 'local';

export type HistorySaving = {
  mode(): HistorySavingMode;
  /** Records one change: `records` are what it added, appended to the database. */
  added(records: HistoryRecords): void;
  /** The learner reset everything: the database is emptied and the other tabs told. */
  reset(): void;
  /** Resolves once the database is open and loaded (or known to be missing). */
  ready: Promise<void>;
  /** Resolves once every change recorded so far is written (or has failed and waits). */
  settled(): Promise<void>;
};

type Options = { databaseName?: string };

function hasRecords(progress: Progress): boolean {
  return (
    progress.history.attempts.length > 0 ||
    progress.history.answers.length > 0 ||
    Object.keys(progress.resets).length > 0
  );
}

function joinAll(batches: HistoryRecords[]): HistoryRecords {
  const joined: HistoryRecords = { attempts: [], answers: [], questions: {}, resets: {} };
  const schedules: SavedSchedule[] = [];
  for (const batch of batches) {
    joined.attempts.push(...batch.attempts);
    joined.answers.push(...batch.answers);
    Object.assign(joined.questions, batch.questions);
    for (const [id, at] of Object.entries(batch.resets))
      joined.resets[id] = Math.max(joined.resets[id] ?? 0, at);
    if (batch.settings) joined.settings = batch.settings;
    if (batch.regrades) joined.regrades = [...(joined.regrades ?? []), ...batch.regrades];
    // A later change was made from a history holding at least as much: its schedule replaces.
    if (batch.schedules) schedules.push(...batch.schedules);
  }
  if (schedules.length > 0) {
    joined.schedules = [...new Map(schedules.map((saved) => [saved.questionId, saved])).values()];
  }
  return joined;
}

/**
 * Keeps the history of one tab in IndexedDB (through `idb`, loaded in a chunk of its own) once it
 * opens: first what localStorage held (the version before, or this tab's answers while opening) is
 * added to it and then removed from localStorage, then the whole database is read in. After that each
 * change appends its own records, other tabs hear of them on a BroadcastChannel, and a write that
 * fails is kept, reported and retried. Without IndexedDB, the history stays in localStorage.
 */
export function saveHistory(store: StoreApi<Progress>, options: Options = {}): HistorySaving {
  let mode: HistorySavingMode = typeof indexedDB === 'undefined' ? 'local' : 'opening';
  let db: HistoryDb | undefined;
  let isLoaded = false;
  let waiting: HistoryRecords[] = [];
  /** The batch being written now: not in the database until its transaction commits. */
  let inFlight: HistoryRecords[] = [];
  const unsavedKey = `${UNSAVED_PREFIX}${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  let writing: Promise<void> = Promise.resolve();
  let channel: BroadcastChannel | undefined;
  const dbModule = () => import('./history-db');

  const failures = databaseWriteFailures(
    NOTICE_KEY,
    'Your latest answers could not be saved: the browser refused. They are kept while this page stays open and the app keeps trying; download a backup on the Progress page to be safe.',
    () => flush(),
  );

  function flush(): void {
    if (!db || !isLoaded) return;
    const database = db;
    writing = writing.then(async () => {
      if (waiting.length === 0) return;
      const batch = waiting;
      waiting = [];
      inFlight = batch;
      const records = joinAll(batch);
      const { appendRecords } = await dbModule();
      try {
        await appendRecords(database, records);
      } catch (error) {
        waiting = [...batch, ...waiting];
        failures.failed(error);
        return;
      } finally {
        inFlight = [];
      }
      keepUnsavedAside();
      failures.succeeded();
      // The other tabs reschedule from the records themselves.
      const { attempts, answers, questions, resets, settings, regrades } = records;
      channel?.postMessage({
        kind: 'added',
        records: { attempts, answers, questions, resets, settings, regrades },
      });
    });
  }

  /**
   * Writes what is not in the database yet to this tab's localStorage key (or removes the key once
   * all is in), synchronously: IndexedDB drops a write still waiting when the page closes.
   */
  function keepUnsavedAside(): void {
    const unsaved = [...inFlight, ...waiting];
    const storage = browserStorage();
    try {
      if (unsaved.length === 0) {
        storage?.removeItem(unsavedKey);
        return;
      }
      // Schedules are left out: the next start replays any that disagree with the answers.
      storage?.setItem(unsavedKey, JSON.stringify({ ...joinAll(unsaved), schedules: undefined }));
    } catch {
      // Without room in localStorage, the database write still goes on, and a failure is reported there.
    }
  }

  /** After a reset, what any tab kept unsaved is gone with the rest. */
  function forgetUnsaved(): void {
    const storage = browserStorage();
    try {
      const keys = Object.keys(storage ?? {}).filter((key) => key.startsWith(UNSAVED_PREFIX));
      for (const key of keys) storage?.removeItem(key);
    } catch {
      // A storage we cannot reach holds nothing to remove.
    }
  }

  /**
   * Appends what tabs closed before their writes were done kept in localStorage, and removes each key
   * once written, if no live tab changed it meanwhile. A damaged one is moved aside and reported.
   */
  async function takeInUnsaved(database: HistoryDb): Promise<void> {
    const storage = browserStorage();
    if (!storage) return;
    const found: { key: string; raw: string; records: HistoryRecords }[] = [];
    try {
      // The keys first: setting a damaged one aside changes the storage's order.
      const keys = Object.keys(storage).filter((key) => key.startsWith(UNSAVED_PREFIX) && key !== unsavedKey);
      for (const key of keys) {
        const raw = storage.getItem(key);
        if (raw == null) continue;
        const records = recordsSchema.safeParse(safeJson(raw));
        if (records.success) {
          found.push({ key, raw, records: records.data });
          continue;
        }
        setUnsavedAside(storage, key, raw);
      }
    } catch {
      return;
    }
    if (found.length === 0) return;
    const { appendRecords } = await dbModule();
    await appendRecords(database, joinAll(found.map(({ records }) => records)));
    for (const { key, raw } of found) {
      try {
        if (storage.getItem(key) === raw) storage.removeItem(key);
      } catch {
        // Left in place, it is appended again at the next start: the same records, nothing doubled.
      }
    }
  }

  function heard(data: unknown): void {
    const message = messageSchema.safeParse(data);
    if (!message.success) return;
    if (message.data.kind === 'reset') {
      store.setState(emptyProgress());
      return;
    }
    const { records } = message.data;
    const current = store.getState();
    store.setState(withRecordsJoined(current, records));
  }

  /** Adds what localStorage held to the database, then lets it go from there once safely written. */
  async function migrate(database: HistoryDb, mine: Progress): Promise<void> {
    const storage = browserStorage();
    let raw: string | null | undefined;
    try {
      raw = storage?.getItem(LOCAL_KEY);
    } catch {
      raw = undefined;
    }
    if (!hasRecords(mine) && raw == null) return;
    const { appendRecords, recordsOf } = await dbModule();
    const records = recordsOf(mine);
    // The settings saved by the version before are the learner's; with nothing saved, the database's stand.
    await appendRecords(database, raw == null ? { ...records, settings: undefined } : records);
    try {
      if (raw != null && !isHeld(LOCAL_KEY) && storage?.getItem(LOCAL_KEY) === raw)
        storage.removeItem(LOCAL_KEY);
    } catch {
      // Left in place, it is added again at the next start: the same records, nothing doubled.
    }
  }

  async function start(): Promise<void> {
    const { openHistoryDb, loadRecords } = await dbModule();
    const database = await openHistoryDb(options.databaseName);
    if (!database) {
      mode = 'local';
      return;
    }
    db = database;
    // From here on, changes wait for the database; what came before is migrated below.
    mode = 'database';
    let replayed: SavedSchedule[] = [];
    try {
      await migrate(database, store.getState());
      await takeInUnsaved(database);
      const loaded = await loadRecords(database);
      if (loaded.damaged.length > 0) {
        reportStorageNotice({
          kind: 'corrupt',
          key: NOTICE_KEY,
          keptValue: JSON.stringify({ damagedRecords: loaded.damaged }, null, 1),
          backupKey: 'indexeddb:damaged',
          message: `Some of your saved answers and progress could not be read (${loaded.damaged.length} ${loaded.damaged.length === 1 ? 'record' : 'records'}). They were copied aside and everything else was kept; you can download them.`,
        });
      }
      performance.mark('source-quiz:history-read', { detail: { answers: loaded.records.answers.length } });
      const { records } = loaded;
      const current = store.getState();
      const settings = records.settings ?? current.settings;
      const history = {
        attempts: records.attempts,
        answers: records.answers,
        questions: records.questions,
        ...(records.regrades ? { regrades: records.regrades } : {}),
      };
      // Saved schedules that agree with the answers (as regraded) are taken as they are; the rest
      // are replayed.
      const rebuilt = schedulesReusing(
        gradedAnswers(history),
        records.resets,
        settings,
        loaded.schedules,
        regradeCounts(history),
      );
      replayed = rebuilt.replayed;
      const saved: Progress = {
        history,
        resets: records.resets,
        settings,
        schedules: rebuilt.schedules,
      };
      // Anything this tab recorded while the database was read is joined in, and written below.
      store.setState(hasRecords(current) ? withRecordsJoined(saved, recordsOfProgress(current)) : saved);
    } catch (error) {
      failures.failed(error);
      // The history stays in localStorage as before.
      mode = 'local';
      db = undefined;
      return;
    }
    isLoaded = true;
    if (replayed.length > 0) {
      const { saveSchedules } = await dbModule();
      void saveSchedules(database, replayed);
    }
    // For the bench in Chromium: when the saved history was in, measured from the page's start.
    performance.mark('source-quiz:history-loaded', {
      detail: { answers: store.getState().history.answers.length },
    });
    if (typeof BroadcastChannel !== 'undefined') {
      channel = new BroadcastChannel(`${options.databaseName ?? 'source-quiz'}:history`);
      channel.onmessage = (event: MessageEvent) => heard(event.data);
    }
    retryAlso(() => {
      flush();
      return waiting.length;
    });
    flush();
  }

  const ready = typeof indexedDB === 'undefined' ? Promise.resolve() : start();

  return {
    mode: () => mode,
    added(records) {
      if (mode !== 'database') return;
      waiting.push(records);
      keepUnsavedAside();
      flush();
    },
    reset() {
      if (mode !== 'database') return;
      waiting = [];
      forgetUnsaved();
      writing = writing.then(async () => {
        await ready;
        if (!db) return;
        const { clearRecords } = await dbModule();
        try {
          await clearRecords(db);
          channel?.postMessage({ kind: 'reset' });
        } catch (error) {
          failures.failed(error);
        }
      });
    },
    ready,
    async settled() {
      await ready;
      await writing;
    },
  };
}

/**
 * Moves damaged unsaved records out of the way (left in place if there is no room to copy them) and
 * offers them as a damaged-records file, which imports back whatever in it still passes its checks.
 */
function setUnsavedAside(storage: Storage, key: string, raw: string): void {
  let isCopied = false;
  try {
    storage.setItem(key.replace(UNSAVED_PREFIX, 'source-quiz:history-unsaved-damaged:'), raw);
    isCopied = true;
    storage.removeItem(key);
  } catch {
    // Without room for a copy it stays where it is (no tab writes there), reported again next time.
  }
  reportStorageNotice({
    kind: 'corrupt',
    key,
    keptValue: JSON.stringify({ damagedRecords: damagedRecordsOf(raw) }, null, 1),
    message: isCopied
      ? 'Answers kept to save when a page closed could not be read. They were set aside; you can download them.'
      : 'Answers kept to save when a page closed could not be read, and there is no room to copy them aside, so they were left where they are; you can download them.',
  });
}

/** Each record of damaged unsaved records, named by the database store it belongs in. */
function damagedRecordsOf(raw: string): { store: string; key: unknown; value: unknown }[] {
  const data = safeJson(raw);
  if (typeof data !== 'object' || data === null) return [{ store: 'unsaved', key: null, value: raw }];
  const { attempts, answers, questions, resets, settings, regrades } = data as Record<string, unknown>;
  const each = (store: string, items: unknown) =>
    (Array.isArray(items) ? items : []).map((value: unknown, key) => ({ store, key, value }));
  const entries = (items: unknown) =>
    typeof items === 'object' && items !== null ? Object.entries(items) : [];
  return [
    ...each('attempts', attempts),
    ...each('answers', answers),
    ...entries(questions).map(([key, question]) => ({ store: 'questions', key, value: { key, question } })),
    ...entries(resets).map(([key, at]) => ({ store: 'resets', key, value: { questionId: key, at } })),
    ...(settings === undefined ? [] : [{ store: 'settings', key: 'learner', value: settings }]),
    ...each('regrades', regrades),
  ];
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function recordsOfProgress(progress: Progress): HistoryRecords {
  return {
    attempts: progress.history.attempts,
    answers: progress.history.answers,
    questions: progress.history.questions,
    resets: progress.resets,
    ...(progress.history.regrades ? { regrades: progress.history.regrades } : {}),
  };
}

/** The records a change added: the attempt, answer and question it names, found in `after`. */
export function recordsOfChange(
  after: Progress,
  change: {
    attemptId?: string;
    answer?: Pick<AnswerRecord, 'attemptId' | 'questionId' | 'answeredAt'>;
    resetOf?: string;
    settings?: boolean;
    /** Keys (`regradeKey`) of the regrades the change kept. */
    regrades?: ReadonlySet<string>;
  },
): HistoryRecords {
  const records: HistoryRecords = { attempts: [], answers: [], questions: {}, resets: {} };
  const { history } = after;
  if (change.attemptId !== undefined) {
    const attempt = history.attempts.find((candidate) => candidate.id === change.attemptId);
    if (attempt) records.attempts.push(attempt);
  }
  if (change.answer) {
    const key = answerKey(change.answer);
    // Answers are in time order, so the new one is almost always last.
    for (let index = history.answers.length - 1; index >= 0; index -= 1) {
      const answer = history.answers[index];
      if (answer && answerKey(answer) === key) {
        records.answers.push(answer);
        const question = history.questions[answer.asked];
        if (question) records.questions[answer.asked] = question;
        break;
      }
    }
  }
  if (change.resetOf !== undefined) {
    const at = after.resets[change.resetOf];
    if (at !== undefined) records.resets[change.resetOf] = at;
  }
  if (change.settings) records.settings = after.settings;
  const rescheduled = new Set(change.settings ? Object.keys(after.schedules) : []);
  if (change.regrades && change.regrades.size > 0) {
    const kept = new Set(change.regrades);
    records.regrades = (history.regrades ?? []).filter((regrade) => kept.has(regradeKey(regrade)));
    for (const regrade of records.regrades) {
      const question = history.questions[regrade.to];
      if (question) records.questions[regrade.to] = question;
      rescheduled.add(regrade.questionId);
    }
  }
  // A new target retention replays every schedule; an answer, a reset or a regrade, its question's.
  if (records.answers[0]) rescheduled.add(records.answers[0].questionId);
  if (change.resetOf !== undefined) rescheduled.add(change.resetOf);
  if (rescheduled.size > 0) records.schedules = savedSchedulesOf(after, rescheduled);
  return records;
}

/** Every record `after` holds that `before` did not (an import): found by key, written at once. */
export function recordsAddedBetween(before: Progress, after: Progress): HistoryRecords {
  const answerKeys = new Set(before.history.answers.map(answerKey));
  const attempts = new Map(before.history.attempts.map((attempt) => [attempt.id, attempt]));
  return {
    answers: after.history.answers.filter((answer) => !answerKeys.has(answerKey(answer))),
    attempts: after.history.attempts.filter((attempt) => {
      const kept = attempts.get(attempt.id);
      return !kept || kept.finishedAt !== attempt.finishedAt;
    }),
    questions: Object.fromEntries(
      Object.entries(after.history.questions).filter(
        ([key]) => !Object.hasOwn(before.history.questions, key),
      ),
    ),
    resets: Object.fromEntries(Object.entries(after.resets).filter(([id, at]) => before.resets[id] !== at)),
    settings: before.settings === after.settings ? undefined : after.settings,
    regrades: regradesAddedBetween(before, after),
    schedules: savedSchedulesOf(
      after,
      new Set(Object.keys(after.schedules).filter((id) => after.schedules[id] !== before.schedules[id])),
    ),
  };
}

function regradesAddedBetween(before: Progress, after: Progress): HistoryRecords['regrades'] {
  const kept = new Set((before.history.regrades ?? []).map(regradeKey));
  return (after.history.regrades ?? []).filter((regrade) => !kept.has(regradeKey(regrade)));
}
