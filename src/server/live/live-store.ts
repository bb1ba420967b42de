import { randomInt } from 'node:crypto';
import { and, asc, desc, eq, lte, ne, sql } from 'drizzle-orm';
import type { Grade } from '../../engine/grade';
import type { LearnerResponse } from '../../domain/learner-response';
import {
  applyLiveCommand,
  checkPlayerName,
  playerNameKey,
  createLiveSession,
  speedBonus,
  type LiveAnswer,
  type LiveCommand,
  type LiveCountdown,
  type LiveOptions,
  type LivePlayer,
  type LiveSession,
} from '../../engine/live-session';
import { gradeAnswer } from '../../engine/grade-answer';
import { presentQuestion } from '../../engine/present-question';
import { createRandom } from '../../engine/random';
import { createBatchQueue } from '../db/batch-queue';
import { createGroupCommit, type GroupCommit } from '../db/group-commit';
import { type Database, type DatabaseHandle } from '../db/open-database';
import type { StudentResponse } from '../api-schemas';
import { translateResponse } from '../content/student-question';
import type { Feedback } from '../services/record-answer';
import { liveAnswers, livePlayers, liveSessions, questionChanges, type AskedQuestion } from '../db/schema';
import { newId, newToken, sha256 } from '../ids';
import {
  askedVersions,
  type AskedQuestionVersion,
  type QuestionVersions,
} from '../services/question-versions';
import type { ServerContent } from '../content/server-content';

export type LiveRow = typeof liveSessions.$inferSelect;
export type LiveQuestion = AskedQuestionVersion;
export type Refusal = { ok: false; message: string };

const isUniqueViolation = (error: unknown): boolean =>
  error instanceof Error &&
  [error, error.cause].some((e) => e instanceof Error && 'code' in e && e.code === '23505');

