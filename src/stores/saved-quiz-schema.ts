import { QUESTION_TYPES } from '@/domain/question';
import { z } from 'zod';
import { questionSchema } from '@/content/question-schema';
import { difficultySchema, topicSchema } from '@/content/schema-primitives';
import type { Grade } from '@/engine/grade';
import { learnerResponseSchema } from '@/content/response-schema';
import type { QuizSession } from '@/engine/quiz-session';

const gradePartSchema = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('choice'),
      choiceId: z.string(),
      text: z.string(),
      isSelected: z.boolean(),
      isAnswer: z.boolean(),
      isRight: z.boolean(),
    }),
    z.object({
      kind: z.literal('position'),
      choiceId: z.string(),
      text: z.string(),
      givenIndex: z.number().int().nullable(),
      expectedIndex: z.number().int(),
      isRight: z.boolean(),
    }),
    z.object({
      kind: z.literal('pair'),
      leftId: z.string(),
      leftText: z.string(),
      givenChoiceId: z.string().nullable(),
      givenText: z.string().nullable(),
      expectedChoiceId: z.string(),
      expectedText: z.string(),
      isRight: z.boolean(),
    }),
  ]),
);

export const gradeSchema = z.lazy(() =>
  z.object({
    questionId: z.string(),
    points: z.number().min(0).max(1),
    maxPoints: z.literal(1),
    verdict: z.enum(['correct', 'partial', 'wrong', 'unanswered']),
    isCorrect: z.boolean(),
    given: z.string(),
    expected: z.string(),
    parts: z.array(gradePartSchema).optional(),
    note: z.string().optional(),
  }),
) satisfies z.ZodType<Grade>;

export const quizSessionSchema = z.lazy(() =>
  z
    .object({
      version: z.literal(1),
      seed: z.string(),
      settings: z.object({
        banks: z.array(z.string()).optional(),
        topics: z.array(topicSchema).optional(),
        types: z.array(z.enum(QUESTION_TYPES)).optional(),
        difficulties: z.array(difficultySchema).optional(),
        ids: z.array(z.string()).optional(),
        count: z.union([z.literal('all'), z.number()]),
        excludeIds: z.array(z.string()).optional(),
        keepOrder: z.boolean().optional(),
      }),
      mode: z.enum(['practice', 'test']),
      questions: z.array(
        z.object({
          question: questionSchema,
          choiceOrder: z.array(z.string()),
          leftOrder: z.array(z.string()),
        }),
      ),
      submissions: z.record(
        z.string(),
        z.object({ response: learnerResponseSchema, grade: gradeSchema, submittedAt: z.number() }),
      ),
      currentIndex: z.number().int().min(0),
      draw: z.object({
        available: z.number(),
        requested: z.number(),
        isShort: z.boolean(),
        heldBack: z.number().int().min(0).optional(),
      }),
      startedAt: z.number(),
      finishedAt: z.number().optional(),
    })
    // Each field may be well formed and the whole still not a quiz the page can show: checked as one.
    .superRefine((session, context) => {
      const ids = session.questions.map((presented) => presented.question.id);
      if (session.currentIndex > Math.max(ids.length - 1, 0)) {
        context.addIssue({
          code: 'custom',
          path: ['currentIndex'],
          message: `points past the quiz's ${ids.length} questions`,
        });
      }
      if (new Set(ids).size !== ids.length) {
        context.addIssue({ code: 'custom', path: ['questions'], message: 'holds a question twice' });
      }
      for (const questionId of Object.keys(session.submissions)) {
        if (!ids.includes(questionId)) {
          context.addIssue({
            code: 'custom',
            path: ['submissions', questionId],
            message: 'answers a question that is not in the quiz',
          });
        }
      }
    }),
) satisfies z.ZodType<QuizSession>;
