import { z } from 'zod';
import { plural } from '@/lib/plural';
import type { SoloDispute } from '@/domain/dispute';
import { mergeProgress, type MergeResult } from '@/engine/merge-backup';
import type { Question } from '@/domain/question';
import { emptyProgress, type Progress } from '@/engine/progress';
import { questionSchema } from '@/content/question-schema';
import { answerRecordSchema, attemptRecordSchema, progressSchema } from './history-schema';
import { readBackupFile } from './progress-backup';
import { soloDisputesSchema } from './solo-dispute-schema';
import { quizSessionSchema } from './saved-quiz-schema';
import { progressOfSavedQuiz } from './saved-quiz-progress';
import { readDamagedRecords } from './damaged-records-file';

/** What an import would do, worked out whole before anything changes. */
export type ImportPreview =
  | ({ ok: true; incoming: Progress; kind: string } & Omit<MergeResult, 'progress'> & {
        progress: Progress;
        /** The solo disputes the file carries (a backup only), merged by the store that keeps them. */
        disputes: SoloDispute[];
      })
  | { ok: false; problem: string };

type ProgressFile =
  { ok: true; progress: Progress; disputes: SoloDispute[]; kind: string } | { ok: false; problem: string };

const savedHistorySchema = z.lazy(() => z.object({ state: progressSchema, version: z.literal(1) }));
const savedQuizSchema = z.lazy(() =>
  z.object({
    state: z.object({ session: quizSessionSchema.nullable() }).loose(),
    version: z.literal(1),
  }),
);
/** The solo disputes as saved (solo-dispute-store.ts), offered for download when they could not be used. */
const savedDisputesSchema = z.lazy(() =>
  z.object({
    state: z.object({ disputes: soloDisputesSchema }),
    version: z.literal(1),
  }),
);
/** One quiz attempt as saved now (saved-attempts.ts), each under its own key. */
const savedAttemptSchema = z.lazy(() =>
  z.object({ version: z.literal(1), session: quizSessionSchema }).loose(),
);

const damagedHistorySchema = z.lazy(() =>
  z.object({
    state: z.object({
      history: z.object({
        attempts: z.array(z.unknown()),
        answers: z.array(z.unknown()),
        questions: z.record(z.string(), z.unknown()),
      }),
    }),
  }),
);

function keepValid<T>(schema: z.ZodType<T>, values: unknown[]): T[] {
  return values.flatMap((value) => {
    const result = schema.safeParse(value);
    return result.success ? [result.data] : [];
  });
}

/**
 * Saved answers that failed the check as a whole: every record that passes on its own is kept, so
 * one damaged answer does not cost the learner the others. Schedules are rebuilt by the merge.
 */
function salvageSavedHistory(data: unknown): { progress: Progress; leftOut: number } | undefined {
  const damaged = damagedHistorySchema.safeParse(data);
  if (!damaged.success) return undefined;
  const { attempts, answers, questions } = damaged.data.state.history;
  const goodQuestions = Object.fromEntries(
    Object.entries(questions).flatMap(([key, value]) => {
      const result = questionSchema.safeParse(value);
      return result.success ? [[key, result.data] as const] : [];
    }),
  );
  const goodAttempts = keepValid(attemptRecordSchema, attempts);
  const goodAnswers = keepValid(answerRecordSchema, answers).filter((answer) =>
    Object.hasOwn(goodQuestions, answer.asked),
  );
  const empty = emptyProgress();
  return {
    progress: {
      ...empty,
      history: { attempts: goodAttempts, answers: goodAnswers, questions: goodQuestions },
    },
    leftOut: attempts.length - goodAttempts.length + answers.length - goodAnswers.length,
  };
}

/**
 * Reads any file the app writes: a backup, or the saved answers, quiz in progress or damaged records
 * it offers for download when they could not be used. Returns the progress it carries and what kind
 * of file it is. Answers in a damaged-records file may name questions of `knownQuestions`.
 */