function newPin(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/**
 * A new live session in the lobby. Every player sees the questions in one presentation (seeded by
 * the session's id); a PIN is drawn until one is free among the sessions still running.
 */
export async function createLive(
  db: Database,
  content: ServerContent,
  input: {
    teacherId: string;
    title: string;
    questionIds: string[];
    assignmentId: string | null;
    options: LiveOptions;
  },
  now: Date,
): Promise<LiveRow> {
  const id = newId();
  const random = createRandom(`live:${id}`);
  const questions: AskedQuestion[] = input.questionIds.flatMap((questionId) => {
    const current = content.current.get(questionId);
    if (!current) return [];
    const { choiceOrder, leftOrder } = presentQuestion(current.question, random);
    return [{ fingerprint: current.fingerprint, choiceOrder, leftOrder }];
  });
  const engine = createLiveSession(
    questions.map((asked) => asked.fingerprint),
    input.options,
  );
  for (let tries = 0; tries < 20; tries += 1) {
    try {
      const [row] = await db
        .insert(liveSessions)
        .values({
          id,
          teacherId: input.teacherId,
          assignmentId: input.assignmentId,
          title: input.title,
          pin: newPin(),
          questions,
          options: input.options,
          phase: engine.phase,
          questionIndex: engine.index,
          locked: engine.locked,
          distributionShown: engine.distributionShown,
          createdAt: now,
        })
        .returning();
      if (row) return row;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new Error('no free PIN was found');
}

export async function findLive(db: Database, id: string): Promise<LiveRow | undefined> {
  const [row] = await db.select().from(liveSessions).where(eq(liveSessions.id, id));
  return row;
}

export async function findLiveByPin(db: Database, pin: string): Promise<LiveRow | undefined> {
  const [row] = await db
    .select()
    .from(liveSessions)
    .where(and(eq(liveSessions.pin, pin), ne(liveSessions.phase, 'ended')));
  return row;
}

export async function listLive(db: Database, teacherId: string): Promise<LiveRow[]> {
  return db
    .select()
    .from(liveSessions)
    .where(eq(liveSessions.teacherId, teacherId))
    .orderBy(desc(liveSessions.createdAt));
}

/**
 * A session's questions as presented, kept in memory once read: they never change, and every
 * answer needs them. Versions come by fingerprint, so a bank edited mid-session changes nothing.
 */
export function createLiveQuestionCache(versions: QuestionVersions) {
  const cache = new Map<string, LiveQuestion[]>();
  return async (row: Pick<LiveRow, 'id' | 'questions'>): Promise<LiveQuestion[]> => {
    const cached = cache.get(row.id);
    if (cached) return cached;
    const questions = await askedVersions(versions, row.questions);
    if (cache.size > 1_000) cache.clear();
    cache.set(row.id, questions);
    return questions;
  };
}

function toPlayer(row: typeof livePlayers.$inferSelect): LivePlayer {
  return { id: row.id, name: row.name, joinedAt: row.joinedAt.getTime(), removed: row.removed };
}

/** A running countdown is stored as its end, a paused one as the time it had left. */
export function storedCountdown(
  row: Pick<LiveRow, 'countdownEndsAt' | 'countdownPausedMs'>,
): LiveCountdown | null {
  if (row.countdownEndsAt !== null) return { endsAt: row.countdownEndsAt.getTime(), pausedWithMs: null };
  if (row.countdownPausedMs !== null) return { endsAt: null, pausedWithMs: row.countdownPausedMs };
  return null;
}

/** The engine's view of a stored session, with the current question's answers only. */
function toEngineSession(
  row: LiveRow,
  players: LivePlayer[],
  current: Record<string, LiveAnswer>,
): LiveSession {
  return {
    phase: row.phase,
    questionIds: row.questions.map((asked) => asked.fingerprint),
    index: row.questionIndex,
    locked: row.locked,
    distributionShown: row.distributionShown,
    options: row.options,
    players,
    answers: row.questions.map((_, index) => (index === row.questionIndex ? current : {})),
    questionStartedAt: row.questionStartedAt?.getTime() ?? null,
    countdown: storedCountdown(row),
  };
}

function columnsOf(session: LiveSession, now: Date) {
  const countdown = session.countdown;
  return {
    phase: session.phase,
    questionIndex: session.index,
    locked: session.locked,
    distributionShown: session.distributionShown,
    questionStartedAt: session.questionStartedAt === null ? null : new Date(session.questionStartedAt),
    countdownEndsAt: countdown?.endsAt == null ? null : new Date(countdown.endsAt),
    countdownPausedMs: countdown?.endsAt === null ? Math.round(countdown.pausedWithMs) : null,
    ...(session.phase === 'ended' ? { endedAt: now } : {}),
  };
}

/**
 * Applies a host's command under the session's row lock, so commands from two host screens (or two
 * server processes) never interleave, and answers wait for a reveal to be decided. The caller has
 * checked who sent it; `createHostCommandWriter` is the quick way that checks it too.
 */
export async function applyHostCommand(
  db: Database,
  sessionId: string,
  command: LiveCommand,
  now: Date,
): Promise<{ ok: true; row: LiveRow } | Refusal> {
  return applyHostCommandLocked(db, sessionId, command, now);
}

// Host commands sent together, each applied only if its session is still in the state it was
// computed from and its sign-in token still signs in the session's teacher (as `isAlive` in
// auth/sessions.ts has it). The rows are locked in id order first, as the answers and joins lock
// theirs, so two statements that each hold several sessions cannot wait on each other in a circle.
// Two commands for one session in a group: one holds, the other finds the state changed and takes
// the long way.
const APPLY_HOST_COMMANDS = `
  WITH input AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS i(
      ord integer, id text, token_hash text, now timestamptz, idle_since timestamptz,
      was_phase text, was_index integer, was_locked boolean, was_distribution boolean,
      was_started timestamptz, was_ends timestamptz, was_paused integer,
      phase text, question_index integer, locked boolean, distribution_shown boolean,
      question_started_at timestamptz, countdown_ends_at timestamptz, countdown_paused_ms integer,
      ended boolean)
  ),
  held AS (
    SELECT s.id FROM live_sessions s WHERE s.id IN (SELECT id FROM input) ORDER BY s.id FOR UPDATE
  )
  UPDATE live_sessions s SET
    phase = i.phase, question_index = i.question_index, locked = i.locked,
    distribution_shown = i.distribution_shown, question_started_at = i.question_started_at,
    countdown_ends_at = i.countdown_ends_at, countdown_paused_ms = i.countdown_paused_ms,
    ended_at = CASE WHEN i.ended THEN i.now ELSE s.ended_at END
  FROM input i
  WHERE s.id = i.id AND s.id IN (SELECT id FROM held)
    AND s.phase = i.was_phase AND s.question_index = i.was_index AND s.locked = i.was_locked
    AND s.distribution_shown = i.was_distribution
    AND s.question_started_at IS NOT DISTINCT FROM i.was_started
    AND s.countdown_ends_at IS NOT DISTINCT FROM i.was_ends
    AND s.countdown_paused_ms IS NOT DISTINCT FROM i.was_paused
    AND s.teacher_id IN (
      SELECT t.teacher_id FROM sessions t
      WHERE t.token_hash = i.token_hash AND t.expires_at > i.now AND t.last_seen_at > i.idle_since)
  RETURNING i.ord`;

type HostCommandRow = { known: LiveRow; token: string; now: Date; next: ReturnType<typeof columnsOf> };

/**
 * A host command, the quick way: usually one statement, shared with the commands other hosts sent
 * at the same moment, which holds only if the session is still as `known` shows it and the token
 * signs in its teacher. Undefined when it did not hold, or for a removal or a command the session
 * refuses: then the caller takes the long way, which says why.
 */
export type HostCommandWriter = (
  command: LiveCommand,
  now: Date,
  known: LiveRow,
  token: string,
) => Promise<LiveRow | undefined>;

export function createHostCommandWriter(
  database: Pick<DatabaseHandle, 'prepared'>,
  { parallel, sessionIdleMs }: { parallel: number; sessionIdleMs: number },
): HostCommandWriter {
  const time = (value: Date | null) => value?.toISOString() ?? null;
  const write = createBatchQueue<HostCommandRow, boolean>({
    parallel,
    async run(batch) {
      const input = batch.map(({ input: { known, token, now, next } }, ord) => ({
        ord,
        id: known.id,
        token_hash: sha256(token),
        now: now.toISOString(),
        idle_since: new Date(now.getTime() - sessionIdleMs).toISOString(),
        was_phase: known.phase,
        was_index: known.questionIndex,
        was_locked: known.locked,
        was_distribution: known.distributionShown,
        was_started: time(known.questionStartedAt),
        was_ends: time(known.countdownEndsAt),
        was_paused: known.countdownPausedMs,
        phase: next.phase,
        question_index: next.questionIndex,
        locked: next.locked,
        distribution_shown: next.distributionShown,
        question_started_at: time(next.questionStartedAt),
        countdown_ends_at: time(next.countdownEndsAt),
        countdown_paused_ms: next.countdownPausedMs,
        ended: next.phase === 'ended',
      }));
      const applied = await database.prepared('apply-host-commands', APPLY_HOST_COMMANDS, [
        JSON.stringify(input),
      ]);
      const held = new Set(applied.map((row) => Number(row.ord)));
      batch.forEach((waiting, ord) => waiting.done(held.has(ord)));
    },
  });
  return async (command, now, known, token) => {
    if (command.type === 'remove') return undefined;
    const outcome = applyLiveCommand(toEngineSession(known, [], {}), command, {
      now: now.getTime(),
      grade: gradeNothing,
    });
    if (!outcome.ok) return undefined;
    const next = columnsOf(outcome.session, now);
    // The statement sets exactly these columns, so the stored row is the known one with them.
    return (await write({ known, token, now, next })) ? { ...known, ...next } : undefined;
  };
}

async function applyHostCommandLocked(
  db: Database,
  sessionId: string,
  command: LiveCommand,
  now: Date,
): Promise<{ ok: true; row: LiveRow } | Refusal> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(liveSessions).where(eq(liveSessions.id, sessionId)).for('update');
    if (!row) return { ok: false, message: 'This session no longer exists.' };
    const players =
      command.type === 'remove'
        ? (await tx.select().from(livePlayers).where(eq(livePlayers.sessionId, sessionId))).map(toPlayer)
        : [];
    const outcome = applyLiveCommand(toEngineSession(row, players, {}), command, {
      now: now.getTime(),
      grade: () => {
        throw new Error('a host command grades nothing');
      },
    });
    if (!outcome.ok) return { ok: false, message: outcome.message };
    if (command.type === 'remove') {
      await tx
        .update(livePlayers)
        .set({ removed: true })
        .where(and(eq(livePlayers.sessionId, sessionId), eq(livePlayers.id, command.playerId)));
    }
    const [updated] = await tx
      .update(liveSessions)
      .set(columnsOf(outcome.session, now))
      .where(eq(liveSessions.id, sessionId))
      .returning();
    return updated ? { ok: true, row: updated } : { ok: false, message: 'This session no longer exists.' };
  });
}

