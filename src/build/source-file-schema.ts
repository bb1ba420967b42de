import { z } from 'zod';
import { idSchema, textSchema } from '../content/schema-primitives';
import type { Source } from '../domain/source';

/** A source file as an author writes it: `questions/sources/<id>.yaml`. */
export const sourceFileSchema = z.strictObject({
  id: idSchema,
  title: textSchema,
  /** The verbatim document beside it, which every passage must come from. */
  file: textSchema,
  /** Page furniture (menu crumbs) that the reader leaves out. */
  omitted: z.array(textSchema).default([]),
  sections: z
    .array(
      z.strictObject({
        id: idSchema,
        title: textSchema,
        passages: z
          .array(
            z.strictObject({
              id: idSchema,
              kind: z.enum(['paragraph', 'item']).default('paragraph'),
              text: textSchema,
            }),
          )
          .min(1),
      }),
    )
    .min(1),
});
export type SourceFile = z.infer<typeof sourceFileSchema>;

export function toSource(file: SourceFile): Source {
  return {
    id: file.id,
    title: file.title,
    sections: file.sections.map(({ id, title }) => ({ id, title })),
    passages: file.sections.flatMap((section) =>
      section.passages.map((passage) => ({ ...passage, section: section.id })),
    ),
  };
}
