import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { Server, type Socket } from 'socket.io';
import { LIVE_SEAT_COOKIE } from '../../domain/live-seat';
import { LIVE_LIMITS, type LiveCommand, type LivePlayer } from '../../engine/live-session';
import { findSession, touchSession, TOUCH_AFTER_MS } from '../auth/sessions';
import { sessionCookieName } from '../auth/teacher-session';
import type { AppContext } from '../context';
import { HttpError } from '../errors';
import { createAccountLimiter } from '../http/account-limiter';
import {
  answerMessageSchema,
  checkMessage,
  hostCommandSchema,
  hostOpenSchema,
  joinMessageSchema,
  rejoinMessageSchema,
  seatCookieSchema,
} from './live-messages';
import { regradedScores } from './live-scores';
import {
  applyHostCommand,
  createLiveAnswerWriter,
  createLiveJoinWriter,
  createHostCommandWriter,
  createLiveQuestionCache,
  createRoomStateReader,
  findLive,
  findLiveByPin,
  findPlayerByToken,
  joinPlayer,
  ownProgress,
  recordLiveAnswer,
  type LiveRow,
} from './live-store';
import { countdownOf, hostView, playerViews, type LiveSnapshot, type OwnProgress } from './live-views';

type Ack = (reply: { ok: true; [key: string]: unknown } | { ok: false; error: string }) => void;

type Room = { hosts: Set<Socket>; players: Map<Socket, LivePlayer> };

type RoomViews = { snapshot: LiveSnapshot; build: ReturnType<typeof playerViews> };

/** What a player's view depends on in the session's row: a change to any of these is a new view. */
function stateOf(row: LiveRow): string {
  return JSON.stringify([
    row.phase,
    row.questionIndex,
    row.locked,
    row.distributionShown,
    row.questionStartedAt?.getTime(),
    row.countdownEndsAt?.getTime(),
    row.countdownPausedMs,
  ]);
}

const REFRESH_EVENT = 'live:refresh';

const PIN_LOOKUP_REUSE_MS = 1_000;

/** Arrivals and answers reach the host screen in batches this far apart, not one message each. */
const HOST_NEWS_MS = 200;

type HostNews = { joined: { id: string; name: string }[]; answered: Map<number, string[]> };

/** Failed PIN lookups per address per minute: enough for typos, far too few to sweep a million PINs. */
const WRONG_PINS_PER_MINUTE = 20;

/**
 * Live sessions over Socket.IO, on the same port as the app. The database holds the truth; each
 * process keeps only the sockets connected to it, and tells the other processes (through Redis,
 * when REDIS_URL is set) to refresh their own devices after a change.
 */
