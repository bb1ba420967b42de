import {
  createEmptyCard,
  fsrs,
  generatorParameters,
  Rating,
  State,
  type Card,
  type FSRS,
  type Grade as FsrsGrade,
} from 'ts-fsrs';
import type { Verdict } from './grade';
import { finalAnswers, type AnswerRecord, type History } from './history';
import { regradeCounts } from './regrade-history';
import { TARGET_RETENTION } from './target-retention';

export type ScheduleState = 'new' | 'learning' | 'review' | 'relearning';

/** One question's place in the spaced-repetition schedule (FSRS memory state), as plain JSON; times in ms. */
export type Schedule = {
  due: number;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: ScheduleState;
  lastReview?: number;
};

export type ScheduleOptions = { targetRetention: number };

const STATE_NAMES: Record<State, ScheduleState> = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
};
const STATES: Record<ScheduleState, State> = {
  new: State.New,
  learning: State.Learning,
  review: State.Review,
  relearning: State.Relearning,
};

/** A target retention brought into the range the learner may choose from; anything unreadable is the default. */
export function clampRetention(value: number): number {
  if (!Number.isFinite(value)) return TARGET_RETENTION.default;
  return Math.min(TARGET_RETENTION.max, Math.max(TARGET_RETENTION.min, value));
}

/**
 * The FSRS scheduler (ts-fsrs, the algorithm Anki uses) with the learner's target retention. No fuzz,
 * so the same answers always give the same dates; no same-day learning steps, because a question
 * comes back in a later quiz, not a minute later: a wrong answer is due the next day.
 */
function schedulerFor({ targetRetention }: ScheduleOptions): FSRS {
  return fsrs(
    generatorParameters({
      request_retention: clampRetention(targetRetention),
      enable_fuzz: false,
      enable_short_term: false,
    }),
  );
}

/** How an answer counts for FSRS: fully right is "good", partly right "hard", wrong or blank "again". */
export function ratingOf(verdict: Verdict): FsrsGrade {
  switch (verdict) {
    case 'correct':
      return Rating.Good;
    case 'partial':
      return Rating.Hard;
    case 'wrong':
    case 'unanswered':
      return Rating.Again;
  }
}

function fromCard(card: Card): Schedule {
  const schedule: Schedule = {
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: STATE_NAMES[card.state],
  };
  if (card.last_review) schedule.lastReview = card.last_review.getTime();
  return schedule;
}

function toCard(schedule: Schedule): Card {
  return {
    due: new Date(schedule.due),
    stability: schedule.stability,
    difficulty: schedule.difficulty,
    // Deprecated in ts-fsrs 5 and only copied into review logs; the scheduler works from last_review.
    elapsed_days: 0,
    scheduled_days: schedule.scheduledDays,
    learning_steps: schedule.learningSteps,
    reps: schedule.reps,
    lapses: schedule.lapses,
    state: STATES[schedule.state],
    ...(schedule.lastReview === undefined ? {} : { last_review: new Date(schedule.lastReview) }),
  };
}

/** A question never reviewed (or just reset): due at once. */
export function newSchedule(at: number): Schedule {
  return fromCard(createEmptyCard(new Date(at)));
}

function review(scheduler: FSRS, schedule: Schedule, verdict: Verdict, at: number): Schedule {
  return fromCard(scheduler.next(toCard(schedule), new Date(at), ratingOf(verdict)).card);
}

/** The schedule after one more answer with `verdict` at time `at`. */
export function reviewSchedule(
  schedule: Schedule,
  verdict: Verdict,
  at: number,
  options: ScheduleOptions,
): Schedule {
  return review(schedulerFor(options), schedule, verdict, at);
}

function scheduleWith(
  scheduler: FSRS,
  answers: readonly AnswerRecord[],
  resetAt: number | undefined,
): Schedule | undefined {
  const reviews = finalAnswers(answers).filter(
    (answer) => resetAt === undefined || answer.answeredAt >= resetAt,
  );
  const first = reviews[0];
  if (!first) return resetAt === undefined ? undefined : newSchedule(resetAt);
  let schedule = newSchedule(resetAt ?? first.answeredAt);
  for (const answer of reviews)
    schedule = review(scheduler, schedule, answer.grade.verdict, answer.answeredAt);
  return schedule;
}

/**
 * One question's schedule, replayed from its answers: one review per attempt (its last answer), in
 * time order, ignoring those before the question was last reset. Undefined for a question never answered.
 */
export function scheduleOf(
  answers: readonly AnswerRecord[],
  resetAt: number | undefined,
  options: ScheduleOptions,
): Schedule | undefined {
  return scheduleWith(schedulerFor(options), answers, resetAt);
}

/** Every question's schedule from the whole history; what a merge or a new target retention recomputes. */
export function buildSchedules(
  answers: readonly AnswerRecord[],
  resets: Readonly<Record<string, number>>,
  options: ScheduleOptions,
): Record<string, Schedule> {
  return schedulesReusing(answers, resets, options, new Map()).schedules;
}

