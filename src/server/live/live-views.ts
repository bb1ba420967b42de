import { BLANK_RESPONSES } from '../../domain/learner-response';
import type { Grade } from '../../engine/grade';
import { gradeAnswer } from '../../engine/grade-answer';
import { remainingMs, type LivePlayer, type LivePhase } from '../../engine/live-session';
import { toStudentQuestion, translateResponse, type StudentQuestion } from '../content/student-question';
import type { StudentResponse } from '../api-schemas';
import type { Feedback } from '../services/record-answer';
import { gradedVersion } from '../services/question-versions';
import {
  storedCountdown,
  type LiveQuestion,
  type LiveRow,
  type LiveScore,
  type StoredLiveAnswer,
} from './live-store';

// What each screen of a live session is sent. The question's key, explanation and passage go out
// only with the reveal; before it, devices get the question as a student sees it (no answer).

export type LiveCountdownView = { remainingMs: number; paused: boolean };

export type PublicLiveView = {
  sessionId: string;
  title: string;
  phase: LivePhase;
  index: number;
  questionCount: number;
  locked: boolean;
  question: StudentQuestion | null;
  countdown: LiveCountdownView | null;
  /** The room's answers by readable answer: shown at the reveal, or on the host's request. */
  distribution: { given: string; count: number; isRight?: boolean }[] | null;
  /** Names and scores, best first: only when the teacher turned the leaderboard on. */
  leaderboard: { name: string; total: number }[] | null;
};

export type PlayerView = PublicLiveView & {
  me: {
    playerId: string;
    name: string;
    hasAnswered: boolean;
    /** At the reveal: the question whole, what this player answered, and its grade. */
    feedback: Feedback | null;
    points: number;
  };
};

export type HostView = PublicLiveView & {
  pin: string;
  options: LiveRow['options'];
  players: { id: string; name: string }[];
  /** Who has answered the current question (ids of players still in the session). */
  answeredBy: string[];
  standings: { playerId: string; name: string; points: number; bonus: number; total: number }[];
  /** At the reveal: the question whole, with its key, explanation and citations. */
  revealed: LiveQuestion['presented'] | null;
};

export function countdownOf(row: LiveRow, now: Date): LiveCountdownView | null {
  if (row.phase !== 'question') return null;
  const left = remainingMs({ countdown: storedCountdown(row) }, now.getTime());
  return left === null ? null : { remainingMs: left, paused: row.countdownEndsAt === null };
}

/**
 * An answer's grade as it counts now: the one given on arrival, unless the teacher has changed the
 * question since (after a dispute), when the engine grades the response again against the revision.
 */
function gradeNow(asked: LiveQuestion | undefined, answer: StoredLiveAnswer): Grade {
  if (!asked?.revision) return answer.grade as Grade;
  const translated = translateResponse(asked.presented, answer.response as StudentResponse);
  return gradeAnswer(asked.revision.presented, translated.ok ? translated.response : null);
}