export async function attachLiveSessions(app: FastifyInstance, context: AppContext): Promise<void> {
  const db = context.database.db;
  const questionsOf = createLiveQuestionCache(context.versions);
  const wrongPins = createAccountLimiter(WRONG_PINS_PER_MINUTE, 60_000);
  const rooms = new Map<string, Room>();
  const rowCache = new Map<string, LiveRow>();
  const roomViews = new Map<string, { state: string; views: Promise<RoomViews> }>();
  // PostgreSQL's pool has 10 connections: assignment answers may take 4, live answers 2 and joins 2.
  const parallel = context.database.kind === 'postgres' ? 2 : 1;
  const answerWriter = createLiveAnswerWriter(context.database, { parallel });
  const joinWriter = createLiveJoinWriter(context.database, { parallel });
  const readRoomState = createRoomStateReader(context.database, { parallel });
  const commandAsSeen = createHostCommandWriter(context.database, {
    parallel,
    sessionIdleMs: context.config.sessionIdleMs,
  });

  const io = new Server(app.server, {
    serveClient: false,
    maxHttpBufferSize: 16 * 1024,
    // Browsers send Origin with every WebSocket and polling request: a foreign page is refused.
    allowRequest: (request, callback) => {
      const origin = request.headers.origin;
      const own = context.config.publicUrl ?? `http://${request.headers.host ?? ''}`;
      const ownHttps = own.replace(/^http:/, 'https:');
      callback(null, origin === undefined || origin === own || origin === ownHttps);
    },
  });

  let redis: Redis | undefined;
  if (context.config.redisUrl) {
    redis = new Redis(context.config.redisUrl, { maxRetriesPerRequest: null });
    io.adapter(createAdapter(redis));
  }

  app.addHook('preClose', async () => {
    // Only this process's devices: through Redis, a plain disconnectSockets reaches every process.
    io.local.disconnectSockets(true);
    io.engine.close();
    await Promise.resolve(io.of('/').adapter.close?.()).catch(() => undefined);
    await redis?.quit().catch(() => undefined);
  });

  function roomOf(sessionId: string): Room {
    let room = rooms.get(sessionId);
    if (!room) {
      room = { hosts: new Set(), players: new Map() };
      rooms.set(sessionId, room);
    }
    return room;
  }

  function leave(socket: Socket) {
    for (const [sessionId, room] of rooms) {
      room.hosts.delete(socket);
      room.players.delete(socket);
      if (room.hosts.size === 0 && room.players.size === 0) {
        rooms.delete(sessionId);
        roomViews.delete(sessionId);
      }
    }
  }

  const hostNews = new Map<string, HostNews>();
  /**
   * Tells the session's host screens (on any process) who arrived and who answered, gathered over
   * a moment: a class of hundreds answering in the same second makes a few messages, not hundreds.
   */
  function tellHost(sessionId: string, news: (pending: HostNews) => void) {
    let pending = hostNews.get(sessionId);
    if (!pending) {
      const gathered: HostNews = { joined: [], answered: new Map() };
      hostNews.set(sessionId, gathered);
      setTimeout(() => {
        hostNews.delete(sessionId);
        const room = io.to(`host:${sessionId}`);
        if (gathered.joined.length > 0) room.emit('live:joined', { players: gathered.joined });
        for (const [index, playerIds] of gathered.answered) room.emit('live:answered', { index, playerIds });
      }, HOST_NEWS_MS);
      pending = gathered;
    }
    news(pending);
  }

  const pinLookups = new Map<string, { at: number; row: Promise<LiveRow | undefined> }>();
  /**
   * The session a PIN opens. A class joins in a burst, and one lookup per device would queue
   * thousands of reads for the same row: lookups of one PIN share a read for a second. Whether
   * the session still takes players is checked again when the join is written.
   */
  function sessionByPin(pin: string): Promise<LiveRow | undefined> {
    const now = Date.now();
    const recent = pinLookups.get(pin);
    if (recent && now - recent.at < PIN_LOOKUP_REUSE_MS) return recent.row;
    if (pinLookups.size > 10_000) pinLookups.clear();
    const row = findLiveByPin(db, pin);
    pinLookups.set(pin, { at: now, row });
    row.catch(() => pinLookups.delete(pin));
    return row;
  }

  const rowLoads = new Map<string, Promise<LiveRow | undefined>>();
  /**
   * The session's row as this process last saw it change (every change reaches every process), read
   * once when it has not been seen yet: devices arriving together share that read.
   */
  async function currentRow(sessionId: string): Promise<LiveRow | undefined> {
    const cached = rowCache.get(sessionId);
    if (cached) return cached;
    let loading = rowLoads.get(sessionId);
    if (!loading) {
      loading = findLive(db, sessionId).finally(() => rowLoads.delete(sessionId));
      rowLoads.set(sessionId, loading);
    }
    const row = await loading;
    if (row && !rowCache.has(sessionId)) rowCache.set(sessionId, row);
    return row;
  }

  async function snapshotOf(row: LiveRow): Promise<LiveSnapshot> {
    rowCache.set(row.id, row);
    const [questions, room] = await Promise.all([questionsOf(row), readRoomState(row)]);
    const { revised, ...shown } = room;
    const regraded = await regradedScores(db, context.versions, row, questions, room.scores, revised);
    return { row, ...shown, ...regraded, now: context.now() };
  }

  /**
   * The players' views of the session as the room last saw it, kept until its state changes: a
   * device that joins or comes back meanwhile gets the same shared part (read once, not once per
   * device, which a class of 2,000 joining at once would pay 2,000 times) and its own progress.
   */
  function viewsFor(row: LiveRow): Promise<RoomViews> {
    const state = stateOf(row);
    const cached = roomViews.get(row.id);
    if (cached?.state === state) return cached.views;
    const views = snapshotOf(row).then((snapshot) => ({ snapshot, build: playerViews(snapshot) }));
    roomViews.set(row.id, { state, views });
    views.catch(() => {
      if (roomViews.get(row.id)?.views === views) roomViews.delete(row.id);
    });
    return views;
  }

  /** Sends every device of the session connected to this process its new view. */
  async function refreshLocal(sessionId: string, changed?: LiveRow) {
    const room = rooms.get(sessionId);
    // The process that made the change has its row; the others read it.
    const row = changed ?? (await findLive(db, sessionId));
    if (!row) return;
    rowCache.set(sessionId, row);
    if (!room) return;
    const snapshot = await snapshotOf(row);
    const view = playerViews(snapshot);
    roomViews.set(sessionId, { state: stateOf(row), views: Promise.resolve({ snapshot, build: view }) });
    const removed = new Set(snapshot.players.filter((player) => player.removed).map((player) => player.id));
    for (const host of room.hosts) host.emit('live:host', hostView(snapshot));
    for (const [socket, player] of room.players) {
      if (removed.has(player.id)) {
        socket.emit('live:removed', { message: 'The teacher has removed you from this session.' });
        room.players.delete(socket);
        socket.disconnect(true);
      } else {
        socket.emit('live:player', view(player));
      }
    }
  }

  function refreshEverywhere(sessionId: string, changed: LiveRow) {
    // Only a shared adapter reaches other processes; the default one has none to tell.
    if (redis) io.serverSideEmit(REFRESH_EVENT, sessionId);
    return refreshLocal(sessionId, changed);
  }

  // A regrade changes no session's row: the views kept for its state are dropped, then sent anew.
  context.liveRegraded.listen((sessionIds) => {
    for (const sessionId of sessionIds) {
      roomViews.delete(sessionId);
      if (redis) io.serverSideEmit(REFRESH_EVENT, sessionId);
      refreshLocal(sessionId).catch((error: unknown) => app.log.error({ err: error }, 'live refresh failed'));
    }
  });

  io.on(REFRESH_EVENT, (sessionId: unknown) => {
    if (typeof sessionId === 'string') {
      refreshLocal(sessionId).catch((error: unknown) => app.log.error({ err: error }, 'live refresh failed'));
    }
  });

  /** The teacher session token in the socket's cookie, when it has the shape of one. */
  function tokenOf(socket: Socket): string | undefined {
    const header = socket.request.headers.cookie;
    if (!header) return undefined;
    const token = app.parseCookie(header)[sessionCookieName(context)];
    return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : undefined;
  }

  async function teacherOf(socket: Socket): Promise<string | undefined> {
    const token = tokenOf(socket);
    if (!token) return undefined;
    const now = context.now();
    const teacher = await findSession(db, token, now, context.config);
    if (teacher) socket.data.sessionSeenAt = now.getTime();
    return teacher?.id;
  }

  /**
   * Runs a host's command. Usually one statement: the change, made only if the session is as this
   * process last saw it and the socket's sign-in still belongs to its teacher (checked by the same
   * statement). Otherwise the long way: the sign-in read, then the command under the row's lock.
   */
  async function commandAsHost(socket: Socket, sessionId: string, command: LiveCommand) {
    const refusal = { ok: false, message: 'Sign in as the teacher who started this session.' } as const;
    const token = tokenOf(socket);
    const row = token ? await currentRow(sessionId) : undefined;
    if (!token || !row) return refusal;
    const now = context.now();
    const quick = await commandAsSeen(command, now, row, token);
    if (quick) {
      // The sign-in stays alive while the host works, as a request would keep it.
      if (now.getTime() - Number(socket.data.sessionSeenAt ?? 0) > TOUCH_AFTER_MS) {
        socket.data.sessionSeenAt = now.getTime();
        touchSession(db, token, now).catch((error: unknown) =>
          app.log.warn({ err: error }, 'could not keep the host signed in'),
        );
      }
      return { ok: true, row: quick } as const;
    }
    const teacherId = await teacherOf(socket);
    if (!teacherId || row.teacherId !== teacherId) return refusal;
    return applyHostCommand(db, sessionId, command, now);
  }

  /** A returning player's answer to the current question, and score with changed questions regraded. */
  async function ownRegradedProgress(row: LiveRow, playerId: string): Promise<OwnProgress> {
    const [questions, own] = await Promise.all([questionsOf(row), ownProgress(db, row, playerId)]);
    const kept = own.score ? [own.score] : [];
    const { scores } = await regradedScores(db, context.versions, row, questions, kept, own.revised);
    return { answer: own.answer, score: scores[0] };
  }

  /** Puts a socket in the session's room as this player, and gives the player's view. */
  async function enterAsPlayer(socket: Socket, row: LiveRow, player: LivePlayer, isNew: boolean) {
    leave(socket);
    roomOf(row.id).players.set(socket, player);
    socket.data.player = { sessionId: row.id, playerId: player.id };
    return playerViewOf(row, player, isNew);
  }

  /** A new player has no progress yet; a returning one has theirs read by key. */
  async function playerViewOf(row: LiveRow, player: LivePlayer, isNew: boolean) {
    const [{ snapshot, build }, own] = await Promise.all([
      viewsFor(row),
      isNew
        ? Promise.resolve<OwnProgress>({ answer: undefined, score: undefined })
        : ownRegradedProgress(row, player.id),
    ]);
    // The shared part may have been built a while ago: the countdown is read anew.
    return { ...build(player, own), countdown: countdownOf(snapshot.row, context.now()) };
  }

  /** Runs a handler with its message checked; a failure answers in words and never ends the process. */
  function on(socket: Socket, event: string, handler: (message: unknown, ack: Ack) => Promise<void>) {
    socket.on(event, (message: unknown, ack: unknown) => {
      if (typeof ack !== 'function') return;
      handler(message, ack as Ack).catch((error: unknown) => {
        app.log.error({ err: error, event }, 'live event failed');
        (ack as Ack)({ ok: false, error: 'Something went wrong on the server; try again.' });
      });
    });
  }

  /**
   * The session and player a seat (a session id and a rejoin token) names, or why it names none: a
   * rejoin over the socket and the join page's render by HTTP check it alike.
   */
  async function seatHolder(sessionId: string, token: string) {
    const row = await currentRow(sessionId);
    const player = row ? await findPlayerByToken(db, row.id, token) : undefined;
    // An unknown session and a token of another session look the same from outside.
    if (!row || !player)
      return { ok: false, status: 404, error: 'this device is not part of that session' } as const;
    if (player.removed)
      return { ok: false, status: 403, error: 'the teacher has removed you from this session' } as const;
    return { ok: true, row, player } as const;
  }

  /**
   * The view of the player whose seat is in the request's cookie: what a reload of the join page shows,
   * rendered by the server into the page (render-on-request.tsx).
   */
  app.get('/api/live/player', async (request, reply) => {
    const seat = seatCookieSchema.safeParse(request.cookies[LIVE_SEAT_COOKIE]);
    if (!seat.success) throw new HttpError(401, 'this device has not joined a live session');
    const held = await seatHolder(seat.data.sessionId, seat.data.token);
    if (!held.ok) throw new HttpError(held.status, held.error);
    // What one player may see, and it changes with every step of the session.
    reply.header('Cache-Control', 'private, no-store');
    // The PIN too: the page renders this seat only at an address with no PIN or with this one.
    return { view: await playerViewOf(held.row, held.player, false), pin: held.row.pin };
  });

  io.on('connection', (socket) => {
    const address = socket.handshake.address;

    on(socket, 'player:join', async (message, ack) => {
      const checked = checkMessage(joinMessageSchema, message);
      if (!checked.ok) return ack({ ok: false, error: checked.error });
      const now = context.now();
      if (wrongPins.isBlocked(address, now.getTime())) {
        return ack({ ok: false, error: 'Too many wrong PINs from here: wait a minute, then try again.' });
      }
      const found = await sessionByPin(checked.value.pin);
      // The PIN's lookup may be a moment old: the session's state comes from the latest change.
      const row = found && ((await currentRow(found.id)) ?? found);
      if (!row) {
        wrongPins.count(address, now.getTime());
        return ack({ ok: false, error: 'There is no session with this PIN. Check the number on the board.' });
      }
      const known = checked.value.token
        ? await findPlayerByToken(db, row.id, checked.value.token)
        : undefined;
      if (known?.removed) return ack({ ok: false, error: 'The teacher has removed you from this session.' });
      if (known) {
        return ack({
          ok: true,
          token: checked.value.token,
          view: await enterAsPlayer(socket, row, known, false),
        });
      }
      const joined = await joinPlayer(db, joinWriter, row.id, checked.value.name, LIVE_LIMITS.players, now);
      if (!joined.ok) return ack({ ok: false, error: joined.message });
      const { id, name } = joined.player;
      tellHost(row.id, (pending) => pending.joined.push({ id, name }));
      return ack({
        ok: true,
        token: joined.token,
        view: await enterAsPlayer(socket, row, joined.player, true),
      });
    });

    on(socket, 'player:rejoin', async (message, ack) => {
      const checked = checkMessage(rejoinMessageSchema, message);
      if (!checked.ok) return ack({ ok: false, error: checked.error });
      const held = await seatHolder(checked.value.sessionId, checked.value.token);
      if (!held.ok) return ack({ ok: false, error: held.error });
      return ack({ ok: true, view: await enterAsPlayer(socket, held.row, held.player, false) });
    });

    on(socket, 'player:answer', async (message, ack) => {
      const checked = checkMessage(answerMessageSchema, message);
      if (!checked.ok) return ack({ ok: false, error: checked.error });
      const joined = socket.data.player as { sessionId: string; playerId: string } | undefined;
      if (!joined) return ack({ ok: false, error: 'Join the session before answering.' });
      const row = await currentRow(joined.sessionId);
      if (!row) return ack({ ok: false, error: 'This session no longer exists.' });
      const { questionIndex, response } = checked.value;
      const question = (await questionsOf(row))[questionIndex];
      if (!question) return ack({ ok: false, error: 'This session has no such question.' });
      const stored = await recordLiveAnswer(
        db,
        answerWriter,
        row,
        question,
        joined.playerId,
        questionIndex,
        response,
        context.now(),
      );
      if (!stored.ok) return ack({ ok: false, error: stored.message });
      tellHost(row.id, (pending) => {
        const answered = pending.answered.get(questionIndex) ?? [];
        answered.push(joined.playerId);
        pending.answered.set(questionIndex, answered);
      });
      return ack({ ok: true });
    });

    on(socket, 'host:open', async (message, ack) => {
      const checked = checkMessage(hostOpenSchema, message);
      if (!checked.ok) return ack({ ok: false, error: checked.error });
      const teacherId = await teacherOf(socket);
      const row = teacherId ? await findLive(db, checked.value.sessionId) : undefined;
      // Someone else's session and no session at all look the same from outside.
      if (!teacherId || !row || row.teacherId !== teacherId) {
        return ack({ ok: false, error: 'Sign in as the teacher who started this session.' });
      }
      leave(socket);
      roomOf(row.id).hosts.add(socket);
      socket.data.hostOf = row.id;
      await socket.join(`host:${row.id}`);
      return ack({ ok: true, view: hostView(await snapshotOf(row)) });
    });

    on(socket, 'host:command', async (message, ack) => {
      const checked = checkMessage(hostCommandSchema, message);
      if (!checked.ok) return ack({ ok: false, error: checked.error });
      const { sessionId, command } = checked.value;
      if (socket.data.hostOf !== sessionId) {
        return ack({ ok: false, error: 'Open the session as its host first.' });
      }
      // The session may have been taken over by a sign-out or a deleted account since it opened.
      const outcome = await commandAsHost(socket, sessionId, command);
      if (!outcome.ok) return ack({ ok: false, error: outcome.message });
      rowCache.set(sessionId, outcome.row);
      await refreshEverywhere(sessionId, outcome.row);
      return ack({ ok: true });
    });

    socket.on('disconnect', () => leave(socket));
  });
}
