import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Question } from '@/domain/question';
import { gradeAnswer } from '@/engine/grade-answer';
import {
  answeredCount,
  applyLiveCommand,
  checkPlayerName,
  createLiveSession,
  DEFAULT_LIVE_OPTIONS,
  liveDistribution,
  liveStandings,
  remainingMs,
  type LiveCommand,
  type LiveContext,
  type LiveOptions,
  type LiveSession,
} from '@/engine/live-session';
import { makeQuestions } from '../kit/factories';

const questions = makeQuestions(3);
const byId = new Map<string, Question>(questions.map((question) => [question.id, question]));

function context(now: number): LiveContext {
  return {
    now,
    grade: (questionId, response) => gradeAnswer(byId.get(questionId)!, response),
  };
}

function run(session: LiveSession, commands: LiveCommand[], now = 1_000): LiveSession {
  return commands.reduce((current, command) => {
    const outcome = applyLiveCommand(current, command, context(now));
    if (!outcome.ok) throw new Error(`${command.type} refused: ${outcome.message}`);
    return outcome.session;
  }, session);
}

function refusalOf(session: LiveSession, command: LiveCommand, now = 1_000): string | undefined {
  const outcome = applyLiveCommand(session, command, context(now));
  return outcome.ok ? undefined : outcome.refusal;
}

function newSession(options: Partial<LiveOptions> = {}): LiveSession {
  return createLiveSession(
    questions.map((question) => question.id),
    { ...DEFAULT_LIVE_OPTIONS, ...options },
  );
}

const right = { type: 'single', choice: 'a' } as const;
const wrong = { type: 'single', choice: 'b' } as const;

