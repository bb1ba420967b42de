import { z } from 'zod';
import { DISPUTE_KINDS, type DisputeKind } from '@/domain/dispute';
import { questionSchema } from '@/content/question-schema';
import { learnerResponseSchema } from '@/content/response-schema';
import { gradeSchema } from '@/stores/saved-quiz-schema';

// What the server's dispute routes answer, checked where it enters the app.

const kindSchema = z.enum(DISPUTE_KINDS);

const selectionSchema = z
  .object({ source: z.string(), passage: z.string(), start: z.number(), end: z.number() })
  .nullable();

export const studentDisputeSchema = z.object({
  id: z.string(),
  /** The id the device gave it when it was filed. */
  disputeId: z.string(),
  index: z.number(),
  kind: kindSchema,
  message: z.string(),
  selection: selectionSchema,
  status: z.enum(['open', 'rejected', 'accepted']),
  reply: z.string().nullable(),
  createdAt: z.string(),
  answeredAt: z.string().nullable(),
});

export type StudentDispute = z.infer<typeof studentDisputeSchema>;

export const teacherDisputeSchema = studentDisputeSchema.extend({
  student: z.string(),
  /** Where the dispute came from: an assignment, or a live session (the other is null). */
  assignment: z.object({ id: z.string(), title: z.string() }).nullable(),
  live: z.object({ id: z.string(), title: z.string() }).nullable(),
  /** A question of the built-in banks: the app does not edit those, their authors get a patch. */
  isBuiltIn: z.boolean(),
  asked: z.object({
    question: questionSchema,
    choiceOrder: z.array(z.string()),
    leftOrder: z.array(z.string()),
  }),
  current: questionSchema.nullable(),
  response: learnerResponseSchema.nullable(),
  grade: gradeSchema,
  passage: z.object({ source: z.string(), passage: z.string(), text: z.string() }).nullable(),
  rightCount: z.object({ right: z.number(), answered: z.number() }),
  change: z.object({ change: z.unknown(), changedBy: z.string(), changedAt: z.string() }).nullable(),
});

export type TeacherDispute = z.infer<typeof teacherDisputeSchema>;

const scoredSchema = z.object({ points: z.number(), verdict: z.string() });

export const regradeChangeSchema = z.object({
  id: z.string(),
  questionId: z.string(),
  change: z.unknown(),
  changedBy: z.string(),
  changedAt: z.string(),
  answers: z.array(
    z.object({ student: z.string(), attemptNumber: z.number(), before: scoredSchema, after: scoredSchema }),
  ),
});

export type RegradeChange = z.infer<typeof regradeChangeSchema>;

export type QuestionChangeInput =
  | { kind: 'accept-answer'; answer: string }
  | { kind: 'change-key'; key: string | string[] | boolean | number };

export type DisputeInput = {
  index: number;
  kind: DisputeKind;
  message: string;
  selection: { source: string; passage: string; start: number; end: number } | null;
};
