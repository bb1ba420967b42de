import { z } from 'zod';

/** A stable, readable id: what URLs, citations and saved history refer to. */
export const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case (lower-case letters, digits, single hyphens)');

export const textSchema = z.string().trim().min(1, 'must not be empty');

export const TOPICS = [
  'dates',
  'amounts',
  'programmes',
  'organisations',
  'trade',
  'education',
  'science',
  'history',
  'places',
  'sectors',
] as const;
export const topicSchema = z.enum(TOPICS, {
  error: () => `must be one of: ${TOPICS.join(', ')}`,
});
export type Topic = z.infer<typeof topicSchema>;

export const difficultySchema = z.union([z.literal(1), z.literal(2), z.literal(3)], {
  error: () => 'must be 1, 2 or 3',
});
export type Difficulty = z.infer<typeof difficultySchema>;

export const citationSchema = z.strictObject({
  source: idSchema,
  passage: idSchema,
  quote: textSchema,
});
export type Citation = z.infer<typeof citationSchema>;