export type JoinedPlayer = { player: LivePlayer; token: string };

// Players who join together are added by one statement (group commit), each only while their
// session is neither locked nor ended (read under a shared lock, so a "lock" or an "end" waits for
// the joins on their way in) and has room. A name already taken in the session is left out by the
// unique index. Sessions are locked in id order, as by every statement that holds several. Places are counted in arrival order, so at the very limit a name refused as taken
// can still use up a place in its group.
const INSERT_LIVE_PLAYERS = `
  WITH input AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS i(
      ord integer, session_id text, id text, name text, name_key text, token_hash text,
      joined_at timestamptz, max_players integer)
  ),
  open AS (
    SELECT s.id FROM live_sessions s
    WHERE s.id IN (SELECT session_id FROM input) AND s.phase <> 'ended' AND NOT s.locked
    ORDER BY s.id FOR SHARE
  ),
  present AS (
    SELECT p.session_id, count(*)::int AS players FROM live_players p
    WHERE p.session_id IN (SELECT id FROM open) AND NOT p.removed
    GROUP BY p.session_id
  ),
  ranked AS (
    SELECT i.*, row_number() OVER (PARTITION BY i.session_id ORDER BY i.ord) AS place
    FROM input i JOIN open ON open.id = i.session_id
  )
  INSERT INTO live_players (session_id, id, name, name_key, token_hash, joined_at, removed)
  SELECT r.session_id, r.id, r.name, r.name_key, r.token_hash, r.joined_at, false
  FROM ranked r LEFT JOIN present ON present.session_id = r.session_id
  WHERE coalesce(present.players, 0) + r.place <= r.max_players
  ORDER BY r.ord
  ON CONFLICT DO NOTHING
  RETURNING id`;