function distributionOf(
  asked: LiveQuestion | undefined,
  answers: readonly StoredLiveAnswer[],
  active: ReadonlySet<string>,
) {
  const counts = new Map<string, { given: string; count: number; isRight: boolean }>();
  for (const answer of answers) {
    if (!active.has(answer.playerId)) continue;
    const grade = gradeNow(asked, answer);
    const entry = counts.get(grade.given) ?? { given: grade.given, count: 0, isRight: grade.isCorrect };
    entry.count += 1;
    counts.set(grade.given, entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count);
}

function standingsOf(players: readonly LivePlayer[], scores: readonly LiveScore[]) {
  const byPlayer = new Map(scores.map((score) => [score.playerId, score]));
  const round = (value: number) => Math.round(value * 100) / 100;
  return players
    .filter((player) => !player.removed)
    .map((player) => {
      const score = byPlayer.get(player.id);
      const points = round(score?.points ?? 0);
      const bonus = round(score?.bonus ?? 0);
      return { playerId: player.id, name: player.name, points, bonus, total: round(points + bonus) };
    })
    .sort((a, b) => b.total - a.total);
}

/** Everything a session's screens are built from, read once per change and shared by all devices. */
export type LiveSnapshot = {
  row: LiveRow;
  /** With the revision each is graded against now, if the teacher changed it (issue 18). */
  questions: LiveQuestion[];
  players: LivePlayer[];
  /** Answers to the current question. */
  current: StoredLiveAnswer[];
  scores: LiveScore[];
  now: Date;
};

function publicView(snapshot: LiveSnapshot): PublicLiveView {
  const { row, questions, players, current, scores, now } = snapshot;
  const asked = row.questionIndex >= 0 ? questions[row.questionIndex] : undefined;
  const active = new Set(players.filter((player) => !player.removed).map((player) => player.id));
  const showing = row.phase === 'question' || row.phase === 'reveal';
  return {
    sessionId: row.id,
    title: row.title,
    phase: row.phase,
    index: row.questionIndex,
    questionCount: questions.length,
    locked: row.locked,
    question: showing && asked ? toStudentQuestion(asked.presented, row.questionIndex) : null,
    countdown: countdownOf(row, now),
    distribution:
      row.phase === 'reveal' || (showing && row.distributionShown)
        ? distributionOf(asked, current, active)
        : null,
    leaderboard:
      row.options.leaderboard && (row.phase === 'reveal' || row.phase === 'ended')
        ? standingsOf(players, scores)
            .slice(0, 10)
            .map(({ name, total }) => ({ name, total }))
        : null,
  };
}

export function hostView(snapshot: LiveSnapshot): HostView {
  const { row, questions, players, current, scores } = snapshot;
  const active = players.filter((player) => !player.removed);
  const activeIds = new Set(active.map((player) => player.id));
  const asked = row.questionIndex >= 0 ? questions[row.questionIndex] : undefined;
  const shown = row.phase === 'question' && row.distributionShown;
  return {
    ...publicView(snapshot),
    // Before the reveal the room sees what was answered, not which answer is right.
    ...(shown
      ? {
          distribution: distributionOf(asked, current, activeIds).map(({ given, count }) => ({
            given,
            count,
            isRight: false,
          })),
        }
      : {}),
    pin: row.pin,
    options: row.options,
    players: active.map(({ id, name }) => ({ id, name })),
    answeredBy: current.filter((answer) => activeIds.has(answer.playerId)).map((answer) => answer.playerId),
    standings: standingsOf(players, scores),
    revealed: row.phase === 'reveal' && asked ? gradedVersion(asked) : null,
  };
}

/** What is this player's own in a view: their answer to the current question and their score. */
export type OwnProgress = { answer: StoredLiveAnswer | undefined; score: LiveScore | undefined };

/**
 * A builder of each player's view: the shared part is computed once for the whole room. A player's
 * own progress comes from the snapshot unless given (a device joining between two refreshes).
 */
export function playerViews(snapshot: LiveSnapshot): (player: LivePlayer, own?: OwnProgress) => PlayerView {
  const { row, questions, current, scores } = snapshot;
  const shared = publicView(snapshot);
  const givenBy = new Map(current.map((answer) => [answer.playerId, answer]));
  const scoreOf = new Map(scores.map((score) => [score.playerId, score]));
  const asked = row.questionIndex >= 0 ? questions[row.questionIndex] : undefined;
  return (player, own) => {
    const given = own ? own.answer : givenBy.get(player.id);
    const score = own ? own.score : scoreOf.get(player.id);
    let feedback: Feedback | null = null;
    if (row.phase === 'reveal' && asked) {
      const translated = given
        ? translateResponse(asked.presented, given.response as StudentResponse)
        : undefined;
      const presented = gradedVersion(asked);
      feedback = {
        presented,
        response: translated?.ok ? translated.response : BLANK_RESPONSES[asked.presented.question.type],
        grade: given ? gradeNow(asked, given) : gradeAnswer(presented, null),
      };
    }
    return {
      ...shared,
      me: {
        playerId: player.id,
        name: player.name,
        hasAnswered: given !== undefined,
        feedback,
        points: Math.round(((score?.points ?? 0) + (score?.bonus ?? 0)) * 100) / 100,
      },
    };
  };
}
