import type { LearnerResponse } from '../domain/learner-response';
import { foldWhitespace } from '../domain/fold-text';
import type { Grade } from './grade';

/**
 * A live class session as a pure state machine: the server keeps the state in its database and
 * applies commands from the host and the players to it; every rule of the session lives here, so
 * the same rules hold in one process or in several, and every illegal move is refused with words.
 */

export type LivePhase = 'lobby' | 'question' | 'reveal' | 'ended';

export type LiveOptions = {
  /** Seconds per question; null for no countdown (the default: slow readers are not shut out). */
  countdownSeconds: number | null;
  /** Extra points for answering quickly; never the only way to score, off by default. */
  speedPoints: boolean;
  leaderboard: boolean;
};

export const DEFAULT_LIVE_OPTIONS: LiveOptions = {
  countdownSeconds: null,
  speedPoints: false,
  leaderboard: false,
};

export const LIVE_LIMITS = {
  nameLength: 40,
  players: 2_000,
  countdownSeconds: 600,
  extendSeconds: 300,
} as const;

export type LivePlayer = { id: string; name: string; joinedAt: number; removed: boolean };

export type LiveAnswer = { response: LearnerResponse; grade: Grade; answeredAt: number; bonus: number };

/** The countdown of the current question: running until `endsAt`, or paused with time left. */
export type LiveCountdown = { endsAt: number; pausedWithMs: null } | { endsAt: null; pausedWithMs: number };

export type LiveSession = {
  phase: LivePhase;
  questionIds: readonly string[];
  /** The question shown or revealed; -1 in the lobby. */
  index: number;
  locked: boolean;
  /** The host has asked to show the room's answers before the reveal. */
  distributionShown: boolean;
  options: LiveOptions;
  players: readonly LivePlayer[];
  /** Answers per question index, by player id. */
  answers: readonly Readonly<Record<string, LiveAnswer>>[];
  questionStartedAt: number | null;
  countdown: LiveCountdown | null;
};

export type LiveCommand =
  | { type: 'join'; playerId: string; name: string }
  | { type: 'lock' }
  | { type: 'unlock' }
  | { type: 'remove'; playerId: string }
  | { type: 'start' }
  | { type: 'answer'; playerId: string; response: LearnerResponse }
  | { type: 'show-distribution' }
  | { type: 'reveal' }
  | { type: 'next' }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'extend'; seconds: number }
  | { type: 'end' };

export type LiveRefusal =
  | 'wrong-phase'
  | 'locked'
  | 'full'
  | 'bad-name'
  | 'name-taken'
  | 'unknown-player'
  | 'removed'
  | 'already-answered'
  | 'time-up'
  | 'no-countdown'
  | 'bad-value';

export type LiveOutcome =
  { ok: true; session: LiveSession } | { ok: false; refusal: LiveRefusal; message: string };

export type LiveContext = {
  now: number;
  /** Grades a response to a question of the session with the same engine as every other quiz. */
  grade: (questionId: string, response: LearnerResponse) => Grade;
};

export function createLiveSession(questionIds: readonly string[], options: LiveOptions): LiveSession {
  return {
    phase: 'lobby',
    questionIds,
    index: -1,
    locked: false,
    distributionShown: false,
    options,
    players: [],
    answers: questionIds.map(() => ({})),
    questionStartedAt: null,
    countdown: null,
  };
}

function refuse(refusal: LiveRefusal, message: string): LiveOutcome {
  return { ok: false, refusal, message };
}

function accept(session: LiveSession): LiveOutcome {
  return { ok: true, session };
}

/**
 * A player's name as shown: spacing folded, control characters refused. Markup is allowed, since
 * every screen shows names as text. Returns the message to show when the name cannot be used.
 */
export function checkPlayerName(name: string): { ok: true; name: string } | { ok: false; message: string } {
  const folded = foldWhitespace(name);
  if (folded === '') return { ok: false, message: 'Type a name so your teacher knows who you are.' };
  if (/\p{Cc}/u.test(folded))
    return { ok: false, message: 'The name holds characters that cannot be shown.' };
  if ([...folded].length > LIVE_LIMITS.nameLength) {
    return { ok: false, message: `Names are at most ${LIVE_LIMITS.nameLength} characters.` };
  }
  return { ok: true, name: folded };
}

