import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Question } from '@/domain/question';
import {
  answerKey,
  compareAnswers,
  compareAttempts,
  type AnswerRecord,
  type AttemptRecord,
} from '@/engine/history';
import type { LearnerSettings, Progress } from '@/engine/progress';
import { questionSchema } from '@/content/question-schema';
import {
  answerRecordSchema,
  attemptRecordSchema,
  learnerSettingsSchema,
  LATEST_TIME,
} from './history-schema';

/**
 * The learner's history in IndexedDB: one record per answer, attempt, question as asked and reset,
 * so that recording an answer adds one record (the same cost at any size) and two tabs never write
 * over each other: an answer is keyed by what identifies it, and the same key is the same answer.
 */
export const HISTORY_DB_NAME = 'source-quiz';
const DB_VERSION = 1;

/** What records were added or changed: written in one transaction, and told to the other tabs. */
export type HistoryRecords = {
  attempts: AttemptRecord[];
  answers: AnswerRecord[];
  questions: Record<string, Question>;
  resets: Record<string, number>;
  settings?: LearnerSettings;
};

type DamagedRecord = { store: RecordStore; key: IDBValidKey; value: unknown; at: number };
type RecordStore = 'answers' | 'attempts' | 'questions' | 'resets' | 'settings';
const RECORD_STORES: RecordStore[] = ['answers', 'attempts', 'questions', 'resets', 'settings'];

interface HistorySchema extends DBSchema {
  answers: { key: string; value: AnswerRecord };
  attempts: { key: string; value: AttemptRecord };
  questions: { key: string; value: { key: string; question: Question } };
  resets: { key: string; value: { questionId: string; at: number } };
  settings: { key: string; value: LearnerSettings };
  /** Records that could not be read, kept aside (never deleted) to download. */
  damaged: { key: number; value: DamagedRecord };
}

export type HistoryDb = IDBPDatabase<HistorySchema>;

export function noRecords(): HistoryRecords {
  return { attempts: [], answers: [], questions: {}, resets: {} };
}

export function isEmpty(records: HistoryRecords): boolean {
  return (
    records.attempts.length === 0 &&
    records.answers.length === 0 &&
    Object.keys(records.questions).length === 0 &&
    Object.keys(records.resets).length === 0 &&
    records.settings === undefined
  );
}

/** Opens the history database, or undefined where the browser has no IndexedDB or refuses it. */
export async function openHistoryDb(name = HISTORY_DB_NAME): Promise<HistoryDb | undefined> {
  if (typeof indexedDB === 'undefined') return undefined;
  try {
    return await openDB<HistorySchema>(name, DB_VERSION, {
      upgrade(db) {
        db.createObjectStore('answers');
        db.createObjectStore('attempts', { keyPath: 'id' });
        db.createObjectStore('questions', { keyPath: 'key' });
        db.createObjectStore('resets', { keyPath: 'questionId' });
        db.createObjectStore('settings');
        db.createObjectStore('damaged', { autoIncrement: true });
      },
      // A newer version of the app in another tab needs the database: let it, this tab reloads later.
      blocking(_current, _next, event) {
        (event.target as IDBDatabase | null)?.close();
      },
    });
  } catch {
    return undefined;
  }
}

/**
 * Adds records in one transaction. Answers and questions are only ever added (an existing key is the
 * same record); an attempt keeps the first finishing time seen and a reset the latest time, read and
 * written in the same transaction, so two tabs writing at once both count.
 */
export async function appendRecords(db: HistoryDb, records: HistoryRecords): Promise<void> {
  const tx = db.transaction(RECORD_STORES, 'readwrite');
  const writes: Promise<unknown>[] = [];
  const answers = tx.objectStore('answers');
  for (const answer of records.answers) {
    const key = answerKey(answer);
    writes.push(
      answers.getKey(key).then((found) => (found === undefined ? answers.add(answer, key) : found)),
    );
  }
  const questions = tx.objectStore('questions');
  for (const [key, question] of Object.entries(records.questions)) {
    writes.push(
      questions.getKey(key).then((found) => (found === undefined ? questions.add({ key, question }) : found)),
    );
  }
  const attempts = tx.objectStore('attempts');
  for (const attempt of records.attempts) {
    writes.push(
      attempts.get(attempt.id).then((kept) => {
        if (!kept) return attempts.put(attempt);
        if (attempt.finishedAt === undefined) return kept.id;
        if (kept.finishedAt !== undefined && kept.finishedAt <= attempt.finishedAt) return kept.id;
        return attempts.put({ ...kept, finishedAt: attempt.finishedAt });
      }),
    );
  }
  const resets = tx.objectStore('resets');
  for (const [questionId, at] of Object.entries(records.resets)) {
    writes.push(
      resets
        .get(questionId)
        .then((kept) => (kept && kept.at >= at ? questionId : resets.put({ questionId, at }))),
    );
  }
  if (records.settings) writes.push(tx.objectStore('settings').put(records.settings, 'learner'));
  await Promise.all([...writes, tx.done]);
}

