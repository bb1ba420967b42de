import {
  answerKey,
  compareAnswers,
  compareAttempts,
  type AnswerRecord,
  type AttemptRecord,
  type RegradeRecord,
} from '@/engine/history';
import { regradeKey } from '@/engine/regrade-history';
import type { Progress } from '@/engine/progress';
import type { SavedSchedule } from '@/engine/schedule';
import { questionSchema } from '@/content/question-schema';
import { checkedAnswer } from './answer-check';
import { answersOfPage, pageText } from './answer-pages';
import { checkedAttempt } from './attempt-check';
import { learnerSettingsSchema, regradeRecordSchema, savedScheduleSchema } from './history-schema';
import { LATEST_TIME } from './latest-time';
import type { DamagedRecord, HistoryDb, HistoryRecords, PageStore, RecordStore } from './history-db-open';

export {
  HISTORY_DB_NAME,
  openHistoryDb,
  type DamagedRecord,
  type HistoryDb,
  type HistoryRecords,
} from './history-db-open';

type DamagedHistoryRecord = DamagedRecord<RecordStore | PageStore>;
const RECORD_STORES: RecordStore[] = ['answers', 'attempts', 'questions', 'resets', 'settings', 'regrades'];

export function noRecords(): HistoryRecords {
  return { attempts: [], answers: [], questions: {}, resets: {} };
}

export function isEmpty(records: HistoryRecords): boolean {
  return (
    records.attempts.length === 0 &&
    records.answers.length === 0 &&
    Object.keys(records.questions).length === 0 &&
    Object.keys(records.resets).length === 0 &&
    records.settings === undefined &&
    (records.regrades ?? []).length === 0
  );
}

/**
 * Adds records in one transaction. Answers and questions are only ever added (an existing key is the
 * same record); an attempt keeps the first finishing time seen and a reset the latest time, read and
 * written in the same transaction, so two tabs writing at once both count.
 */
export async function appendRecords(db: HistoryDb, records: HistoryRecords): Promise<void> {
  const tx = db.transaction([...RECORD_STORES, 'schedules'], 'readwrite');
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
  const regrades = tx.objectStore('regrades');
  for (const regrade of records.regrades ?? []) {
    const key = regradeKey(regrade);
    writes.push(
      regrades.getKey(key).then((found) => (found === undefined ? regrades.add(regrade, key) : found)),
    );
  }
  // In the same transaction as the answers they were replayed from, so a saved schedule never counts
  // an answer the database lacks; one from a tab that had not heard of another's answer counts fewer
  // answers than the database holds, and is replayed at the next start.
  for (const schedule of records.schedules ?? []) writes.push(tx.objectStore('schedules').put(schedule));
  await Promise.all([...writes, tx.done]);
}

/** Saves schedules replayed at a start; a failure only means they are replayed again next time. */
export async function saveSchedules(db: HistoryDb, schedules: SavedSchedule[]): Promise<void> {
  if (schedules.length === 0) return;
  try {
    const tx = db.transaction('schedules', 'readwrite');
    // A tab may have saved one replayed from more answers since: it stands. What is there is unchecked.
    const writes = schedules.map((schedule) =>
      tx.store.get(schedule.questionId).then((kept: unknown) => {
        const keptCount = (kept as { basis?: { answers?: unknown } } | undefined)?.basis?.answers;
        if (typeof keptCount === 'number' && keptCount > schedule.basis.answers) return undefined;
        return tx.store.put(schedule);
      }),
    );
    await Promise.all([...writes, tx.done]);
  } catch {
    // Derived data: nothing is lost.
  }
}

/** Everything is gone, in one transaction: the learner reset their progress. Damaged records stay. */
export async function clearRecords(db: HistoryDb): Promise<void> {
  const tx = db.transaction([...RECORD_STORES, 'answerPages', 'attemptPages', 'schedules'], 'readwrite');
  await Promise.all([
    tx.objectStore('schedules').clear(),
    tx.objectStore('answerPages').clear(),
    tx.objectStore('attemptPages').clear(),
    tx.objectStore('answers').clear(),
    tx.objectStore('attempts').clear(),
    tx.objectStore('questions').clear(),
    tx.objectStore('resets').clear(),
    tx.objectStore('settings').clear(),
    tx.objectStore('regrades').clear(),
    tx.done,
  ]);
}

export type LoadedHistory = {
  records: HistoryRecords;
  /** Records that could not be used: moved to the `damaged` store, offered to download. */
  damaged: DamagedHistoryRecord[];
  /** The saved schedules that are readable, by question id; whether each still agrees is for the engine. */
  schedules: Map<string, SavedSchedule>;
};

/** Loose answer records gathered into pages once there are this many: few enough to read fast. */
const COMPACT_AFTER = 500;
const PAGE_SIZE = 10_000;

/**
 * Gathers the loose answers read into pages and removes them, in one transaction: a tab that appends
 * meanwhile adds a key this does not remove, and an answer found twice is read once. A page holds its
 * answers in time order, so that the pages read one after the other are already nearly sorted.
 */
