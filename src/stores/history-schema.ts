import { z } from 'zod';
import { questionSchema } from '@/content/question-schema';
import type { AnswerRecord, AttemptRecord, History, RegradeRecord } from '@/engine/history';
import type { LearnerSettings, Progress } from '@/engine/progress';
import type { SavedSchedule, Schedule } from '@/engine/schedule';
import { TARGET_RETENTION } from '@/engine/target-retention';
import { learnerResponseSchema } from '@/content/response-schema';
import { gradeSchema } from './saved-quiz-schema';
import { LATEST_TIME } from './latest-time';

/** Milliseconds since the epoch. */
const time = z.lazy(() => z.number().int().nonnegative().max(LATEST_TIME, 'is later than the year 9999'));
const count = z.lazy(() => z.number().int().nonnegative());

export const attemptRecordSchema = z.lazy(() =>
  z.object({
    id: z.string().min(1),
    seed: z.string(),
    mode: z.enum(['practice', 'test']),
    questionIds: z.array(z.string()),
    startedAt: time,
    finishedAt: time.optional(),
  }),
) satisfies z.ZodType<AttemptRecord>;

export const answerRecordSchema = z.lazy(() =>
  z.object({
    attemptId: z.string().min(1),
    questionId: z.string().min(1),
    asked: z.string().min(1),
    response: learnerResponseSchema,
    grade: gradeSchema,
    answeredAt: time,
  }),
) satisfies z.ZodType<AnswerRecord>;

export const regradeRecordSchema = z.lazy(() =>
  z.object({
    answer: z.string().min(1),
    questionId: z.string().min(1),
    from: z.string().min(1),
    to: z.string().min(1),
    grade: gradeSchema,
    regradedAt: time,
  }),
) satisfies z.ZodType<RegradeRecord>;

/**
 * Saved history is untrusted: every answer must name a question the history holds, as it was asked,
 * and every regrade the version it graded with. `regrades` is optional: histories and backups saved
 * before regrading have none, and read as they are.
 */
export const historySchema = z.lazy(() =>
  z
    .object({
      attempts: z.array(attemptRecordSchema),
      answers: z.array(answerRecordSchema),
      questions: z.record(z.string(), questionSchema),
      regrades: z.array(regradeRecordSchema).optional(),
    })
    .superRefine((history, context) => {
      history.answers.forEach((answer, index) => {
        if (!Object.hasOwn(history.questions, answer.asked)) {
          context.addIssue({
            code: 'custom',
            path: ['answers', index, 'asked'],
            message: `names a question (“${answer.asked}”) that is not in the file`,
          });
        }
      });
      history.regrades?.forEach((regrade, index) => {
        if (!Object.hasOwn(history.questions, regrade.to)) {
          context.addIssue({
            code: 'custom',
            path: ['regrades', index, 'to'],
            message: `names a question (“${regrade.to}”) that is not in the file`,
          });
        }
      });
    }),
) satisfies z.ZodType<History>;

export const scheduleSchema = z.lazy(() =>
  z.object({
    due: time,
    stability: z.number().nonnegative(),
    difficulty: z.number(),
    scheduledDays: z.number().nonnegative(),
    learningSteps: count,
    reps: count,
    lapses: count,
    state: z.enum(['new', 'learning', 'review', 'relearning']),
    lastReview: time.optional(),
  }),
) satisfies z.ZodType<Schedule>;

/** A schedule saved beside the history (IndexedDB), with what it was replayed from. */
export const savedScheduleSchema = z.lazy(() =>
  z.object({
    questionId: z.string().min(1),
    basis: z.object({
      answers: count,
      latest: time.nullable(),
      resetAt: time.nullable(),
      targetRetention: z.number(),
      regrades: count.optional(),
    }),
    schedule: scheduleSchema.nullable(),
  }),
) satisfies z.ZodType<SavedSchedule>;

export const learnerSettingsSchema = z.lazy(() =>
  z.object({
    targetRetention: z
      .number()
      .min(TARGET_RETENTION.min, 'the target retention is at least 0.8')
      .max(TARGET_RETENTION.max, 'the target retention is at most 0.95'),
  }),
) satisfies z.ZodType<LearnerSettings>;

/** What the history store saves (version 1) and what a backup file carries. */
export const progressSchema = z.lazy(() =>
  z.object({
    history: historySchema,
    schedules: z.record(z.string(), scheduleSchema),
    resets: z.record(z.string(), time),
    settings: learnerSettingsSchema,
  }),
) satisfies z.ZodType<Progress>;
