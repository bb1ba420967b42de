import { z } from 'zod';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { LearnerResponse } from '@/domain/learner-response';
import { learnerResponseSchema } from '@/content/response-schema';
import { safePersist } from '@/stores/safe-persist';
import { attemptSchema, feedbackSchema, type Feedback, type ServerAttempt } from './api-responses';
import { DISPUTE_KINDS } from '@/domain/dispute';
import {
  withAnswerQueued,
  withAnswerSettled,
  type PendingAnswer,
  type PendingDispute,
} from './pending-answers';

/**
 * A student's attempt at a server assignment as this device knows it: the server's last view, the
 * answers not yet acknowledged (sent when the network is back), what was given on each question
 * and the feedback received. Saved, so a reload or a dropped connection resumes where it was.
 */
export type LocalAttempt = {
  attemptId: string;
  resumeCode: string | null;
  attempt: ServerAttempt;
  pending: PendingAnswer[];
  /** The latest response given on this device per question index. */
  given: Record<string, LearnerResponse>;
  /** Practice feedback received per question index. */
  feedback: Record<string, Feedback>;
  currentIndex: number;
  isInHistory: boolean;
  /** Handed in on this device and not yet acknowledged: sent by itself when the network is back. */
  isHandInPending?: boolean;
  /** Disputes filed with no network, oldest first: sent after the answers when it is back. */
  pendingDisputes?: PendingDispute[];
};

type StudentAttemptState = {
  /** Keyed by assignment id: one attempt under way per assignment on a device. */
  attempts: Record<string, LocalAttempt>;
  attemptStarted(assignmentId: string, attempt: ServerAttempt, resumeCode: string | null): void;
  attemptRefreshed(assignmentId: string, attempt: ServerAttempt): void;
  answerGiven(assignmentId: string, answer: PendingAnswer): void;
  answerSettled(
    assignmentId: string,
    answerId: string,
    feedback?: { index: number; feedback: Feedback },
  ): void;
  questionChosen(assignmentId: string, index: number): void;
  recordedInHistory(assignmentId: string): void;
  handInRequested(assignmentId: string): void;
  handInSettled(assignmentId: string): void;
  disputeQueued(assignmentId: string, dispute: PendingDispute): void;
  disputeSettled(assignmentId: string, disputeId: string): void;
  attemptLeft(assignmentId: string): void;
};

const pendingSchema = z.lazy(() =>
  z.object({ answerId: z.string(), index: z.number(), response: learnerResponseSchema }),
);

const pendingDisputeSchema = z.lazy(() =>
  z.object({
    disputeId: z.string(),
    index: z.number(),
    kind: z.enum(DISPUTE_KINDS),
    message: z.string(),
    selection: z
      .object({ source: z.string(), passage: z.string(), start: z.number(), end: z.number() })
      .nullable(),
  }),
);

const localAttemptSchema = z.lazy(() =>
  z.object({
    attemptId: z.string(),
    resumeCode: z.string().nullable(),
    attempt: attemptSchema,
    pending: z.array(pendingSchema),
    given: z.record(z.string(), learnerResponseSchema),
    feedback: z.record(z.string(), feedbackSchema),
    currentIndex: z.number().int().min(0),
    isInHistory: z.boolean(),
    // Optional, so an attempt saved before hand-ins were queued still loads as it was.
    isHandInPending: z.boolean().optional(),
    // Optional too: attempts saved before disputes waited on the device load unchanged.
    pendingDisputes: z.array(pendingDisputeSchema).optional(),
  }),
);

export const useStudentAttemptStore = create<StudentAttemptState>()(
  persist(
    (set) => {
      const change = (assignmentId: string, update: (local: LocalAttempt) => LocalAttempt) =>
        set(({ attempts }) => {
          const local = attempts[assignmentId];
          return local ? { attempts: { ...attempts, [assignmentId]: update(local) } } : {};
        });
      return {
        attempts: {},
        attemptStarted: (assignmentId, attempt, resumeCode) =>
          set(({ attempts }) => ({
            attempts: {
              ...attempts,
              [assignmentId]: {
                attemptId: attempt.id,
                resumeCode,
                attempt,
                pending: [],
                given: {},
                feedback: {},
                currentIndex: Math.min(attempt.answers.length, Math.max(0, attempt.questions.length - 1)),
                isInHistory: false,
              },
            },
          })),
        attemptRefreshed: (assignmentId, attempt) => change(assignmentId, (local) => ({ ...local, attempt })),
        answerGiven: (assignmentId, answer) =>
          change(assignmentId, (local) => ({
            ...local,
            pending: withAnswerQueued(local.pending, answer),
            given: { ...local.given, [answer.index]: answer.response },
          })),
        answerSettled: (assignmentId, answerId, received) =>
          change(assignmentId, (local) => ({
            ...local,
            pending: withAnswerSettled(local.pending, answerId),
            feedback: received ? { ...local.feedback, [received.index]: received.feedback } : local.feedback,
          })),
        questionChosen: (assignmentId, index) =>
          change(assignmentId, (local) => ({
            ...local,
            currentIndex: Math.max(0, Math.min(index, local.attempt.questions.length - 1)),
          })),
        recordedInHistory: (assignmentId) =>
          change(assignmentId, (local) => ({ ...local, isInHistory: true })),
        handInRequested: (assignmentId) =>
          change(assignmentId, (local) => ({ ...local, isHandInPending: true })),
        handInSettled: (assignmentId) =>
          change(assignmentId, (local) => ({ ...local, isHandInPending: false })),
        disputeQueued: (assignmentId, dispute) =>
          change(assignmentId, (local) => ({
            ...local,
            pendingDisputes: [...(local.pendingDisputes ?? []), dispute],
          })),
        disputeSettled: (assignmentId, disputeId) =>
          change(assignmentId, (local) => ({
            ...local,
            pendingDisputes: (local.pendingDisputes ?? []).filter((item) => item.disputeId !== disputeId),
          })),
        attemptLeft: (assignmentId) =>
          set(({ attempts }) => ({
            attempts: Object.fromEntries(Object.entries(attempts).filter(([id]) => id !== assignmentId)),
          })),
      };
    },
    safePersist<StudentAttemptState, Pick<StudentAttemptState, 'attempts'>>({
      name: 'server-attempts',
      describedAs: 'assignment answers',
      version: 1,
      schema: z.object({ attempts: z.record(z.string(), localAttemptSchema) }),
      partialize: ({ attempts }) => ({ attempts }),
    }),
  ),
);

/** The response that counts on this device for a question: given here, else as the server has it. */
export function responseFor(local: LocalAttempt, index: number): LearnerResponse | undefined {
  const given = local.given[index];
  if (given) return given;
  const stored = local.attempt.answers.find((answer) => answer.index === index)?.response;
  const parsed = learnerResponseSchema.safeParse(stored);
  return parsed.success ? parsed.data : undefined;
}

/** The practice feedback for a question, received now or with the server's view of the attempt. */
export function feedbackFor(local: LocalAttempt, index: number): Feedback | undefined {
  return local.feedback[index] ?? local.attempt.answers.find((answer) => answer.index === index)?.feedback;
}

/** True when the question has an answer the server holds or one waiting to be sent. */
export function isAnswered(local: LocalAttempt, index: number): boolean {
  return (
    local.pending.some((pending) => pending.index === index) ||
    local.attempt.answers.some((answer) => answer.index === index) ||
    local.feedback[index] !== undefined
  );
}