/**
 * What one question's schedule was replayed from: the number of its answers and the latest time among
 * them, its reset and the target retention. Answers are only ever added, and a schedule is saved with
 * the answers it was replayed from, so the same count is the same answers.
 */
export type ScheduleBasis = {
  answers: number;
  latest: number | null;
  resetAt: number | null;
  targetRetention: number;
  /** How many regrades its answers have had (`regrade-history.ts`); absent for none. */
  regrades?: number;
};

/** A question's schedule as saved beside the history, so a start need not replay every answer. */
export type SavedSchedule = { questionId: string; basis: ScheduleBasis; schedule: Schedule | null };

function sameBasis(left: ScheduleBasis, right: ScheduleBasis): boolean {
  return (
    left.answers === right.answers &&
    left.latest === right.latest &&
    left.resetAt === right.resetAt &&
    left.targetRetention === right.targetRetention &&
    (left.regrades ?? 0) === (right.regrades ?? 0)
  );
}

function groupByQuestion(
  answers: readonly AnswerRecord[],
  isWanted: (questionId: string) => boolean = () => true,
): Map<string, AnswerRecord[]> {
  const byQuestion = new Map<string, AnswerRecord[]>();
  for (const answer of answers) {
    if (!isWanted(answer.questionId)) continue;
    const list = byQuestion.get(answer.questionId);
    if (list) list.push(answer);
    else byQuestion.set(answer.questionId, [answer]);
  }
  return byQuestion;
}

function basisOf(
  answers: readonly AnswerRecord[],
  resets: Readonly<Record<string, number>>,
  questionId: string,
  options: ScheduleOptions,
  regrades = 0,
): ScheduleBasis {
  let latest: number | null = null;
  for (const answer of answers) if (latest === null || answer.answeredAt > latest) latest = answer.answeredAt;
  return {
    answers: answers.length,
    latest,
    resetAt: (Object.hasOwn(resets, questionId) ? resets[questionId] : undefined) ?? null,
    targetRetention: clampRetention(options.targetRetention),
    ...(regrades > 0 ? { regrades } : {}),
  };
}

/**
 * Every question's schedule, taken from `saved` where it was replayed from the same answers, reset,
 * target retention and regrades, and replayed otherwise; `replayed` are the ones worth saving again.
 * `answers` are as regraded (`gradedAnswers`), `regrades` counts their regrades per question.
 */
export function schedulesReusing(
  answers: readonly AnswerRecord[],
  resets: Readonly<Record<string, number>>,
  options: ScheduleOptions,
  saved: ReadonlyMap<string, SavedSchedule>,
  regrades: ReadonlyMap<string, number> = new Map(),
): { schedules: Record<string, Schedule>; replayed: SavedSchedule[] } {
  const byQuestion = groupByQuestion(answers);
  for (const questionId of Object.keys(resets))
    if (!byQuestion.has(questionId)) byQuestion.set(questionId, []);
  let scheduler: FSRS | undefined;
  const schedules: Record<string, Schedule> = {};
  const replayed: SavedSchedule[] = [];
  for (const questionId of [...byQuestion.keys()].sort()) {
    const own = byQuestion.get(questionId) ?? [];
    const basis = basisOf(own, resets, questionId, options, regrades.get(questionId));
    const kept = saved.get(questionId);
    let schedule: Schedule | undefined;
    if (kept && sameBasis(kept.basis, basis)) {
      schedule = kept.schedule ?? undefined;
    } else {
      scheduler ??= schedulerFor(options);
      schedule = scheduleWith(scheduler, own, basis.resetAt ?? undefined);
      replayed.push({ questionId, basis, schedule: schedule ?? null });
    }
    if (schedule) schedules[questionId] = schedule;
  }
  return { schedules, replayed };
}

/** The schedules of `questionIds` in `progress` as they are saved: with what each was replayed from. */
export function savedSchedulesOf(
  progress: {
    history: Pick<History, 'answers' | 'regrades'>;
    schedules: Readonly<Record<string, Schedule>>;
    resets: Readonly<Record<string, number>>;
    settings: ScheduleOptions;
  },
  questionIds: ReadonlySet<string>,
): SavedSchedule[] {
  if (questionIds.size === 0) return [];
  const byQuestion = groupByQuestion(progress.history.answers, (id) => questionIds.has(id));
  const regrades = regradeCounts(progress.history);
  return [...questionIds].sort().map((questionId) => ({
    questionId,
    basis: basisOf(
      byQuestion.get(questionId) ?? [],
      progress.resets,
      questionId,
      progress.settings,
      regrades.get(questionId),
    ),
    schedule:
      (Object.hasOwn(progress.schedules, questionId) ? progress.schedules[questionId] : undefined) ?? null,
  }));
}