type NewPlayerRow = {
  sessionId: string;
  id: string;
  name: string;
  nameKey: string;
  tokenHash: string;
  joinedAt: string;
  maxPlayers: number;
};

export type LiveJoinWriter = GroupCommit<NewPlayerRow>;

export function createLiveJoinWriter(
  database: Pick<DatabaseHandle, 'prepared'>,
  { parallel }: { parallel: number },
): LiveJoinWriter {
  return createGroupCommit<NewPlayerRow>({
    parallel,
    keyOf: (row) => row.id,
    async store(batch) {
      const rows = batch.map((row, ord) => ({
        ord,
        session_id: row.sessionId,
        id: row.id,
        name: row.name,
        name_key: row.nameKey,
        token_hash: row.tokenHash,
        joined_at: row.joinedAt,
        max_players: row.maxPlayers,
      }));
      const stored = await database.prepared('insert-live-players', INSERT_LIVE_PLAYERS, [
        JSON.stringify(rows),
      ]);
      return stored.map((row) => String(row.id));
    },
  });
}

/** A new player, or the refusal in words (locked, ended, full, name taken, name unusable). */
export async function joinPlayer(
  db: Database,
  writer: LiveJoinWriter,
  sessionId: string,
  rawName: string,
  maxPlayers: number,
  now: Date,
): Promise<({ ok: true } & JoinedPlayer) | Refusal> {
  const checked = checkPlayerName(rawName);
  if (!checked.ok) return { ok: false, message: checked.message };
  const token = newToken();
  const player: LivePlayer = { id: newId(), name: checked.name, joinedAt: now.getTime(), removed: false };
  const stored = await writer.write({
    sessionId,
    id: player.id,
    name: player.name,
    nameKey: playerNameKey(player.name),
    tokenHash: sha256(token),
    joinedAt: now.toISOString(),
    maxPlayers,
  });
  if (stored) return { ok: true, player, token };
  return { ok: false, message: await whyJoinRefused(db, sessionId, player, maxPlayers, now) };
}

