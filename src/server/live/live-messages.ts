import { z } from 'zod';
import { LIVE_LIMITS } from '../../engine/live-session';
import { describeIssue, isStorable, studentResponseSchema } from '../api-schemas';

// What the devices of a live session may send, checked before anything else looks at it. Every
// event arrives with an acknowledgement callback; a message that fails here gets an error reply.

const serverId = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'this is not a session id');
const storableText = (max: number) =>
  z
    .string()
    .max(max, `at most ${max} characters`)
    .refine(isStorable, 'the text has characters that cannot be stored');

export const joinMessageSchema = z.strictObject({
  pin: z.string().regex(/^[0-9]{6}$/, 'a PIN is six digits'),
  name: storableText(LIVE_LIMITS.nameLength * 4),
  /** The rejoin token kept on the device: the same player comes back after a reload or a restart. */
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/)
    .optional(),
});

export const rejoinMessageSchema = z.strictObject({
  sessionId: serverId,
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'this is not a rejoin token'),
});

/** The seat cookie (src/domain/live-seat.ts): a session id and a rejoin token, or nothing. */
export const seatCookieSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/)
  .transform((value) => {
    const [sessionId = '', token = ''] = value.split('.');
    return { sessionId, token };
  });

export const answerMessageSchema = z.strictObject({
  questionIndex: z.number().int().min(0).max(199),
  response: studentResponseSchema,
});

export const hostOpenSchema = z.strictObject({ sessionId: serverId });

export const hostCommandSchema = z.strictObject({
  sessionId: serverId,
  command: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('lock') }),
    z.strictObject({ type: z.literal('unlock') }),
    z.strictObject({ type: z.literal('remove'), playerId: serverId }),
    z.strictObject({ type: z.literal('start') }),
    z.strictObject({ type: z.literal('show-distribution') }),
    z.strictObject({ type: z.literal('reveal') }),
    z.strictObject({ type: z.literal('next') }),
    z.strictObject({ type: z.literal('pause') }),
    z.strictObject({ type: z.literal('resume') }),
    z.strictObject({
      type: z.literal('extend'),
      seconds: z.number().int().min(1).max(LIVE_LIMITS.extendSeconds),
    }),
    z.strictObject({ type: z.literal('end') }),
  ]),
});
export type HostCommandMessage = z.infer<typeof hostCommandSchema>;

export const liveOptionsSchema = z.strictObject({
  countdownSeconds: z.number().int().min(5).max(LIVE_LIMITS.countdownSeconds).nullable().default(null),
  speedPoints: z.boolean().default(false),
  leaderboard: z.boolean().default(false),
});

/** POST /api/live: a session from one of the teacher's assignments, or from chosen questions. */
export const createLiveSchema = z
  .strictObject({
    title: storableText(120).optional(),
    assignmentId: serverId.optional(),
    questionIds: z.array(z.string().max(120)).min(1).max(200).optional(),
    options: liveOptionsSchema.default({ countdownSeconds: null, speedPoints: false, leaderboard: false }),
  })
  .refine((input) => (input.assignmentId === undefined) !== (input.questionIds === undefined), {
    message: 'give either an assignmentId or questionIds',
  });

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

/** A message checked by its schema, or the first problem in words. */
export function checkMessage<T extends z.ZodType>(schema: T, message: unknown): Checked<z.output<T>> {
  const parsed = schema.safeParse(message);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, error: describeIssue(parsed.error) };
}
