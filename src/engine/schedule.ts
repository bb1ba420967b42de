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
import { finalAnswers, type AnswerRecord } from './history';

/** The share of due questions a learner wants to still remember when they come back; FSRS aims for it. */
export const TARGET_RETENTION = { min: 0.8, max: 0.95, default: 0.9 } as const;

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
  const byQuestion = new Map<string, AnswerRecord[]>();
  for (const answer of answers) {
    const list = byQuestion.get(answer.questionId);
    if (list) list.push(answer);
    else byQuestion.set(answer.questionId, [answer]);
  }
  for (const questionId of Object.keys(resets))
    if (!byQuestion.has(questionId)) byQuestion.set(questionId, []);
  const scheduler = schedulerFor(options);
  const schedules: Record<string, Schedule> = {};
  for (const questionId of [...byQuestion.keys()].sort()) {
    const resetAt = Object.hasOwn(resets, questionId) ? resets[questionId] : undefined;
    const schedule = scheduleWith(scheduler, byQuestion.get(questionId) ?? [], resetAt);
    if (schedule) schedules[questionId] = schedule;
  }
  return schedules;
}