async function whyJoinRefused(
  db: Database,
  sessionId: string,
  player: LivePlayer,
  maxPlayers: number,
  now: Date,
): Promise<string> {
  const row = await findLive(db, sessionId);
  if (!row) return 'There is no session with this PIN.';
  const outcome = applyLiveCommand(
    toEngineSession(row, [], {}),
    { type: 'join', playerId: player.id, name: player.name },
    { now: now.getTime(), grade: gradeNothing },
  );
  if (!outcome.ok) return outcome.message;
  const [count] = await db
    .select({ players: sql<number>`count(*)::int` })
    .from(livePlayers)
    .where(and(eq(livePlayers.sessionId, sessionId), eq(livePlayers.removed, false)));
  if ((count?.players ?? 0) >= maxPlayers) return 'This session is full.';
  return `Someone here is already called “${player.name}”: add an initial.`;
}

function gradeNothing(): Grade {
  throw new Error('joining grades nothing');
}

/** The player a rejoin token belongs to in this session. */
export async function findPlayerByToken(db: Database, sessionId: string, token: string) {
  const [row] = await db
    .select()
    .from(livePlayers)
    .where(and(eq(livePlayers.sessionId, sessionId), eq(livePlayers.tokenHash, sha256(token))));
  return row ? toPlayer(row) : undefined;
}

export async function listPlayers(db: Database, sessionId: string): Promise<LivePlayer[]> {
  const rows = await db
    .select()
    .from(livePlayers)
    .where(eq(livePlayers.sessionId, sessionId))
    .orderBy(asc(livePlayers.joinedAt));
  return rows.map(toPlayer);
}

export type StoredLiveAnswer = typeof liveAnswers.$inferSelect;

export async function answersOf(
  db: Database,
  sessionId: string,
  playerId: string,
): Promise<StoredLiveAnswer[]> {
  return db
    .select()
    .from(liveAnswers)
    .where(and(eq(liveAnswers.sessionId, sessionId), eq(liveAnswers.playerId, playerId)))
    .orderBy(asc(liveAnswers.questionIndex));
}

/**
 * One player's answer to the current question and score so far (revealed questions), read by key.
 * The score sums the points given on arrival, except to questions the teacher has changed since:
 * those answers come back in `revised`, to be graded again (`regradedScores`).
 */
export async function ownProgress(
  db: Database,
  row: Pick<LiveRow, 'id' | 'phase' | 'questionIndex' | 'teacherId'>,
  playerId: string,
): Promise<{
  answer: StoredLiveAnswer | undefined;
  score: LiveScore | undefined;
  revised: RevisedLiveAnswer[];
}> {
  // Before the first question nobody has answered anything.
  if (row.questionIndex < 0) return { answer: undefined, score: undefined, revised: [] };
  const last = lastCountedQuestion(row);
  const counted = and(
    eq(liveAnswers.sessionId, row.id),
    eq(liveAnswers.playerId, playerId),
    lte(liveAnswers.questionIndex, last),
  );
  const [[answer], [score], revised] = await Promise.all([
    db
      .select()
      .from(liveAnswers)
      .where(
        and(
          eq(liveAnswers.sessionId, row.id),
          eq(liveAnswers.questionIndex, row.questionIndex),
          eq(liveAnswers.playerId, playerId),
        ),
      ),
    last < 0
      ? Promise.resolve([{ points: 0, bonus: 0 }])
      : db
          .select({
            points: sql<number>`coalesce(sum(${liveAnswers.points}), 0)::float8`,
            bonus: sql<number>`coalesce(sum(${liveAnswers.bonus}), 0)::float8`,
          })
          .from(liveAnswers)
          .where(and(counted, sql`NOT ${isRevised(row.teacherId)}`)),
    last < 0
      ? Promise.resolve([])
      : db
          .select({
            playerId: liveAnswers.playerId,
            questionIndex: liveAnswers.questionIndex,
            response: liveAnswers.response,
            points: liveAnswers.points,
            bonus: liveAnswers.bonus,
          })
          .from(liveAnswers)
          .where(and(counted, isRevised(row.teacherId))),
  ]);
  return {
    answer,
    score: score && { playerId, points: Number(score.points), bonus: Number(score.bonus) },
    revised,
  };
}