async function compact(db: HistoryDb, loose: { key: string; answer: AnswerRecord }[]): Promise<void> {
  const tx = db.transaction(['answers', 'answerPages'], 'readwrite');
  const writes: Promise<unknown>[] = [];
  const answers = loose.map(({ answer }) => answer).sort(compareAnswers);
  for (let start = 0; start < answers.length; start += PAGE_SIZE) {
    writes.push(tx.objectStore('answerPages').add(pageText(answers.slice(start, start + PAGE_SIZE))));
  }
  for (const { key } of loose) writes.push(tx.objectStore('answers').delete(key));
  try {
    await Promise.all([...writes, tx.done]);
  } catch {
    // Not gathered (no room, another tab): the loose records stay and are read as they are.
  }
}

/**
 * Gathers the loose attempts into pages and removes them, in one transaction that reads them again:
 * an attempt can change (another tab finishing it) between the start's read and this, and the one
 * gathered must be the one removed. An attempt that fails its check stays where it is.
 */
async function compactAttempts(db: HistoryDb): Promise<void> {
  try {
    const tx = db.transaction(['attempts', 'attemptPages'], 'readwrite');
    const store = tx.objectStore('attempts');
    const [keys, values] = await Promise.all([store.getAllKeys(), store.getAll() as Promise<unknown[]>]);
    const gathered: { key: string; attempt: AttemptRecord }[] = [];
    values.forEach((value, index) => {
      const key = keys[index];
      const attempt = checkedAttempt(value);
      if (attempt && attempt.id === key) gathered.push({ key, attempt });
    });
    const attempts = gathered.map(({ attempt }) => attempt).sort(compareAttempts);
    const writes: Promise<unknown>[] = [];
    for (let start = 0; start < attempts.length; start += PAGE_SIZE)
      writes.push(
        tx.objectStore('attemptPages').add(JSON.stringify(attempts.slice(start, start + PAGE_SIZE))),
      );
    for (const { key } of gathered) writes.push(store.delete(key));
    await Promise.all([...writes, tx.done]);
  } catch {
    // Not gathered (no room, another tab): the loose records stay and are read as they are.
  }
}

/**
 * The same attempt found twice (gathered into a page, then written again loose when it finished):
 * the first finishing time stands, as `appendRecords` keeps it.
 */
function joinedAttempt(kept: AttemptRecord, found: AttemptRecord): AttemptRecord {
  if (found.finishedAt === undefined) return kept;
  if (kept.finishedAt !== undefined && kept.finishedAt <= found.finishedAt) return kept;
  return { ...kept, finishedAt: found.finishedAt };
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= LATEST_TIME;
}

/** Sorted answers with each key once: the same key sorts next to itself, so only neighbours are compared. */
function withoutRepeats(sorted: AnswerRecord[]): AnswerRecord[] {
  const kept: AnswerRecord[] = [];
  let previous: AnswerRecord | undefined;
  for (const answer of sorted) {
    if (previous && previous.answeredAt === answer.answeredAt && answerKey(previous) === answerKey(answer))
      continue;
    kept.push(answer);
    previous = answer;
  }
  return kept;
}

/**
 * Reads the whole history. Every record is untrusted: one that fails its schema (or names a question
 * the database does not hold) is moved aside, whole, before anything else is written, and never used.
 */
