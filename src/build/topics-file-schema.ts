import { z } from 'zod';
import { idSchema, textSchema } from '../content/schema-primitives';
import type { TopicInfo } from '../domain/content';

/** `questions/topics.yaml`: the topics in the order the app lists them; a draw's bit set holds 32. */
export const topicsFileSchema = z
  .array(z.strictObject({ id: idSchema, name: textSchema }))
  .min(1, 'list at least one topic')
  .max(32, 'at most 32 topics') satisfies z.ZodType<TopicInfo[]>;