/** The live answer's question has been changed by the teacher since (a revision exists). */
function isRevised(teacherId: string) {
  return sql`EXISTS (SELECT 1 FROM ${questionChanges} c
    WHERE c.teacher_id = ${teacherId} AND c.from_fingerprint = ${liveAnswers.questionFingerprint})`;
}

export async function allAnswers(db: Database, sessionId: string): Promise<StoredLiveAnswer[]> {
  return db.select().from(liveAnswers).where(eq(liveAnswers.sessionId, sessionId));
}

// Answers that arrive together are stored by one statement (group commit): each only while its
// question is open (phase, index and countdown read under a shared lock, so a reveal being written
// waits for the answers on their way in, and they for it; in id order, as joins and host commands
// lock theirs), from a player still in the session, and at most once per player and question.
const INSERT_LIVE_ANSWERS = `
  WITH input AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS i(
      ord integer, session_id text, question_index integer, player_id text,
      question_fingerprint text, response jsonb, points double precision, bonus double precision,
      verdict text, grade jsonb, received_at timestamptz)
  ),
  open AS (
    SELECT s.id, s.question_index, s.countdown_ends_at FROM live_sessions s
    WHERE s.id IN (SELECT session_id FROM input) AND s.phase = 'question'
    ORDER BY s.id FOR SHARE
  )
  INSERT INTO live_answers (session_id, question_index, player_id, question_fingerprint, response,
    points, bonus, verdict, grade, received_at)
  SELECT i.session_id, i.question_index, i.player_id, i.question_fingerprint, i.response,
    i.points, i.bonus, i.verdict, i.grade, i.received_at
  FROM input i
  JOIN open ON open.id = i.session_id AND open.question_index = i.question_index
  JOIN live_players p ON p.session_id = i.session_id AND p.id = i.player_id AND NOT p.removed
  WHERE open.countdown_ends_at IS NULL OR open.countdown_ends_at > i.received_at
  ORDER BY i.ord
  ON CONFLICT DO NOTHING
  RETURNING session_id, question_index, player_id`;

type LiveAnswerRow = {
  sessionId: string;
  index: number;
  playerId: string;
  fingerprint: string;
  response: StudentResponse;
  points: number;
  bonus: number;
  verdict: string;
  grade: Grade;
  receivedAt: string;
};

export type LiveAnswerWriter = GroupCommit<LiveAnswerRow>;

export function createLiveAnswerWriter(
  database: Pick<DatabaseHandle, 'prepared'>,
  { parallel }: { parallel: number },
): LiveAnswerWriter {
  const keyOf = (sessionId: unknown, index: unknown, playerId: unknown) =>
    `${String(sessionId)} ${String(index)} ${String(playerId)}`;
  return createGroupCommit<LiveAnswerRow>({
    parallel,
    keyOf: (row) => keyOf(row.sessionId, row.index, row.playerId),
    async store(batch) {
      const rows = batch.map((row, ord) => ({
        ord,
        session_id: row.sessionId,
        question_index: row.index,
        player_id: row.playerId,
        question_fingerprint: row.fingerprint,
        response: row.response,
        points: row.points,
        bonus: row.bonus,
        verdict: row.verdict,
        grade: row.grade,
        received_at: row.receivedAt,
      }));
      const stored = await database.prepared('insert-live-answers', INSERT_LIVE_ANSWERS, [
        JSON.stringify(rows),
      ]);
      return stored.map((row) => keyOf(row.session_id, row.question_index, row.player_id));
    },
  });
}

/**
 * Records one answer, graded on arrival, and resolves only once it is committed. When nothing
 * was stored, the engine's rules say why.
 */
