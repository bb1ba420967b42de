import { openDB, type DBSchema, type IDBPDatabase, type StoreNames } from 'idb';
import type { Question } from '@/domain/question';
import type { AnswerRecord, AttemptRecord, RegradeRecord } from '@/engine/history';
import type { LearnerSettings } from '@/engine/progress';
import type { SavedSchedule } from '@/engine/schedule';

// Opening the database needs none of the schemas that check what it holds (history-db.ts): the quiz
// in progress opens it as its page starts, and zod loads only when something saved is read.

/**
 * The learner's history in IndexedDB: one record per answer, attempt, question as asked and reset,
 * so that recording an answer adds one record (the same cost at any size) and two tabs never write
 * over each other: an answer is keyed by what identifies it, and the same key is the same answer.
 */
export const HISTORY_DB_NAME = 'source-quiz';
/**
 * 2 added the saved schedules, 3 the regrades, 4 the quizzes in progress (`attempt-db.ts`), 5 the
 * attempts gathered into pages.
 */
const DB_VERSION = 5;

/** What records were added or changed: written in one transaction, and told to the other tabs. */
export type HistoryRecords = {
  attempts: AttemptRecord[];
  answers: AnswerRecord[];
  questions: Record<string, Question>;
  resets: Record<string, number>;
  settings?: LearnerSettings;
  /** Answers graded again after their question changed in the banks; only ever added. */
  regrades?: RegradeRecord[];
  /** Schedules as replayed from the answers this tab holds, saved so a start need not replay them. */
  schedules?: SavedSchedule[];
};

/** A record that could not be read, as kept in the `damaged` store and offered to download. */
export type DamagedRecord<Store = RecordStore | PageStore | 'quizAttempts'> = {
  store: Store;
  key: IDBValidKey;
  value: unknown;
  at: number;
};
export type PageStore = 'answerPages' | 'attemptPages';
export type RecordStore = 'answers' | 'attempts' | 'questions' | 'resets' | 'settings' | 'regrades';

interface HistorySchema extends DBSchema {
  answers: { key: string; value: AnswerRecord };
  /** Answers gathered from `answers` many at a time, as JSON text (`answer-pages.ts`): a large history reads in a few records. */
  answerPages: { key: number; value: string };
  /**
   * Attempts gathered from `attempts` many at a time, as a JSON array: read one by one, the ten
   * thousand attempts of a long history took longer than all of its answers.
   */
  attemptPages: { key: number; value: string };
  attempts: { key: string; value: AttemptRecord };
  questions: { key: string; value: { key: string; question: Question } };
  resets: { key: string; value: { questionId: string; at: number } };
  settings: { key: string; value: LearnerSettings };
  /** Keyed by `regradeKey`: the same key is the same regrade. */
  regrades: { key: string; value: RegradeRecord };
  /** Records that could not be read, kept aside (never deleted) to download. */
  damaged: { key: number; value: DamagedRecord };
  /** Derived from the answers, never the only copy of anything: one that does not agree is replayed. */
  schedules: { key: string; value: SavedSchedule };
  /** Quizzes in progress, one record per attempt, keyed by its id; read as untrusted (`attempt-db.ts`). */
  quizAttempts: { key: string; value: unknown };
}

export type HistoryDb = IDBPDatabase<HistorySchema>;

/** Opens the history database, or undefined where the browser has no IndexedDB or refuses it. */
export async function openHistoryDb(name = HISTORY_DB_NAME): Promise<HistoryDb | undefined> {
  if (typeof indexedDB === 'undefined') return undefined;
  try {
    return await openDB<HistorySchema>(name, DB_VERSION, {
      // Each store made if missing, rather than by the version it comes from: a database another
      // page opened first, empty, still gets every store.
      upgrade(db) {
        const has = (name: StoreNames<HistorySchema>) => db.objectStoreNames.contains(name);
        if (!has('answers')) db.createObjectStore('answers');
        if (!has('answerPages')) db.createObjectStore('answerPages', { autoIncrement: true });
        if (!has('attemptPages')) db.createObjectStore('attemptPages', { autoIncrement: true });
        if (!has('attempts')) db.createObjectStore('attempts', { keyPath: 'id' });
        if (!has('questions')) db.createObjectStore('questions', { keyPath: 'key' });
        if (!has('resets')) db.createObjectStore('resets', { keyPath: 'questionId' });
        if (!has('settings')) db.createObjectStore('settings');
        if (!has('damaged')) db.createObjectStore('damaged', { autoIncrement: true });
        // Version 1 kept no schedules: the first start replays them once and saves them.
        if (!has('schedules')) db.createObjectStore('schedules', { keyPath: 'questionId' });
        // Version 2 kept no regrades: the first start regrades what the banks have changed.
        if (!has('regrades')) db.createObjectStore('regrades');
        // Versions 1 to 3 kept quizzes in progress in localStorage: the first start copies them here.
        if (!has('quizAttempts')) db.createObjectStore('quizAttempts');
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
