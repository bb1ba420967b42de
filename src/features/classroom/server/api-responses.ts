import { z } from 'zod';
import { questionSchema } from '@/content/question-schema';
import { learnerResponseSchema } from '@/content/response-schema';
import { difficultySchema, topicSchema } from '@/content/schema-primitives';
import { QUESTION_TYPES } from '@/domain/question';
import type { ClassReport } from '@/engine/class-report';
import { gradeSchema } from '@/stores/saved-quiz-schema';

// What the classroom server answers, checked where it enters the app (docs/server.md).

export const teacherSchema = z.lazy(() => z.object({ id: z.string(), email: z.string() }));
export type Teacher = z.infer<typeof teacherSchema>;

export const classSchema = z.lazy(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    roster: z.array(z.string()),
    createdAt: z.string(),
  }),
);
export type ServerClass = z.infer<typeof classSchema>;

export const assignmentSchema = z.lazy(() =>
  z.object({
    id: z.string(),
    classId: z.string().nullable(),
    title: z.string(),
    ids: z.array(z.string()),
    mode: z.enum(['practice', 'test']),
    minutes: z.number(),
    sameOrder: z.boolean(),
    seed: z.string(),
    opensAt: z.string().nullable(),
    closesAt: z.string().nullable(),
    attemptsAllowed: z.number(),
    createdAt: z.string(),
  }),
);
export type ServerAssignment = z.infer<typeof assignmentSchema>;

export const progressSchema = z.lazy(() =>
  z.object({
    attempts: z.array(
      z.object({
        student: z.string(),
        number: z.number(),
        startedAt: z.string(),
        finishedAt: z.string().nullable(),
        questionCount: z.number(),
        answered: z.number(),
        points: z.number().nullable(),
      }),
    ),
  }),
);
export type AttemptProgress = z.infer<typeof progressSchema>['attempts'][number];

export const classReportSchema = z.lazy(() =>
  z.object({
    students: z.array(
      z.object({
        student: z.string(),
        points: z.number(),
        maxPoints: z.number(),
        percent: z.number(),
        grades: z.array(gradeSchema),
      }),
    ),
    distribution: z.array(z.object({ from: z.number(), to: z.number(), count: z.number() })),
    questions: z.array(
      z
        .object({
          id: z.string(),
          question: questionSchema.optional(),
          shareRight: z.number(),
          averagePoints: z.number(),
          mostChosenWrong: z.object({ text: z.string(), count: z.number() }).optional(),
        })
        // JSON leaves out what is undefined; the engine's type names both fields either way.
        .transform((entry) => ({
          ...entry,
          question: entry.question,
          mostChosenWrong: entry.mostChosenWrong,
        })),
    ),
    passages: z.array(
      z.object({
        source: z.string(),
        passage: z.string(),
        quote: z.string(),
        questionIds: z.array(z.string()),
        shareWrong: z.number(),
        answerCount: z.number(),
      }),
    ),
    missingIds: z.array(z.string()),
  }),
) satisfies z.ZodType<ClassReport>;

export const studentAssignmentSchema = z.lazy(() =>
  z.object({
    id: z.string(),
    title: z.string(),
    mode: z.enum(['practice', 'test']),
    minutes: z.number(),
    questionCount: z.number(),
    opensAt: z.string().nullable(),
    closesAt: z.string().nullable(),
    attemptsAllowed: z.number(),
    isOpen: z.boolean(),
    whyClosed: z.string().nullable(),
    roster: z.array(z.string()),
  }),
);
export type StudentAssignment = z.infer<typeof studentAssignmentSchema>;

const choiceSchema = z.lazy(() => z.object({ id: z.string(), text: z.string() }));

/** A question as the student's device may see it before answering: no key, no explanation. */
export const studentQuestionSchema = z.lazy(() =>
  z.object({
    index: z.number(),
    type: z.enum(QUESTION_TYPES),
    prompt: z.string(),
    topics: z.array(topicSchema),
    difficulty: difficultySchema,
    choices: z.array(choiceSchema),
    left: z.array(choiceSchema),
    unit: z.string().optional(),
  }),
);
export type StudentQuestion = z.infer<typeof studentQuestionSchema>;

export const feedbackSchema = z.lazy(() =>
  z.object({
    presented: z.object({
      question: questionSchema,
      choiceOrder: z.array(z.string()),
      leftOrder: z.array(z.string()),
    }),
    response: learnerResponseSchema.nullable(),
    grade: gradeSchema,
  }),
);
export type Feedback = z.infer<typeof feedbackSchema>;

export const attemptSchema = z.lazy(() =>
  z.object({
    id: z.string(),
    student: z.string(),
    number: z.number(),
    assignment: z.object({
      id: z.string(),
      title: z.string(),
      mode: z.enum(['practice', 'test']),
      minutes: z.number(),
    }),
    startedAt: z.string(),
    endsAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    questions: z.array(studentQuestionSchema),
    answers: z.array(
      z.object({
        index: z.number(),
        answerId: z.string(),
        response: z.unknown(),
        receivedAt: z.string(),
        feedback: feedbackSchema.optional(),
      }),
    ),
    result: z
      .object({
        points: z.number(),
        maxPoints: z.number(),
        percent: z.number(),
        results: z.array(feedbackSchema),
      })
      .nullable(),
  }),
);
export type ServerAttempt = z.infer<typeof attemptSchema>;

export const recordedSchema = z.lazy(() =>
  z.object({
    recorded: z.object({
      answerId: z.string(),
      index: z.number(),
      receivedAt: z.string(),
      feedback: feedbackSchema.optional(),
    }),
  }),
);