export async function recordLiveAnswer(
  db: Database,
  writer: LiveAnswerWriter,
  row: LiveRow,
  question: LiveQuestion,
  playerId: string,
  index: number,
  sent: StudentResponse,
  now: Date,
): Promise<{ ok: true; feedback: Feedback } | Refusal> {
  const translated = translateResponse(question.presented, sent);
  if (!translated.ok) return { ok: false, message: `This answer cannot be read: ${translated.problem}.` };
  const grade = gradeAnswer(question.presented, translated.response);
  const bonus = speedBonus(
    row.options,
    row.questionStartedAt?.getTime() ?? null,
    grade.points,
    now.getTime(),
  );
  const stored = await writer.write({
    sessionId: row.id,
    index,
    playerId,
    fingerprint: question.fingerprint,
    response: sent,
    points: grade.points,
    bonus,
    verdict: grade.verdict,
    grade,
    receivedAt: now.toISOString(),
  });
  if (stored) {
    return { ok: true, feedback: { presented: question.presented, response: translated.response, grade } };
  }
  return { ok: false, message: await whyAnswerRefused(db, row.id, playerId, index, now) };
}

async function whyAnswerRefused(
  db: Database,
  sessionId: string,
  playerId: string,
  index: number,
  now: Date,
): Promise<string> {
  const row = await findLive(db, sessionId);
  if (!row) return 'This session no longer exists.';
  if (row.questionIndex !== index) return 'Answers are closed for this question.';
  const [playerRow] = await db
    .select()
    .from(livePlayers)
    .where(and(eq(livePlayers.sessionId, sessionId), eq(livePlayers.id, playerId)));
  const [given] = await db
    .select()
    .from(liveAnswers)
    .where(
      and(
        eq(liveAnswers.sessionId, sessionId),
        eq(liveAnswers.questionIndex, index),
        eq(liveAnswers.playerId, playerId),
      ),
    );
  const current: Record<string, LiveAnswer> = given
    ? {
        [playerId]: {
          response: given.response as LearnerResponse,
          grade: given.grade as Grade,
          answeredAt: 0,
          bonus: 0,
        },
      }
    : {};
  const outcome = applyLiveCommand(
    toEngineSession(row, playerRow ? [toPlayer(playerRow)] : [], current),
    { type: 'answer', playerId, response: { type: 'single', choice: null } },
    { now: now.getTime(), grade: (questionId) => ({ ...blankGrade, questionId }) },
  );
  return outcome.ok ? 'Answers are closed for this question.' : outcome.message;
}

const blankGrade: Grade = {
  questionId: '',
  points: 0,
  maxPoints: 1,
  verdict: 'unanswered',
  isCorrect: false,
  given: '',
  expected: '',
};

export type LiveScore = { playerId: string; points: number; bonus: number };

/** A counted answer to a question the session's teacher has changed since: its points are not kept. */
export type RevisedLiveAnswer = {
  playerId: string;
  questionIndex: number;
  response: unknown;
  points: number;
  bonus: number;
};

/**
 * The last question whose points count: an answer is graded on arrival, but its points must not
 * tell the player (or the room) whether it was right before the reveal.
 */
export function lastCountedQuestion(row: Pick<LiveRow, 'phase' | 'questionIndex'>): number {
  return row.phase === 'reveal' || row.phase === 'ended' ? row.questionIndex : row.questionIndex - 1;
}

/**
 * What a session's screens show besides its row: who plays, who answered the current question, and
 * the scores, which sum the points given on arrival except to questions the teacher has changed
 * since; those answers are in `revised`, to be graded again (`regradedScores`).
 */
export type LiveRoomState = {
  players: LivePlayer[];
  current: StoredLiveAnswer[];
  scores: LiveScore[];
  revised: RevisedLiveAnswer[];
};

type RoomStateRow = {
  ord: number;
  players: { id: string; name: string; joinedAt: string; removed: boolean }[];
  current: (Omit<StoredLiveAnswer, 'receivedAt'> & { receivedAt: string })[];
  scores: LiveScore[];
  revised: RevisedLiveAnswer[];
};

