import { z } from 'zod';
import type { LearnerResponse } from '../domain/learner-response';

/** A learner's response from outside (saved data, a result code, the network), checked field by field. */
export const learnerResponseSchema = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('single'), choice: z.string().nullable() }),
    z.object({ type: z.literal('multiple'), choices: z.array(z.string()) }),
    z.object({ type: z.literal('true-false'), value: z.boolean().nullable() }),
    z.object({ type: z.literal('numeric'), text: z.string() }),
    z.object({ type: z.literal('year'), text: z.string() }),
    z.object({ type: z.literal('ordering'), order: z.array(z.string()) }),
    z.object({ type: z.literal('matching'), pairs: z.record(z.string(), z.string()) }),
    z.object({ type: z.literal('short-text'), text: z.string() }),
  ]),
) satisfies z.ZodType<LearnerResponse>;