describe('a live session', () => {
  it('goes from the lobby through each question and its reveal to the end', () => {
    let session = run(newSession(), [
      { type: 'join', playerId: 'p1', name: 'Ada' },
      { type: 'join', playerId: 'p2', name: 'Zed' },
      { type: 'start' },
    ]);
    expect(session.phase).toBe('question');
    expect(session.index).toBe(0);
    session = run(session, [{ type: 'answer', playerId: 'p1', response: right }]);
    expect(answeredCount(session)).toEqual({ answered: 1, of: 2 });
    session = run(session, [{ type: 'answer', playerId: 'p2', response: wrong }, { type: 'reveal' }]);
    expect(session.phase).toBe('reveal');
    expect(liveDistribution(session)).toEqual([
      { given: 'Right answer 1', count: 1, isRight: true },
      { given: 'Wrong answer 1', count: 1, isRight: false },
    ]);
    session = run(session, [
      { type: 'next' },
      { type: 'reveal' },
      { type: 'next' },
      { type: 'reveal' },
      { type: 'next' },
    ]);
    expect(session.phase).toBe('ended');
    expect(liveStandings(session).map((standing) => [standing.name, standing.total])).toEqual([
      ['Ada', 1],
      ['Zed', 0],
    ]);
  });

  it('refuses every move out of turn, with a message', () => {
    const lobby = run(newSession(), [{ type: 'join', playerId: 'p1', name: 'Ada' }]);
    expect(refusalOf(lobby, { type: 'answer', playerId: 'p1', response: right })).toBe('wrong-phase');
    expect(refusalOf(lobby, { type: 'reveal' })).toBe('wrong-phase');
    expect(refusalOf(lobby, { type: 'next' })).toBe('wrong-phase');
    expect(refusalOf(lobby, { type: 'show-distribution' })).toBe('wrong-phase');
    const asking = run(lobby, [{ type: 'start' }]);
    expect(refusalOf(asking, { type: 'start' })).toBe('wrong-phase');
    expect(refusalOf(asking, { type: 'next' })).toBe('wrong-phase');
    const revealed = run(asking, [{ type: 'reveal' }]);
    expect(refusalOf(revealed, { type: 'answer', playerId: 'p1', response: right })).toBe('wrong-phase');
    const ended = run(revealed, [{ type: 'end' }]);
    for (const command of [
      { type: 'join', playerId: 'p9', name: 'Late' },
      { type: 'start' },
      { type: 'end' },
      { type: 'lock' },
    ] as LiveCommand[]) {
      expect(refusalOf(ended, command)).toBe('wrong-phase');
    }
    expect(createLiveSession([], DEFAULT_LIVE_OPTIONS).phase).toBe('lobby');
    expect(refusalOf(createLiveSession([], DEFAULT_LIVE_OPTIONS), { type: 'start' })).toBe('wrong-phase');
  });

  it('keeps one answer per player per question, and only from players who joined', () => {
    const asking = run(newSession(), [{ type: 'join', playerId: 'p1', name: 'Ada' }, { type: 'start' }]);
    const answered = run(asking, [{ type: 'answer', playerId: 'p1', response: wrong }]);
    expect(refusalOf(answered, { type: 'answer', playerId: 'p1', response: right })).toBe('already-answered');
    expect(answered.answers[0]!['p1']!.grade.verdict).toBe('wrong');
    expect(refusalOf(asking, { type: 'answer', playerId: 'stranger', response: right })).toBe(
      'unknown-player',
    );
  });

  it('lets a player back in with the same id, and keeps removed players out', () => {
    const joined = run(newSession(), [{ type: 'join', playerId: 'p1', name: 'Ada' }, { type: 'start' }]);
    const answered = run(joined, [{ type: 'answer', playerId: 'p1', response: right }]);
    const rejoined = run(answered, [{ type: 'join', playerId: 'p1', name: 'Whatever' }]);
    expect(rejoined.players).toHaveLength(1);
    expect(rejoined.answers[0]!['p1']).toBeDefined();
    const removed = run(rejoined, [{ type: 'remove', playerId: 'p1' }]);
    expect(refusalOf(removed, { type: 'join', playerId: 'p1', name: 'Ada' })).toBe('removed');
    expect(answeredCount(removed)).toEqual({ answered: 0, of: 0 });
    expect(liveStandings(removed)).toEqual([]);
  });

  it('turns newcomers away while locked, and lets them in once unlocked', () => {
    const locked = run(newSession(), [{ type: 'lock' }]);
    expect(refusalOf(locked, { type: 'join', playerId: 'p1', name: 'Ada' })).toBe('locked');
    const open = run(locked, [{ type: 'unlock' }, { type: 'join', playerId: 'p1', name: 'Ada' }]);
    expect(open.players).toHaveLength(1);
  });

  it('keeps names unique without regard to case or accents', () => {
    const session = run(newSession(), [{ type: 'join', playerId: 'p1', name: 'Éva  Kiss' }]);
    expect(session.players[0]!.name).toBe('Éva Kiss');
    expect(refusalOf(session, { type: 'join', playerId: 'p2', name: 'eva kiss' })).toBe('name-taken');
    expect(refusalOf(session, { type: 'join', playerId: 'p2', name: '   ' })).toBe('bad-name');
  });
});

describe('player names', () => {
  it('are shown as typed, markup included, and refused when empty, too long or unprintable', () => {
    expect(checkPlayerName('<b>Ada</b>')).toEqual({ ok: true, name: '<b>Ada</b>' });
    expect(checkPlayerName('a'.repeat(41)).ok).toBe(false);
    expect(checkPlayerName('Ada\u0000').ok).toBe(false);
    expect(checkPlayerName('\t').ok).toBe(false);
  });
});

