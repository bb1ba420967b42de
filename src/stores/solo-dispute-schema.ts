import { z } from 'zod';
import { DISPUTE_KINDS, type SoloDispute } from '@/domain/dispute';
import { disputeTextProblem, MAX_DISPUTE_TEXT, tidyDisputeText } from '@/engine/dispute-checks';
import { learnerResponseSchema } from '@/content/response-schema';
import { LATEST_TIME } from './latest-time';

// Solo disputes as saved on the device and carried in the backup: untrusted, checked like input.

const id = z.lazy(() => z.string().min(1).max(300));
const passageId = z.lazy(() => z.string().regex(/^[a-z0-9][a-z0-9-]{0,80}$/, 'is not a passage id'));

const selectionSchema = z.lazy(() =>
  z
    .object({
      source: passageId,
      passage: passageId,
      start: z.number().int().nonnegative(),
      end: z.number().int().positive(),
      quote: z.string().min(1).max(20_000),
    })
    .refine((selection) => selection.end > selection.start, {
      message: 'the selection ends before it starts',
      path: ['end'],
    })
    .refine((selection) => selection.quote.length === selection.end - selection.start, {
      message: 'the quoted words do not match the selection',
      path: ['quote'],
    }),
);

export const soloDisputeSchema = z.lazy(() =>
  z.object({
    id,
    questionId: id,
    bank: id,
    asked: id,
    prompt: z.string().max(20_000),
    response: learnerResponseSchema.nullable(),
    given: z.string().max(20_000),
    kind: z.enum(DISPUTE_KINDS),
    note: z
      .string()
      .max(MAX_DISPUTE_TEXT)
      .refine(
        (note) => note === tidyDisputeText(note) && disputeTextProblem(note) === null,
        'is not one tidy line of text (empty, spaces at an end, or control characters)',
      ),
    selection: selectionSchema.nullable(),
    filedAt: z.number().int().nonnegative().max(LATEST_TIME, 'is later than the year 9999'),
  }),
) satisfies z.ZodType<SoloDispute>;

export const soloDisputesSchema = z.lazy(() => z.array(soloDisputeSchema).max(10_000));