export async function loadRecords(db: HistoryDb): Promise<LoadedHistory> {
  const read = db.transaction([...RECORD_STORES, 'answerPages', 'attemptPages', 'schedules'], 'readonly');
  const pagesRead = Promise.all([
    read.objectStore('answerPages').getAllKeys(),
    read.objectStore('answerPages').getAll(),
  ]);
  const attemptPagesRead = Promise.all([
    read.objectStore('attemptPages').getAllKeys(),
    read.objectStore('attemptPages').getAll(),
  ]);
  const schedulesRead = read.objectStore('schedules').getAll() as Promise<unknown[]>;
  const all = (store: RecordStore) =>
    Promise.all([
      read.objectStore(store).getAllKeys(),
      read.objectStore(store).getAll() as Promise<unknown[]>,
    ]);
  const [answers, attempts, questions, resets, settings, regrades] = await Promise.all([
    all('answers'),
    all('attempts'),
    all('questions'),
    all('resets'),
    all('settings'),
    all('regrades'),
  ]);
  const [pageKeys, pageTexts] = await pagesRead;
  const [attemptPageKeys, attemptPageTexts] = await attemptPagesRead;
  const savedSchedules = await schedulesRead;
  const at = Date.now();
  const damaged: DamagedHistoryRecord[] = [];
  const records = noRecords();
  const usable: AnswerRecord[] = [];
  /** Pages that held something unusable: rewritten with what was usable, the rest kept aside. */
  const pageFixes: { store: PageStore; key: number; text: string }[] = [];
  const loose: { key: string; answer: AnswerRecord }[] = [];
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
  const attemptsById = new Map<string, AttemptRecord>();
  const keepAttempt = (attempt: AttemptRecord) => {
    const kept = attemptsById.get(attempt.id);
    attemptsById.set(attempt.id, kept ? joinedAttempt(kept, attempt) : attempt);
  };
  attemptPageTexts.forEach((text, index) => {
    const key = attemptPageKeys[index] ?? index;
    let items: unknown;
    try {
      items = JSON.parse(text);
    } catch {
      items = undefined;
    }
    if (!Array.isArray(items)) {
      damaged.push({ store: 'attemptPages', key, value: text, at });
      return;
    }
    const usableAttempts: AttemptRecord[] = [];
    const unusable: unknown[] = [];
    for (const item of items as unknown[]) {
      const attempt = checkedAttempt(item);
      if (attempt) usableAttempts.push(attempt);
      else unusable.push(item);
    }
    usableAttempts.forEach(keepAttempt);
    if (unusable.length > 0) {
      damaged.push({ store: 'attemptPages', key, value: unusable, at });
      pageFixes.push({ store: 'attemptPages', key, text: JSON.stringify(usableAttempts) });
    }
  });
  let looseAttempts = 0;
  each('attempts', attempts, (value, key) => {
    const attempt = checkedAttempt(value);
    if (!attempt || attempt.id !== key) return false;
    keepAttempt(attempt);
    looseAttempts += 1;
    return true;
  });
  records.attempts = [...attemptsById.values()];
  const seen = new WeakSet<object>();
  const usableAnswer = (value: unknown): AnswerRecord | undefined => {
    const answer = checkedAnswer(value, seen);
    return answer && Object.hasOwn(records.questions, answer.asked) ? answer : undefined;
  };
  pageTexts.forEach((text, index) => {
    const key = pageKeys[index] ?? index;
    let items: unknown[] | undefined;
    try {
      items = answersOfPage(JSON.parse(text));
    } catch {
      items = undefined;
    }
    if (!items) {
      damaged.push({ store: 'answerPages', key, value: text, at });
      return;
    }
    const unusable: unknown[] = [];
    const before = usable.length;
    for (const item of items) {
      const answer = usableAnswer(item);
      if (answer) usable.push(answer);
      else unusable.push(item);
    }
    if (unusable.length > 0) {
      damaged.push({ store: 'answerPages', key, value: unusable, at });
      pageFixes.push({ store: 'answerPages', key, text: pageText(usable.slice(before)) });
    }
  });
  each('answers', answers, (value, key) => {
    const answer = usableAnswer(value);
    if (!answer || answerKey(answer) !== key) return false;
    usable.push(answer);
    loose.push({ key, answer });
    return true;
  });
  // Pages are in time order and follow each other in time, so this sort mostly walks runs.
  records.answers = withoutRepeats(usable.sort(compareAnswers));
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
  const keptRegrades: RegradeRecord[] = [];
  each('regrades', regrades, (value, key) => {
    const parsed = regradeRecordSchema.safeParse(value);
    if (!parsed.success || regradeKey(parsed.data) !== key) return false;
    if (!Object.hasOwn(records.questions, parsed.data.to)) return false;
    keptRegrades.push(parsed.data);
    return true;
  });
  if (keptRegrades.length > 0)
    records.regrades = keptRegrades.sort((left, right) => left.regradedAt - right.regradedAt);
  records.attempts.sort(compareAttempts);
  // A schedule is derived from the answers: one that cannot be read is replayed and saved over.
  const schedules = new Map<string, SavedSchedule>();
  for (const value of savedSchedules) {
    const parsed = savedScheduleSchema.safeParse(value);
    if (parsed.success) schedules.set(parsed.data.questionId, parsed.data);
  }

  if (damaged.length > 0) {
    // Copied aside and removed in one transaction: if the copy fails, nothing is removed.
    const tx = db.transaction(['damaged', 'answerPages', 'attemptPages', ...RECORD_STORES], 'readwrite');
    const fixed = new Set(pageFixes.map(({ store, key }) => `${store}/${key}`));
    await Promise.all([
      ...damaged.flatMap((record) => [
        tx.objectStore('damaged').add(record),
        record.store === 'answerPages' || record.store === 'attemptPages'
          ? fixed.has(`${record.store}/${String(record.key)}`)
            ? Promise.resolve()
            : tx.objectStore(record.store).delete(record.key as number)
          : tx.objectStore(record.store).delete(record.key as string),
      ]),
      ...pageFixes.map(({ store, key, text }) => tx.objectStore(store).put(text, key)),
      tx.done,
    ]);
  }
  if (loose.length >= COMPACT_AFTER) await compact(db, loose);
  if (looseAttempts >= COMPACT_AFTER) await compactAttempts(db);
  return { records, damaged, schedules };
}

/** The records of a whole saved progress, as the localStorage version kept it. */
export function recordsOf(progress: Progress): HistoryRecords {
  return {
    attempts: progress.history.attempts,
    answers: progress.history.answers,
    questions: progress.history.questions,
    resets: progress.resets,
    settings: progress.settings,
    ...(progress.history.regrades ? { regrades: progress.history.regrades } : {}),
  };
}