describe('the countdown', () => {
  it('is off by default, and a question without one never times out', () => {
    const asking = run(newSession(), [{ type: 'join', playerId: 'p1', name: 'Ada' }, { type: 'start' }]);
    expect(asking.countdown).toBeNull();
    expect(refusalOf(asking, { type: 'pause' })).toBe('no-countdown');
    expect(
      refusalOf(asking, { type: 'answer', playerId: 'p1', response: right }, 10_000_000),
    ).toBeUndefined();
  });

  it('refuses answers once time is up, and can be paused and extended', () => {
    const asking = run(newSession({ countdownSeconds: 20 }), [
      { type: 'join', playerId: 'p1', name: 'Ada' },
      { type: 'start' },
    ]);
    expect(remainingMs(asking, 11_000)).toBe(10_000);
    expect(refusalOf(asking, { type: 'answer', playerId: 'p1', response: right }, 21_000)).toBe('time-up');
    const paused = applyLiveCommand(asking, { type: 'pause' }, context(11_000));
    if (!paused.ok) throw new Error(paused.message);
    expect(remainingMs(paused.session, 999_999)).toBe(10_000);
    const extended = applyLiveCommand(paused.session, { type: 'extend', seconds: 5 }, context(50_000));
    if (!extended.ok) throw new Error(extended.message);
    const resumed = applyLiveCommand(extended.session, { type: 'resume' }, context(60_000));
    if (!resumed.ok) throw new Error(resumed.message);
    expect(remainingMs(resumed.session, 60_000)).toBe(15_000);
    expect(
      refusalOf(resumed.session, { type: 'answer', playerId: 'p1', response: right }, 74_000),
    ).toBeUndefined();
    expect(refusalOf(resumed.session, { type: 'extend', seconds: 0 }, 60_000)).toBe('bad-value');
  });
});

describe('scoring', () => {
  it('gives the engine’s points, and speed points only when chosen', () => {
    const commands: LiveCommand[] = [
      { type: 'join', playerId: 'p1', name: 'Ada' },
      { type: 'start' },
      { type: 'answer', playerId: 'p1', response: right },
    ];
    expect(liveStandings(run(newSession(), commands))[0]).toMatchObject({ points: 1, bonus: 0, total: 1 });
    const quick = run(newSession({ speedPoints: true, countdownSeconds: 20 }), commands);
    expect(liveStandings(quick)[0]).toMatchObject({ points: 1, bonus: 0.5, total: 1.5 });
    const wrongQuick = run(newSession({ speedPoints: true }), [
      { type: 'join', playerId: 'p1', name: 'Ada' },
      { type: 'start' },
      { type: 'answer', playerId: 'p1', response: wrong },
    ]);
    expect(liveStandings(wrongQuick)[0]).toMatchObject({ total: 0 });
  });
});

describe('any sequence of commands', () => {
  const command = fc.oneof(
    fc.record({
      type: fc.constant('join' as const),
      playerId: fc.constantFrom('p1', 'p2', 'p3'),
      name: fc.string(),
    }),
    fc.constantFrom<LiveCommand>(
      { type: 'lock' },
      { type: 'unlock' },
      { type: 'start' },
      { type: 'reveal' },
      { type: 'next' },
      { type: 'show-distribution' },
      { type: 'pause' },
      { type: 'resume' },
      { type: 'end' },
      { type: 'remove', playerId: 'p2' },
    ),
    fc.record({
      type: fc.constant('answer' as const),
      playerId: fc.constantFrom('p1', 'p2', 'p3'),
      response: fc.constantFrom(right, wrong),
    }),
  );

  it('never throws, keeps names unique and never scores above the most a player can earn', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 40 }), (commands) => {
        let session = newSession({ countdownSeconds: 30, speedPoints: true });
        let now = 0;
        for (const next of commands) {
          now += 1_000;
          const outcome = applyLiveCommand(session, next, context(now));
          if (outcome.ok) session = outcome.session;
          else expect(outcome.message).not.toBe('');
        }
        expect(session.index).toBeLessThan(questions.length);
        for (const standing of liveStandings(session)) {
          expect(standing.total).toBeLessThanOrEqual(questions.length * 1.5);
        }
        const names = session.players
          .filter((player) => !player.removed)
          .map((player) => player.name.toLowerCase());
        expect(new Set(names).size).toBe(names.length);
      }),
      { numRuns: 500 },
    );
  });
});
