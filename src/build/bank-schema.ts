import { z } from 'zod';
import { QUESTION_TYPES } from '../domain/question';
import {
  citationSchema,
  difficultySchema,
  idSchema,
  textSchema,
  topicSchema,
} from '../content/schema-primitives';

const common = {
  id: idSchema,
  prompt: textSchema,
  explanation: textSchema,
  citations: z.array(citationSchema).min(1, 'needs at least one citation'),
  topics: z.array(topicSchema).min(1, 'needs at least one topic'),
  difficulty: difficultySchema,
  /** The facts the question asks, as short ids: two questions on one fact never meet in a quiz. */
  facts: z.array(idSchema).min(1, 'needs at least one fact: a short id for each fact it asks'),
  /** Other questions it must never meet in a quiz, though they ask other facts (one gives the other away). */
  related: z.array(idSchema).optional(),
};

/**
 * Answers a learner might type that a typed question refuses on purpose, each with the reason
 * (docs/grading.md, "What a typed answer must accept"); any other refused variant fails the check.
 */
const refused = z.array(z.strictObject({ answer: textSchema, reason: textSchema })).optional();

const choiceTexts = (min: number, max: number) =>
  z.array(textSchema).min(min, `needs at least ${min} choices`).max(max, `allows at most ${max} choices`);

/**
 * Questions as an author writes them in a bank file. Choices and answers are written as text
 * (easy to review); ids for choices are given when the bank is loaded.
 */
export const authoredQuestionSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ ...common, type: z.literal('single'), choices: choiceTexts(3, 5), answer: textSchema }),
    z.strictObject({
      ...common,
      type: z.literal('multiple'),
      choices: choiceTexts(3, 6),
      answer: z.array(textSchema).min(1, 'needs at least one correct choice'),
    }),
    z.strictObject({ ...common, type: z.literal('true-false'), answer: z.boolean() }),
    z.strictObject({
      ...common,
      type: z.literal('numeric'),
      refused,
      answer: z.strictObject({
        value: z.number(),
        tolerance: z.number().nonnegative().default(0),
        unit: textSchema,
      }),
    }),
    z.strictObject({
      ...common,
      type: z.literal('year'),
      refused,
      answer: z.number().int().min(1000).max(2999),
    }),
    z.strictObject({
      ...common,
      type: z.literal('ordering'),
      /** The events in their right order, earliest first. */
      answer: z.array(textSchema).min(3, 'needs at least 3 events').max(6, 'allows at most 6 events'),
    }),
    z.strictObject({
      ...common,
      type: z.literal('matching'),
      answer: z
        .array(z.strictObject({ left: textSchema, right: textSchema }))
        .min(3, 'needs at least 3 pairs')
        .max(6, 'allows at most 6 pairs'),
    }),
    z.strictObject({
      ...common,
      type: z.literal('short-text'),
      refused,
      /** Every accepted answer: names, acronyms and spellings the documents use. */
      answer: z.array(textSchema).min(1, 'needs at least one accepted answer'),
    }),
  ],
  {
    error: () => `type must be one of: ${QUESTION_TYPES.join(', ')}`,
  },
);
export type AuthoredQuestion = z.infer<typeof authoredQuestionSchema>;

export const bankFileSchema = z.strictObject({
  id: idSchema,
  title: textSchema,
  description: textSchema,
  questions: z.array(authoredQuestionSchema).min(1, 'a bank needs at least one question'),
});
/** The bank without its questions, so that each question is validated (and reported) on its own. */
export const bankHeaderSchema = bankFileSchema.extend({
  questions: z.array(z.unknown()).min(1, 'a bank needs at least one question'),
});
export type BankFile = z.infer<typeof bankFileSchema>;
