import { z } from 'zod';
import type { Choice, Question } from '../domain/question';
import { citationSchema, difficultySchema, idSchema, textSchema, topicSchema } from './schema-primitives';

export const choiceSchema = z.lazy(() =>
  z.strictObject({ id: z.string().min(1), text: textSchema }),
) satisfies z.ZodType<Choice>;

const commonFields = () => ({
  id: idSchema,
  bank: idSchema,
  prompt: textSchema,
  topics: z.array(topicSchema).min(1),
  difficulty: difficultySchema,
  explanation: textSchema,
  citations: z.array(citationSchema).min(1),
  /** The facts it asks (short ids); absent for imported questions. */
  facts: z.array(idSchema).optional(),
  /** Every question it must never meet in one quiz, whichever side declared it (README, "The JSON export"). */
  related: z.array(idSchema).optional(),
});

/**
 * Checks a question (`src/domain/question.ts`) wherever one enters from outside: saved history, an
 * import, a backup. One shape per type, documented in README.md ("The JSON export").
 *
 * Built at its first use (`z.lazy`), as are the browser's other schemas of saved data, input and API
 * replies: building them as their modules load took a slow phone about a third of a second at the
 * start of pages that check nothing. A schema only another schema uses is built with that one. (Not
 * lazy: those the server extends too, in classroom-codes.ts, live-client.ts and dispute-responses.ts.)
 */
export const questionSchema = z.lazy(() => {
  const common = commonFields();
  return z.discriminatedUnion('type', [
    z.strictObject({
      ...common,
      type: z.literal('single'),
      choices: z.array(choiceSchema).min(2),
      answer: z.string(),
    }),
    z.strictObject({
      ...common,
      type: z.literal('multiple'),
      choices: z.array(choiceSchema).min(2),
      answer: z.array(z.string()).min(1),
    }),
    z.strictObject({ ...common, type: z.literal('true-false'), answer: z.boolean() }),
    z.strictObject({
      ...common,
      type: z.literal('numeric'),
      answer: z.strictObject({ value: z.number(), tolerance: z.number().nonnegative(), unit: textSchema }),
    }),
    z.strictObject({ ...common, type: z.literal('year'), answer: z.number().int() }),
    z.strictObject({
      ...common,
      type: z.literal('ordering'),
      choices: z.array(choiceSchema).min(2),
      answer: z.array(z.string()).min(2),
    }),
    z.strictObject({
      ...common,
      type: z.literal('matching'),
      left: z.array(choiceSchema).min(2),
      choices: z.array(choiceSchema).min(2),
      answer: z.array(z.strictObject({ left: z.string(), choice: z.string() })).min(2),
    }),
    z.strictObject({ ...common, type: z.literal('short-text'), answer: z.array(textSchema).min(1) }),
  ]);
}) satisfies z.ZodType<Question>;
