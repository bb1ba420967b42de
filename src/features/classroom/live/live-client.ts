import { z } from 'zod';
import type { Socket } from 'socket.io-client';
import { DISPUTE_KINDS } from '@/domain/dispute';
import { LIVE_SEAT_COOKIE, liveSeatCookieValue } from '@/domain/live-seat';
import type { LearnerResponse } from '@/domain/learner-response';
import { paths } from '@/navigation/paths';
import { feedbackSchema, studentQuestionSchema } from '../server/api-responses';
import { sentence } from '../server/api-client';

// The live session's connection and what travels on it. Views from the server are checked here,
// where they enter; the Socket.IO client is loaded only by the live pages.

const presentedSchema = z.lazy(() => feedbackSchema.unwrap().shape.presented);

const publicViewSchema = z.object({
  sessionId: z.string(),
  title: z.string(),
  phase: z.enum(['lobby', 'question', 'reveal', 'ended']),
  index: z.number(),
  questionCount: z.number(),
  locked: z.boolean(),
  question: studentQuestionSchema.nullable(),
  // Stamped where the view arrives: the clock runs from when the server said how much time was left.
  countdown: z
    .object({ remainingMs: z.number(), paused: z.boolean() })
    .transform((countdown) => ({ ...countdown, endsAt: Date.now() + countdown.remainingMs }))
    .nullable(),
  distribution: z
    .array(z.object({ given: z.string(), count: z.number(), isRight: z.boolean().optional() }))
    .nullable(),
  leaderboard: z.array(z.object({ name: z.string(), total: z.number() })).nullable(),
});

export const playerViewSchema = publicViewSchema.extend({
  me: z.object({
    playerId: z.string(),
    name: z.string(),
    hasAnswered: z.boolean(),
    feedback: feedbackSchema.nullable(),
    points: z.number(),
  }),
});
export type PlayerView = z.infer<typeof playerViewSchema>;

export const hostViewSchema = publicViewSchema.extend({
  pin: z.string(),
  options: z.object({
    countdownSeconds: z.number().nullable(),
    speedPoints: z.boolean(),
    leaderboard: z.boolean(),
  }),
  players: z.array(z.object({ id: z.string(), name: z.string() })),
  answeredBy: z.array(z.string()),
  standings: z.array(
    z.object({
      playerId: z.string(),
      name: z.string(),
      points: z.number(),
      bonus: z.number(),
      total: z.number(),
    }),
  ),
  revealed: presentedSchema.nullable(),
});
export type HostView = z.infer<typeof hostViewSchema>;

export type HostCommand =
  | {
      type:
        'lock' | 'unlock' | 'start' | 'show-distribution' | 'reveal' | 'next' | 'pause' | 'resume' | 'end';
    }
  | { type: 'remove'; playerId: string }
  | { type: 'extend'; seconds: number };

export type LiveReply<T> = { ok: true; data: T } | { ok: false; message: string };

