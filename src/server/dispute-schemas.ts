import { z } from 'zod';
import { isStorable } from './api-schemas';
import { DISPUTE_KINDS } from '../domain/dispute';
import { hasControlCharacters, MAX_DISPUTE_TEXT, tidyDisputeText } from '../engine/dispute-checks';

// The bodies of the dispute routes, checked at the edge like every other (strict objects).

// The limit and the tidying are the ones the learner's form applies (src/engine/dispute-checks.ts).

/** A line of plain text: markup is kept as the characters typed and never interpreted. */
function lineOfText(what: string) {
  return z
    .string()
    .max(20_000, `the ${what} is over ${MAX_DISPUTE_TEXT} characters`)
    .transform(tidyDisputeText)
    .pipe(
      z
        .string()
        .min(1, `the ${what} is empty: say in a line what is wrong`)
        .max(MAX_DISPUTE_TEXT, `the ${what} is over ${MAX_DISPUTE_TEXT} characters`)
        .refine(
          (text) => isStorable(text) && !hasControlCharacters(text),
          `the ${what} has control characters`,
        ),
    );
}

const passageRefSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,80}$/, 'this is not a passage id');

/** Words of a passage as evidence: characters [start, end) of its text. */
export const selectionSchema = z
  .strictObject({
    source: passageRefSchema,
    passage: passageRefSchema,
    start: z.number().int().min(0, 'the selection starts before the passage'),
    end: z.number().int().min(1),
  })
  .refine((selection) => selection.end > selection.start, {
    message: 'the selection is empty: select at least one character',
    path: ['end'],
  });

export const disputeInputSchema = z.strictObject({
  // Made by the device once per dispute, kept while it waits offline: a request sent again with the
  // same id gets the dispute already stored, not a second one.
  disputeId: z
    .string({ message: 'disputeId is missing: the app gives each dispute an id' })
    .regex(/^[A-Za-z0-9_-]{8,64}$/, 'disputeId must be 8 to 64 letters, digits, - or _'),
  index: z.number().int().min(0).max(199),
  kind: z.enum(DISPUTE_KINDS, { message: `kind must be one of ${DISPUTE_KINDS.join(', ')}` }),
  message: lineOfText('message'),
  selection: selectionSchema.nullable().default(null),
});

/** A live player's dispute: the rejoin token their device keeps says which player they are. */
export const liveDisputeInputSchema = disputeInputSchema.extend({
  token: z
    .string({ message: 'the rejoin token is missing: join the session first' })
    .regex(/^[A-Za-z0-9_-]{43}$/, 'this is not a rejoin token'),
});

/** What a live player's device sends to read its own disputes: its rejoin token, never in the URL. */
export const liveTokenSchema = z.strictObject({ token: liveDisputeInputSchema.shape.token });

export const rejectDisputeSchema = z.strictObject({ reply: lineOfText('reply') });

const changeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('accept-answer'), answer: z.string().max(500).refine(isStorable) }),
  z.strictObject({
    kind: z.literal('change-key'),
    key: z.union([z.string().max(500), z.array(z.string().max(500)).max(20), z.boolean(), z.number()]),
  }),
  z.strictObject({ kind: z.literal('remove-choice'), choiceId: z.string().max(80) }),
]);

export const acceptDisputeSchema = z.strictObject({
  reply: lineOfText('reply'),
  change: changeSchema,
});

export type DisputeInput = z.output<typeof disputeInputSchema>;
export type LiveDisputeInput = z.output<typeof liveDisputeInputSchema>;
export type AcceptDisputeInput = z.output<typeof acceptDisputeSchema>;