export function readProgressFile(
  text: string,
  knownQuestions: Readonly<Record<string, Question>> = {},
): ProgressFile {
  const backup = readBackupFile(text);
  if (backup.ok) return { ok: true, progress: backup.progress, disputes: backup.disputes, kind: 'backup' };
  const reading = readSavedData(text, knownQuestions);
  return reading ?? backup;
}

/** The damaged records the app offers for download from its database: every one usable now. */
function readDamagedFile(
  data: unknown,
  knownQuestions: Readonly<Record<string, Question>>,
): ProgressFile | undefined {
  const damaged = readDamagedRecords(data, knownQuestions);
  if (!damaged) return undefined;
  const { progress, total, leftOut } = damaged;
  if (leftOut === total) {
    return {
      ok: false,
      problem: `This file's ${plural(total, 'damaged record')} still cannot be read by this version, so there is nothing to import.`,
    };
  }
  const kind =
    leftOut > 0
      ? `damaged records: ${leftOut} of ${total} still cannot be read and are left out`
      : 'damaged records, all readable now';
  return { ok: true, progress, disputes: [], kind };
}

/** The saved answers or quiz the app offers for download, or undefined when `text` is neither. */
function readSavedData(
  text: string,
  knownQuestions: Readonly<Record<string, Question>>,
): ProgressFile | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const damaged = readDamagedFile(data, knownQuestions);
  if (damaged) return damaged;
  const history = savedHistorySchema.safeParse(data);
  if (history.success) return { ok: true, progress: history.data.state, disputes: [], kind: 'saved answers' };
  const salvaged = salvageSavedHistory(data);
  if (salvaged) {
    const { progress, leftOut } = salvaged;
    return {
      ok: true,
      progress,
      disputes: [],
      kind:
        leftOut > 0
          ? `saved answers (${leftOut} damaged ${leftOut === 1 ? 'record' : 'records'} left out)`
          : 'saved answers',
    };
  }
  const attempt = savedAttemptSchema.safeParse(data);
  if (attempt.success) {
    const progress = progressOfSavedQuiz(attempt.data.session);
    if (progress) return { ok: true, progress, disputes: [], kind: 'saved quiz' };
  }
  const quiz = savedQuizSchema.safeParse(data);
  if (quiz.success) {
    const progress = progressOfSavedQuiz(quiz.data.state.session);
    if (progress) return { ok: true, progress, disputes: [], kind: 'saved quiz' };
    return {
      ok: false,
      problem: 'This saved quiz holds no quiz in progress, so there is nothing to import.',
    };
  }
  const disputes = savedDisputesSchema.safeParse(data);
  if (disputes.success) {
    return {
      ok: true,
      progress: emptyProgress(),
      disputes: disputes.data.state.disputes,
      kind: 'saved disputes',
    };
  }
  return undefined;
}

/**
 * What importing `text` into `current` would give, checked as it would be saved and read at the
 * next start: an import that would leave the history unreadable is refused here, whole.
 */
export function previewImport(current: Progress, text: string): ImportPreview {
  const reading = readProgressFile(text, current.history.questions);
  if (!reading.ok) return reading;
  return previewMerge(current, reading.progress, reading.kind, reading.disputes);
}

export function previewMerge(
  current: Progress,
  incoming: Progress,
  kind: string,
  disputes: SoloDispute[] = [],
): ImportPreview {
  const merged = mergeProgress(current, incoming);
  let asSaved: unknown;
  try {
    asSaved = JSON.parse(JSON.stringify(merged.progress));
  } catch {
    asSaved = undefined;
  }
  const check = progressSchema.safeParse(asSaved);
  if (!check.success) {
    const issue = check.error.issues[0];
    return {
      ok: false,
      problem: `This file would leave your saved answers unreadable${issue ? ` (at ${issue.path.join('.')}: ${issue.message})` : ''}, so it was not imported.`,
    };
  }
  return { ok: true, incoming, kind, disputes, ...merged };
}