/** Everything is gone, in one transaction: the learner reset their progress. Damaged records stay. */
export async function clearRecords(db: HistoryDb): Promise<void> {
  const tx = db.transaction(RECORD_STORES, 'readwrite');
  await Promise.all([
    tx.objectStore('answers').clear(),
    tx.objectStore('attempts').clear(),
    tx.objectStore('questions').clear(),
    tx.objectStore('resets').clear(),
    tx.objectStore('settings').clear(),
    tx.done,
  ]);
}

export type LoadedHistory = {
  records: HistoryRecords;
  /** Records that could not be used: moved to the `damaged` store, offered to download. */
  damaged: DamagedRecord[];
};

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= LATEST_TIME;
}

/**
 * Reads the whole history. Every record is untrusted: one that fails its schema (or names a question
 * the database does not hold) is moved aside, whole, before anything else is written, and never used.
 */
export async function loadRecords(db: HistoryDb): Promise<LoadedHistory> {
  const read = db.transaction(RECORD_STORES, 'readonly');
  const all = (store: RecordStore) =>
    Promise.all([
      read.objectStore(store).getAllKeys(),
      read.objectStore(store).getAll() as Promise<unknown[]>,
    ]);
  const [answers, attempts, questions, resets, settings] = await Promise.all([
    all('answers'),
    all('attempts'),
    all('questions'),
    all('resets'),
    all('settings'),
  ]);
  const at = Date.now();
  const damaged: DamagedRecord[] = [];
  const records = noRecords();
  /** Each record of `store` that `use` refuses is kept aside. */
  function each(
    store: RecordStore,
    [keys, values]: [IDBValidKey[], unknown[]],
    use: (value: unknown, key: IDBValidKey) => boolean,
  ) {
    values.forEach((value, index) => {
      const key = keys[index] ?? index;
      if (!use(value, key)) damaged.push({ store, key, value, at });
    });
  }

  each('questions', questions, (value, key) => {
    const parsed = questionSchema.safeParse((value as { question?: unknown } | undefined)?.question);
    if (!parsed.success || typeof key !== 'string' || !key.startsWith(`${parsed.data.id}@`)) return false;
    records.questions[key] = parsed.data;
    return true;
  });
  each('attempts', attempts, (value, key) => {
    const parsed = attemptRecordSchema.safeParse(value);
    if (!parsed.success || parsed.data.id !== key) return false;
    records.attempts.push(parsed.data);
    return true;
  });
  each('answers', answers, (value, key) => {
    const parsed = answerRecordSchema.safeParse(value);
    if (!parsed.success || answerKey(parsed.data) !== key) return false;
    if (!Object.hasOwn(records.questions, parsed.data.asked)) return false;
    records.answers.push(parsed.data);
    return true;
  });
  each('resets', resets, (value, key) => {
    const { questionId, at: resetAt } = (value ?? {}) as { questionId?: unknown; at?: unknown };
    if (typeof questionId !== 'string' || questionId !== key || !isTime(resetAt)) return false;
    records.resets[questionId] = resetAt;
    return true;
  });
  each('settings', settings, (value, key) => {
    const parsed = learnerSettingsSchema.safeParse(value);
    if (!parsed.success || key !== 'learner') return false;
    records.settings = parsed.data;
    return true;
  });
  records.attempts.sort(compareAttempts);
  records.answers.sort(compareAnswers);

  if (damaged.length > 0) {
    // Copied aside and removed in one transaction: if the copy fails, nothing is removed.
    const tx = db.transaction(['damaged', ...RECORD_STORES], 'readwrite');
    await Promise.all([
      ...damaged.flatMap((record) => [
        tx.objectStore('damaged').add(record),
        tx.objectStore(record.store).delete(record.key as string),
      ]),
      tx.done,
    ]);
  }
  return { records, damaged };
}

/** The records of a whole saved progress, as the localStorage version kept it. */
export function recordsOf(progress: Progress): HistoryRecords {
  return {
    attempts: progress.history.attempts,
    answers: progress.history.answers,
    questions: progress.history.questions,
    resets: progress.resets,
    settings: progress.settings,
  };
}
