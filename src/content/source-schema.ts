import { z } from 'zod';
import type { Passage, Source } from '../domain/source';
import { idSchema, textSchema } from './schema-primitives';

/** A passage as the app and the export see it: flat, naming its section. */
export const passageSchema = z.lazy(() =>
  z.strictObject({
    id: idSchema,
    section: idSchema,
    kind: z.enum(['paragraph', 'item']),
    text: textSchema,
  }),
) satisfies z.ZodType<Passage>;

export const sourceSchema = z.lazy(() =>
  z.strictObject({
    id: idSchema,
    title: textSchema,
    sections: z.array(z.strictObject({ id: idSchema, title: textSchema })),
    passages: z.array(passageSchema),
  }),
) satisfies z.ZodType<Source>;
