import { emptyHistory, recordAnswer, recordAttemptFinish, recordAttemptStart, type History } from './history';
import type { QuizSession } from './quiz-session';
import { gradedAnswers, gradedAnswersOf, withRegrades, type RegradesDue } from './regrade-history';
import { buildSchedules, clampRetention, scheduleOf, type Schedule } from './schedule';
import { TARGET_RETENTION } from './target-retention';

export type LearnerSettings = { targetRetention: number };

/**
 * All a learner keeps on a device: the history, each question's schedule (derived from the history,
 * kept so the due count can be read without the scheduler), when questions were reset, and settings.
 */
export type Progress = {
  history: History;
  schedules: Record<string, Schedule>;
  /** When the learner last reset each question's schedule; answers before it do not count for it. */
  resets: Record<string, number>;
  settings: LearnerSettings;
};

/** A learner with no history and the default settings. */
export function emptyProgress(): Progress {
  return {
    history: emptyHistory(),
    schedules: {},
    resets: {},
    settings: { targetRetention: TARGET_RETENTION.default },
  };
}

function resetAtOf(progress: Progress, questionId: string): number | undefined {
  return Object.hasOwn(progress.resets, questionId) ? progress.resets[questionId] : undefined;
}

/** Progress with the schedule of `questionId` recomputed from its answers (as regraded). */
export function withScheduleOf(progress: Progress, questionId: string): Progress {
  const answers = gradedAnswersOf(progress.history, questionId);
  const schedule = scheduleOf(answers, resetAtOf(progress, questionId), progress.settings);
  const schedules = Object.fromEntries(
    Object.entries(progress.schedules).filter(([id]) => id !== questionId),
  );
  if (schedule) schedules[questionId] = schedule;
  return { ...progress, schedules };
}

/** Progress once the quiz `session` has started. */
export function withAttemptStarted(progress: Progress, session: QuizSession): Progress {
  const history = recordAttemptStart(progress.history, session);
  return history === progress.history ? progress : { ...progress, history };
}

/** Progress once the answer in `session` to `questionId` is recorded: the answer kept, the question rescheduled. */
export function withAnswerRecorded(progress: Progress, session: QuizSession, questionId: string): Progress {
  const history = recordAnswer(progress.history, session, questionId);
  return history === progress.history ? progress : withScheduleOf({ ...progress, history }, questionId);
}

/** Progress once `session` has finished. */
export function withAttemptFinished(progress: Progress, session: QuizSession): Progress {
  const history = recordAttemptFinish(progress.history, session);
  return history === progress.history ? progress : { ...progress, history };
}

/** Progress with a new target retention (clamped to 0.80–0.95): every schedule is recomputed with it. */
export function withTargetRetention(progress: Progress, targetRetention: number): Progress {
  const settings = { ...progress.settings, targetRetention: clampRetention(targetRetention) };
  return {
    ...progress,
    settings,
    schedules: buildSchedules(gradedAnswers(progress.history), progress.resets, settings),
  };
}

/** Progress once `due` regrades are kept: the questions they regrade are rescheduled with the new verdicts. */
export function withRegradesRecorded(progress: Progress, due: RegradesDue): Progress {
  const history = withRegrades(progress.history, due);
  if (history === progress.history) return progress;
  let next: Progress = { ...progress, history };
  for (const questionId of new Set(due.regrades.map((regrade) => regrade.questionId)))
    next = withScheduleOf(next, questionId);
  return next;
}

/** Progress with one question's schedule started afresh at `at` (due at once); its answers stay in the history. */
export function withScheduleReset(progress: Progress, questionId: string, at: number): Progress {
  return withScheduleOf({ ...progress, resets: { ...progress.resets, [questionId]: at } }, questionId);
}
