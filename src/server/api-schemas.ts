import { z } from 'zod';
import { idSchema } from '../content/schema-primitives';
import { assignmentSchema } from '../content/classroom-codes';
import { MAX_PASSWORD_LENGTH } from './auth/passwords';

// Every request body, checked at the edge. Objects are strict: an unknown field is an error.

// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

// eslint-disable-next-line no-control-regex -- NUL is exactly what is refused
const UNSTORABLE = /\u0000|[\uD800-\uDFFF]/u;

/** PostgreSQL text and jsonb hold neither NUL nor half a surrogate pair: refused at the edge. */
export const isStorable = (text: string) => !UNSTORABLE.test(text);
const storable = isStorable;
const STORABLE = 'has characters that cannot be stored';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'the email address is too long')
  .pipe(z.email('this is not an email address'));

export const credentialsSchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1, 'type a password').max(MAX_PASSWORD_LENGTH, 'the password is too long'),
});

const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'this is not a reset token');

export const passwordResetSchema = z.strictObject({
  token: tokenSchema,
  password: z.string().max(MAX_PASSWORD_LENGTH, 'the password is too long'),
});

export const deleteAccountSchema = z.strictObject({ password: z.string().max(MAX_PASSWORD_LENGTH) });

/** A person's name as typed: kept as plain text (markup is never interpreted), one line, trimmed. */
export const personNameSchema = z
  .string()
  .transform((text) => text.normalize('NFC').trim().replace(/\s+/g, ' '))
  .pipe(
    z
      .string()
      .min(1, 'the name is empty')
      .max(80, 'the name is over 80 characters')
      .refine((text) => !CONTROL_CHARACTERS.test(text) && storable(text), 'the name has control characters'),
  );

export const MAX_ROSTER = 500;

/** A roster pasted one name per line, or already a list; blank lines and repeats are dropped. */
const rosterSchema = z
  .union([z.string().max(60_000, 'the roster is too long'), z.array(z.string().max(200)).max(MAX_ROSTER)])
  .transform((value) => (typeof value === 'string' ? value.split(/\r?\n/) : value))
  .transform((lines) => lines.map((line) => line.normalize('NFC').trim().replace(/\s+/g, ' ')))
  .transform((lines) => lines.filter((line) => line !== ''))
  .pipe(z.array(personNameSchema).max(MAX_ROSTER, `a roster has at most ${MAX_ROSTER} names`))
  .transform((names) => {
    const seen = new Set<string>();
    return names.filter((name) => {
      const key = name.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  });

const classNameSchema = z
  .string()
  .trim()
  .min(1, 'the class has no name')
  .max(120, 'the name is over 120 characters');

export const classInputSchema = z.strictObject({
  name: classNameSchema,
  roster: rosterSchema.default([]),
});

export const classPatchSchema = z.strictObject({
  name: classNameSchema.optional(),
  roster: rosterSchema.optional(),
});

const instantSchema = z.iso
  .datetime({ offset: true, message: 'must be a date and time such as 2026-03-01T08:00:00Z' })
  .transform((text) => new Date(text));

const serverIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'this is not an id');

const timesShape = {
  opensAt: instantSchema.nullable().default(null),
  closesAt: instantSchema.nullable().default(null),
  attemptsAllowed: z.number().int().min(1).max(20).default(1),
  classId: serverIdSchema.nullable().default(null),
};

/** Today's assignment (the builder's fields) plus when it opens and closes, attempts and class. */
export const assignmentInputSchema = z
  .strictObject({
    ...assignmentSchema.shape,
    title: assignmentSchema.shape.title.refine(storable, STORABLE),
    seed: assignmentSchema.shape.seed.optional(),
    ids: z.array(idSchema).min(1, 'the assignment has no questions').max(200),
    ...timesShape,
  })
  .refine((input) => !input.opensAt || !input.closesAt || input.opensAt < input.closesAt, {
    message: 'the assignment must open before it closes',
    path: ['closesAt'],
  });

/** What may change once students have the link: its title and when it opens and closes. */
export const assignmentPatchSchema = z.strictObject({
  title: assignmentSchema.shape.title.refine(storable, STORABLE).optional(),
  opensAt: instantSchema.nullable().optional(),
  closesAt: instantSchema.nullable().optional(),
  attemptsAllowed: timesShape.attemptsAllowed.optional(),
});

export const startAttemptSchema = z.strictObject({ name: personNameSchema });

export const resumeSchema = z.strictObject({
  assignmentId: serverIdSchema,
  resumeCode: z.string().max(40),
});

const shortText = z.string().max(500, 'the answer is over 500 characters').refine(storable, STORABLE);
const presentedId = z.string().max(8).refine(storable, STORABLE);
const presentedIds = z.array(presentedId).max(50);

/** A response as the student's device sends it, in the presented ids (c1, c2, …; l1, l2, …). */
export const studentResponseSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('single'), choice: presentedId.nullable() }),
  z.strictObject({ type: z.literal('multiple'), choices: presentedIds }),
  z.strictObject({ type: z.literal('true-false'), value: z.boolean().nullable() }),
  z.strictObject({ type: z.literal('numeric'), text: shortText }),
  z.strictObject({ type: z.literal('year'), text: shortText }),
  z.strictObject({ type: z.literal('ordering'), order: presentedIds }),
  z.strictObject({
    type: z.literal('matching'),
    pairs: z.record(presentedId, presentedId).refine((pairs) => Object.keys(pairs).length <= 50),
  }),
  z.strictObject({ type: z.literal('short-text'), text: shortText }),
]);
export type StudentResponse = z.infer<typeof studentResponseSchema>;

export const answerInputSchema = z.strictObject({
  /** Chosen by the device, once per answer given: a retry with the same id is not counted twice. */
  answerId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'answerId must be 8 to 64 letters, digits, - or _'),
  index: z.number().int().min(0).max(199),
  response: studentResponseSchema,
});

/** The first problem of a failed parse, as "field: message". */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'the request is not valid';
  const path = issue.path.join('.');
  if (issue.code === 'unrecognized_keys') return `unknown field ${issue.keys.join(', ')}`;
  return path ? `${path}: ${issue.message}` : issue.message;
}