/** Names compare without case or accents, so "Ana" and "ana" cannot both join. */
export function playerNameKey(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

export function activePlayers(session: LiveSession): LivePlayer[] {
  return session.players.filter((player) => !player.removed);
}

export function remainingMs(session: Pick<LiveSession, 'countdown'>, now: number): number | null {
  const countdown = session.countdown;
  if (!countdown) return null;
  if (countdown.endsAt === null) return countdown.pausedWithMs;
  return Math.max(0, countdown.endsAt - now);
}

function join(session: LiveSession, playerId: string, rawName: string, now: number): LiveOutcome {
  if (session.phase === 'ended') return refuse('wrong-phase', 'This session has ended.');
  if (session.locked) return refuse('locked', 'The teacher has locked this session: ask them to let you in.');
  const known = session.players.find((player) => player.id === playerId);
  if (known) {
    return known.removed
      ? refuse('removed', 'The teacher has removed you from this session.')
      : accept(session);
  }
  if (activePlayers(session).length >= LIVE_LIMITS.players) return refuse('full', 'This session is full.');
  const checked = checkPlayerName(rawName);
  if (!checked.ok) return refuse('bad-name', checked.message);
  if (activePlayers(session).some((player) => playerNameKey(player.name) === playerNameKey(checked.name))) {
    return refuse('name-taken', `Someone here is already called “${checked.name}”: add an initial.`);
  }
  const player: LivePlayer = { id: playerId, name: checked.name, joinedAt: now, removed: false };
  return accept({ ...session, players: [...session.players, player] });
}

function showQuestion(session: LiveSession, index: number, now: number): LiveSession {
  const seconds = session.options.countdownSeconds;
  return {
    ...session,
    phase: 'question',
    index,
    distributionShown: false,
    questionStartedAt: now,
    countdown: seconds === null ? null : { endsAt: now + seconds * 1000, pausedWithMs: null },
  };
}

/** Up to half a point more for a right answer given early in the countdown (or in 30 s without one). */
export function speedBonus(
  options: LiveOptions,
  questionStartedAt: number | null,
  points: number,
  now: number,
): number {
  if (!options.speedPoints || points === 0 || questionStartedAt === null) return 0;
  const windowMs = (options.countdownSeconds ?? 30) * 1000;
  const elapsed = now - questionStartedAt;
  return Math.round(points * 0.5 * Math.max(0, 1 - elapsed / windowMs) * 100) / 100;
}

function answer(
  session: LiveSession,
  playerId: string,
  response: LearnerResponse,
  context: LiveContext,
): LiveOutcome {
  if (session.phase !== 'question') {
    return refuse('wrong-phase', 'Answers are closed for this question.');
  }
  const player = session.players.find((candidate) => candidate.id === playerId);
  if (!player) return refuse('unknown-player', 'Join the session before answering.');
  if (player.removed) return refuse('removed', 'The teacher has removed you from this session.');
  const given = session.answers[session.index] ?? {};
  if (given[playerId]) return refuse('already-answered', 'You have already answered this question.');
  if (remainingMs(session, context.now) === 0) return refuse('time-up', 'Time is up for this question.');
  const questionId = session.questionIds[session.index] ?? '';
  const grade = context.grade(questionId, response);
  const recorded: LiveAnswer = {
    response,
    grade,
    answeredAt: context.now,
    bonus: speedBonus(session.options, session.questionStartedAt, grade.points, context.now),
  };
  const answers = session.answers.map((byPlayer, index) =>
    index === session.index ? { ...byPlayer, [playerId]: recorded } : byPlayer,
  );
  return accept({ ...session, answers });
}

function changeCountdown(
  session: LiveSession,
  command: 'pause' | 'resume' | number,
  now: number,
): LiveOutcome {
  if (session.phase !== 'question') return refuse('wrong-phase', 'There is no question running.');
  const countdown = session.countdown;
  if (!countdown) return refuse('no-countdown', 'This question has no countdown.');
  const left = remainingMs(session, now) ?? 0;
  if (command === 'pause') return accept({ ...session, countdown: { endsAt: null, pausedWithMs: left } });
  if (command === 'resume') {
    return countdown.endsAt === null
      ? accept({ ...session, countdown: { endsAt: now + left, pausedWithMs: null } })
      : accept(session);
  }
  if (!Number.isInteger(command) || command < 1 || command > LIVE_LIMITS.extendSeconds) {
    return refuse('bad-value', `Extend by 1 to ${LIVE_LIMITS.extendSeconds} seconds.`);
  }
  const extended: LiveCountdown =
    countdown.endsAt === null
      ? { endsAt: null, pausedWithMs: left + command * 1000 }
      : { endsAt: now + left + command * 1000, pausedWithMs: null };
  return accept({ ...session, countdown: extended });
}

/** Applies one command from the host or a player; the session is never changed in place. */
export function applyLiveCommand(
  session: LiveSession,
  command: LiveCommand,
  context: LiveContext,
): LiveOutcome {
  const { now } = context;
  switch (command.type) {
    case 'join':
      return join(session, command.playerId, command.name, now);
    case 'lock':
    case 'unlock':
      if (session.phase === 'ended') return refuse('wrong-phase', 'This session has ended.');
      return accept({ ...session, locked: command.type === 'lock' });
    case 'remove': {
      if (!session.players.some((player) => player.id === command.playerId)) {
        return refuse('unknown-player', 'There is no such player in this session.');
      }
      const players = session.players.map((player) =>
        player.id === command.playerId ? { ...player, removed: true } : player,
      );
      return accept({ ...session, players });
    }
    case 'start':
      if (session.phase !== 'lobby') return refuse('wrong-phase', 'The session has already started.');
      if (session.questionIds.length === 0) return refuse('wrong-phase', 'This session has no questions.');
      return accept(showQuestion(session, 0, now));
    case 'answer':
      return answer(session, command.playerId, command.response, context);
    case 'show-distribution':
      if (session.phase !== 'question') return refuse('wrong-phase', 'There is no question running.');
      return accept({ ...session, distributionShown: true });
    case 'reveal':
      if (session.phase !== 'question') return refuse('wrong-phase', 'There is no question to reveal.');
      return accept({ ...session, phase: 'reveal', distributionShown: true, countdown: null });
    case 'next':
      if (session.phase !== 'reveal') return refuse('wrong-phase', 'Reveal the answer before moving on.');
      if (session.index + 1 >= session.questionIds.length) {
        return accept({ ...session, phase: 'ended', questionStartedAt: null });
      }
      return accept(showQuestion(session, session.index + 1, now));
    case 'pause':
    case 'resume':
      return changeCountdown(session, command.type, now);
    case 'extend':
      return changeCountdown(session, command.seconds, now);
    case 'end':
      if (session.phase === 'ended') return refuse('wrong-phase', 'This session has already ended.');
      return accept({ ...session, phase: 'ended', countdown: null, questionStartedAt: null });
  }
}

export type LiveStanding = { playerId: string; name: string; points: number; bonus: number; total: number };

/** Every active player's score so far, best first; ties keep the order of joining. */
export function liveStandings(session: LiveSession): LiveStanding[] {
  const standings = activePlayers(session).map((player) => {
    let points = 0;
    let bonus = 0;
    for (const byPlayer of session.answers) {
      const given = byPlayer[player.id];
      if (given) {
        points += given.grade.points;
        bonus += given.bonus;
      }
    }
    const round = (value: number) => Math.round(value * 100) / 100;
    return {
      playerId: player.id,
      name: player.name,
      points: round(points),
      bonus: round(bonus),
      total: round(points + bonus),
    };
  });
  return standings.sort((a, b) => b.total - a.total);
}

/** "17 of 24 answered": active players who answered the current question, of all active players. */
export function answeredCount(session: LiveSession): { answered: number; of: number } {
  const players = activePlayers(session);
  const given = session.answers[session.index] ?? {};
  return { answered: players.filter((player) => given[player.id]).length, of: players.length };
}

/** How the room answered the current question: by readable answer, most given first. */
export function liveDistribution(session: LiveSession): { given: string; count: number; isRight: boolean }[] {
  const counts = new Map<string, { given: string; count: number; isRight: boolean }>();
  const activeIds = new Set(activePlayers(session).map((player) => player.id));
  for (const [playerId, given] of Object.entries(session.answers[session.index] ?? {})) {
    if (!activeIds.has(playerId)) continue;
    const entry = counts.get(given.grade.given) ?? {
      given: given.grade.given,
      count: 0,
      isRight: given.grade.isCorrect,
    };
    entry.count += 1;
    counts.set(given.grade.given, entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count);
}
