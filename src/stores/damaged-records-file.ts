import { z } from 'zod';
import type { Question } from '@/domain/question';
import { questionKeyOf, type AnswerRecord, type AttemptRecord, type RegradeRecord } from '@/engine/history';
import { emptyProgress, type Progress } from '@/engine/progress';
import { questionSchema } from '@/content/question-schema';
import { answersOfPage } from './answer-pages';
import {
  answerRecordSchema,
  attemptRecordSchema,
  learnerSettingsSchema,
  regradeRecordSchema,
} from './history-schema';
import { LATEST_TIME } from './latest-time';
import { progressOfSavedQuiz } from './saved-quiz-progress';
import { quizAttemptSchema } from './saved-attempts';

/**
 * The file the app offers after records of its database could not be read (`{"damagedRecords": […]}`,
 * written by history-saving.ts and attempt-saving.ts): each record as it was found, with the store it
 * came from. Reading it back takes every record that passes its check now, so that what was damaged
 * only in how it was kept (a key that no longer matched, a question missing beside its answers) comes
 * back; the rest is counted and left out.
 */
const damagedFileSchema = z.lazy(() =>
  z.object({
    damagedRecords: z
      .array(z.object({ store: z.string(), key: z.unknown(), value: z.unknown() }).loose())
      .max(1_000_000),
  }),
);

export type DamagedRecordsReading = {
  progress: Progress;
  /** Records in the file. */
  total: number;
  /** Records (or answers of a page) that still cannot be used. */
  leftOut: number;
};

function parsed<T>(schema: z.ZodType<T>, value: unknown): T | undefined {
  const result = schema.safeParse(value);
  return result.success ? result.data : undefined;
}

/** The answers a damaged page holds: its text when it could not be read whole, or the answers left out. */
function itemsOfPage(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value !== 'string') return [value];
  try {
    return answersOfPage(JSON.parse(value)) ?? [value];
  } catch {
    return [value];
  }
}

function itemsOfAttemptPage(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value !== 'string') return [value];
  try {
    const items: unknown = JSON.parse(value);
    return Array.isArray(items) ? items : [value];
  } catch {
    return [value];
  }
}

/**
 * What a damaged-records file holds that can be used, or undefined when `data` is no such file.
 * `knownQuestions` are the questions already in the history: an answer may name one of them.
 */
export function readDamagedRecords(
  data: unknown,
  knownQuestions: Readonly<Record<string, Question>> = {},
): DamagedRecordsReading | undefined {
  const file = damagedFileSchema.safeParse(data);
  if (!file.success) return undefined;
  let progress = emptyProgress();
  const questions: Record<string, Question> = {};
  const attempts: AttemptRecord[] = [];
  const answers: unknown[] = [];
  const regrades: RegradeRecord[] = [];
  let leftOut = 0;
  for (const { store, value } of file.data.damagedRecords) {
    if (store === 'questions') {
      // Kept under the key made from its content, whatever key it was found under.
      const question = parsed(questionSchema, (value as { question?: unknown } | null)?.question);
      if (question) questions[questionKeyOf(question)] = question;
      else leftOut += 1;
    } else if (store === 'attempts') {
      const attempt = parsed(attemptRecordSchema, value);
      if (attempt) attempts.push(attempt);
      else leftOut += 1;
    } else if (store === 'attemptPages') {
      // The page's text when it could not be read whole, or the attempts left out of it.
      for (const item of itemsOfAttemptPage(value)) {
        const attempt = parsed(attemptRecordSchema, item);
        if (attempt) attempts.push(attempt);
        else leftOut += 1;
      }
    } else if (store === 'regrades') {
      const regrade = parsed(regradeRecordSchema, value);
      if (regrade) regrades.push(regrade);
      else leftOut += 1;
    } else if (store === 'answers') answers.push(value);
    else if (store === 'answerPages') answers.push(...itemsOfPage(value));
    else if (store === 'resets') {
      const { questionId, at } = (value ?? {}) as { questionId?: unknown; at?: unknown };
      const isTime = typeof at === 'number' && Number.isInteger(at) && at >= 0 && at <= LATEST_TIME;
      if (typeof questionId === 'string' && questionId !== '' && isTime) progress.resets[questionId] = at;
      else leftOut += 1;
    } else if (store === 'settings') {
      const settings = parsed(learnerSettingsSchema, value);
      if (settings) progress.settings = settings;
      else leftOut += 1;
    } else if (store === 'quizAttempts') {
      const attempt = parsed(quizAttemptSchema, value);
      const fromQuiz = attempt ? progressOfSavedQuiz(attempt.session) : undefined;
      if (!fromQuiz) leftOut += 1;
      else {
        attempts.push(...fromQuiz.history.attempts);
        answers.push(...fromQuiz.history.answers);
        Object.assign(questions, fromQuiz.history.questions);
      }
    } else leftOut += 1;
  }
  const usable: AnswerRecord[] = [];
  for (const value of answers) {
    const answer = parsed(answerRecordSchema, value);
    const isInFile = answer !== undefined && Object.hasOwn(questions, answer.asked);
    const known =
      answer && !isInFile && Object.hasOwn(knownQuestions, answer.asked)
        ? knownQuestions[answer.asked]
        : undefined;
    if (!answer || (!isInFile && !known)) leftOut += 1;
    else {
      usable.push(answer);
      if (known) questions[answer.asked] = known;
    }
  }
  // A regrade names the question as regraded, which must be here too (the app redoes the others).
  const usableRegrades = regrades.filter((regrade) => {
    const known = Object.hasOwn(questions, regrade.to) ? undefined : knownQuestions[regrade.to];
    if (known) questions[regrade.to] = known;
    if (!Object.hasOwn(questions, regrade.to)) leftOut += 1;
    return Object.hasOwn(questions, regrade.to);
  });
  const history = { attempts, answers: usable, questions };
  progress = {
    ...progress,
    history: usableRegrades.length > 0 ? { ...history, regrades: usableRegrades } : history,
  };
  return { progress, total: file.data.damagedRecords.length, leftOut };
}
