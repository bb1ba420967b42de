import { z } from 'zod';
// Built at first use, as src/content/question-schema.ts says (and which schemas are not).

import { DIFFICULTIES, ID_PATTERN, ID_PROBLEM, type Citation, type Difficulty } from '../domain/question';

/** A stable, readable id: what URLs, citations and saved history refer to. */
export const idSchema = z.lazy(() => z.string().regex(ID_PATTERN, ID_PROBLEM));

export const textSchema = z.lazy(() => z.string().trim().min(1, 'must not be empty'));

/** A topic id; which ids exist is data (`questions/topics.yaml`), checked when the banks are loaded. */
export const topicSchema = idSchema;

export const difficultySchema = z.lazy(() =>
  z.union(
    DIFFICULTIES.map((level) => z.literal(level)),
    { error: () => 'must be 1, 2 or 3' },
  ),
) satisfies z.ZodType<Difficulty>;

export const citationSchema = z.lazy(() =>
  z.strictObject({ source: idSchema, passage: idSchema, quote: textSchema }),
) satisfies z.ZodType<Citation>;