// For each room asked for: its players, the answers to its current question, its scores (points
// given on arrival) and, apart, the counted answers to questions its teacher has changed since (to be
// graded again: `regradedScores`), each as one JSON array, so that one statement serves any number of rooms.
const READ_ROOM_STATES = `
  WITH input AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS i(
      ord integer, session_id text, question_index integer, last_counted integer, teacher_id text)
  ),
  counted AS (
    SELECT i.ord, a.player_id, a.question_index, a.response, a.points, a.bonus,
      EXISTS (SELECT 1 FROM question_changes c
        WHERE c.teacher_id = i.teacher_id AND c.from_fingerprint = a.question_fingerprint) AS is_revised
    FROM input i JOIN live_answers a ON a.session_id = i.session_id AND a.question_index <= i.last_counted
  )
  SELECT i.ord,
    (SELECT coalesce(json_agg(json_build_object(
        'id', p.id, 'name', p.name, 'joinedAt', p.joined_at, 'removed', p.removed) ORDER BY p.joined_at), '[]')
      FROM live_players p WHERE p.session_id = i.session_id) AS players,
    (SELECT coalesce(json_agg(json_build_object(
        'sessionId', a.session_id, 'questionIndex', a.question_index, 'playerId', a.player_id,
        'questionFingerprint', a.question_fingerprint, 'response', a.response, 'points', a.points,
        'bonus', a.bonus, 'verdict', a.verdict, 'grade', a.grade, 'receivedAt', a.received_at)), '[]')
      FROM live_answers a WHERE a.session_id = i.session_id AND a.question_index = i.question_index) AS current,
    (SELECT coalesce(json_agg(s), '[]') FROM (
      SELECT player_id AS "playerId", sum(points)::float8 AS points, sum(bonus)::float8 AS bonus
      FROM counted c WHERE c.ord = i.ord AND NOT c.is_revised
      GROUP BY player_id) s) AS scores,
    (SELECT coalesce(json_agg(json_build_object(
        'playerId', c.player_id, 'questionIndex', c.question_index, 'response', c.response,
        'points', c.points, 'bonus', c.bonus)), '[]')
      FROM counted c WHERE c.ord = i.ord AND c.is_revised) AS revised
  FROM input i`;

function toRoomState(parts: RoomStateRow): LiveRoomState {
  return {
    players: parts.players.map((player) => ({
      id: player.id,
      name: player.name,
      joinedAt: Date.parse(player.joinedAt),
      removed: player.removed,
    })),
    current: parts.current.map((answer) => ({ ...answer, receivedAt: new Date(answer.receivedAt) })),
    scores: parts.scores.map((score) => ({
      playerId: score.playerId,
      points: Number(score.points),
      bonus: Number(score.bonus),
    })),
    revised: parts.revised.map((answer) => ({
      ...answer,
      points: Number(answer.points),
      bonus: Number(answer.bonus),
    })),
  };
}

export type RoomStateReader = (
  row: Pick<LiveRow, 'id' | 'phase' | 'questionIndex' | 'teacherId'>,
) => Promise<LiveRoomState>;

/**
 * Reads rooms' states, those asked for together in one statement: every host command re-reads its
 * room, and fifty rooms revealing at once would otherwise queue fifty reads on PGlite's single
 * connection ahead of the answers.
 */
export function createRoomStateReader(
  database: Pick<DatabaseHandle, 'prepared'>,
  { parallel }: { parallel: number },
): RoomStateReader {
  return createBatchQueue<Pick<LiveRow, 'id' | 'phase' | 'questionIndex' | 'teacherId'>, LiveRoomState>({
    parallel,
    async run(batch) {
      const input = batch.map(({ input: row }, ord) => ({
        ord,
        session_id: row.id,
        question_index: row.questionIndex,
        last_counted: lastCountedQuestion(row),
        teacher_id: row.teacherId,
      }));
      const result = await database.prepared('read-room-states', READ_ROOM_STATES, [JSON.stringify(input)]);
      const byOrd = new Map((result as RoomStateRow[]).map((parts) => [Number(parts.ord), parts]));
      batch.forEach((waiting, ord) => {
        const parts = byOrd.get(ord);
        if (parts) waiting.done(toRoomState(parts));
        else waiting.failed(new Error('the room state query left a room out'));
      });
    },
  });
}