const replySchema = z.union([
  z.object({ ok: z.literal(true), token: z.string().optional(), view: z.unknown().optional() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);

const OFFLINE =
  'The server cannot be reached just now. Check the connection; this page reconnects by itself.';

export async function openLiveSocket(): Promise<Socket> {
  const { io } = await import('socket.io-client');
  return io({ transports: ['websocket', 'polling'] });
}

/** Sends one event and reads the acknowledgement; a timeout or a bad reply is a message, not a throw. */
async function ask(
  socket: Socket,
  event: string,
  message: unknown,
): Promise<LiveReply<{ token?: string; view?: unknown }>> {
  let raw: unknown;
  try {
    raw = await socket.timeout(15_000).emitWithAck(event, message);
  } catch {
    return { ok: false, message: OFFLINE };
  }
  const parsed = replySchema.safeParse(raw);
  if (!parsed.success)
    return { ok: false, message: 'The server sent a reply this page cannot read. Reload the page.' };
  if (!parsed.data.ok) return { ok: false, message: sentence(parsed.data.error) };
  return { ok: true, data: parsed.data };
}

function withView<T>(
  reply: LiveReply<{ token?: string; view?: unknown }>,
  schema: z.ZodType<T>,
): LiveReply<{ token?: string; view: T }> {
  if (!reply.ok) return reply;
  const view = schema.safeParse(reply.data.view);
  if (!view.success)
    return { ok: false, message: 'The server sent a view this page cannot read. Reload the page.' };
  return { ok: true, data: { token: reply.data.token, view: view.data } };
}

export const live = {
  join: async (socket: Socket, pin: string, name: string, token?: string) =>
    withView(
      await ask(socket, 'player:join', token ? { pin, name, token } : { pin, name }),
      playerViewSchema,
    ),
  rejoin: async (socket: Socket, sessionId: string, token: string) =>
    withView(await ask(socket, 'player:rejoin', { sessionId, token }), playerViewSchema),
  answer: async (socket: Socket, questionIndex: number, response: LearnerResponse) =>
    ask(socket, 'player:answer', { questionIndex, response }),
  openHost: async (socket: Socket, sessionId: string) =>
    withView(await ask(socket, 'host:open', { sessionId }), hostViewSchema),
  command: async (socket: Socket, sessionId: string, command: HostCommand) =>
    ask(socket, 'host:command', { sessionId, command }),
};

/** The PIN an address names (`/live?pin=…`), as the join form reads it: its digits, six at most. */
export function pinInAddress(params: URLSearchParams): string | null {
  return params.get('pin')?.replace(/\D/g, '').slice(0, 6) ?? null;
}

/** Where a player's device keeps its seat, so a reload or a lost connection comes back as the same player. */
const SEAT_KEY = 'source-quiz-live-seat';
const seatSchema = z.object({
  sessionId: z.string(),
  token: z.string(),
  pin: z.string(),
  /** When this device joined: the start of the session's attempt in the device's history. */
  joinedAt: z.number().optional(),
  /** Questions (by index) already put in the device's history, with the time they were: each goes in once. */
  inHistory: z.record(z.string(), z.number()).optional(),
  /** The session's end is marked in the history too. */
  isFinishedInHistory: z.boolean().optional(),
  /** This player has filed disputes: only then does the page ask the server for their replies. */
  hasDisputes: z.boolean().optional(),
  /** Disputes filed with no network, oldest first, each with its id: sent when the network is back. */
  pendingDisputes: z
    .array(
      z.object({
        disputeId: z.string(),
        index: z.number(),
        kind: z.enum(DISPUTE_KINDS),
        message: z.string(),
        selection: z
          .object({ source: z.string(), passage: z.string(), start: z.number(), end: z.number() })
          .nullable(),
      }),
    )
    .optional(),
});
export type LiveSeat = z.infer<typeof seatSchema>;

export function readSeat(): LiveSeat | null {
  try {
    const parsed = seatSchema.safeParse(JSON.parse(localStorage.getItem(SEAT_KEY) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function keepSeat(seat: LiveSeat | null): void {
  keepSeatCookie(seat);
  try {
    if (seat) localStorage.setItem(SEAT_KEY, JSON.stringify(seat));
    else localStorage.removeItem(SEAT_KEY);
  } catch {
    // Saving blocked: the session still works, only a reload starts over.
  }
}

/** As long as a session lasts, with room to spare: after it, a reload rejoins from the device's seat. */
const SEAT_COOKIE_SECONDS = 12 * 60 * 60;
const URL_SAFE = /^[A-Za-z0-9_-]+$/;

/**
 * The seat in a cookie too, sent with the join page's address only: the server then renders this
 * player's screen into the page a reload gets (decision 013). A seat that is not the server's shape
 * (edited storage) is not written into a cookie's header.
 */
export function keepSeatCookie(seat: Pick<LiveSeat, 'sessionId' | 'token'> | null): void {
  const attributes = `Path=${paths.liveJoin()}; SameSite=Lax${location.protocol === 'https:' ? '; Secure' : ''}`;
  const isWritable = seat !== null && URL_SAFE.test(seat.sessionId) && URL_SAFE.test(seat.token);
  document.cookie = isWritable
    ? `${LIVE_SEAT_COOKIE}=${liveSeatCookieValue(seat.sessionId, seat.token)}; Max-Age=${SEAT_COOKIE_SECONDS}; ${attributes}`
    : `${LIVE_SEAT_COOKIE}=; Max-Age=0; ${attributes}`;
}
