import {
  answerKey,
  compareAnswers,
  compareAttempts,
  type AnswerRecord,
  type AttemptRecord,
  type History,
  type RegradeRecord,
} from './history';
import { withScheduleOf, type Progress } from './progress';
import { gradedAnswers, regradeKey } from './regrade-history';
import { buildSchedules } from './schedule';

export type MergeResult = {
  progress: Progress;
  /** What the merge added that was not here before. */
  added: { attempts: number; answers: number };
  /** True when the imported settings were taken (this device had no history of its own yet). */
  tookSettings: boolean;
};

function earlier(left: number | undefined, right: number | undefined): number | undefined {
  if (left === undefined) return right;
  if (right === undefined) return left;
  return Math.min(left, right);
}

/**
 * The union of two histories: an attempt (same id) or an answer (same attempt, question and time)
 * found in both is kept once, so merging the same file twice changes nothing the second time.
 */
export function mergeHistories(current: History, incoming: History): History {
  const attempts = new Map<string, AttemptRecord>();
  for (const attempt of [...current.attempts, ...incoming.attempts]) {
    const kept = attempts.get(attempt.id);
    if (!kept) {
      attempts.set(attempt.id, attempt);
      continue;
    }
    // The same quiz seen on two devices: finished if either saw it finish, at the first time seen.
    const finishedAt = earlier(kept.finishedAt, attempt.finishedAt);
    if (finishedAt !== kept.finishedAt) attempts.set(attempt.id, { ...kept, finishedAt });
  }
  const answers = new Map<string, AnswerRecord>();
  for (const answer of [...current.answers, ...incoming.answers]) {
    const key = answerKey(answer);
    if (!answers.has(key)) answers.set(key, answer);
  }
  const regrades = new Map<string, RegradeRecord>();
  for (const regrade of [...(current.regrades ?? []), ...(incoming.regrades ?? [])]) {
    const key = regradeKey(regrade);
    if (!regrades.has(key)) regrades.set(key, regrade);
  }
  return {
    attempts: [...attempts.values()].sort(compareAttempts),
    answers: [...answers.values()].sort(compareAnswers),
    // Keys name a question's id and content, so the same key is the same question.
    questions: { ...incoming.questions, ...current.questions },
    ...(regrades.size > 0
      ? { regrades: [...regrades.values()].sort((left, right) => left.regradedAt - right.regradedAt) }
      : {}),
  };
}

/**
 * Merges an imported backup into this device's progress. Resets keep the later time per question;
 * settings stay this device's unless it has no history yet; schedules are recomputed from the merged
 * answers, so they always agree with the history.
 */
export function mergeProgress(current: Progress, incoming: Progress): MergeResult {
  const history = mergeHistories(current.history, incoming.history);
  const resets: Record<string, number> = { ...current.resets };
  for (const [questionId, at] of Object.entries(incoming.resets)) {
    const kept = Object.hasOwn(resets, questionId) ? resets[questionId] : undefined;
    resets[questionId] = kept === undefined ? at : Math.max(kept, at);
  }
  const isFreshDevice = current.history.attempts.length === 0 && current.history.answers.length === 0;
  const settings = isFreshDevice ? incoming.settings : current.settings;
  const attemptIds = new Set(current.history.attempts.map((attempt) => attempt.id));
  const answerKeys = new Set(current.history.answers.map(answerKey));
  return {
    progress: {
      history,
      resets,
      settings,
      schedules: buildSchedules(gradedAnswers(history), resets, settings),
    },
    added: {
      attempts: history.attempts.filter((attempt) => !attemptIds.has(attempt.id)).length,
      answers: history.answers.filter((answer) => !answerKeys.has(answerKey(answer))).length,
    },
    tookSettings: isFreshDevice,
  };
}

function holdsAll(mine: Progress, other: Progress): boolean {
  const answers = new Set(mine.history.answers.map(answerKey));
  if (!other.history.answers.every((answer) => answers.has(answerKey(answer)))) return false;
  const attempts = new Map(mine.history.attempts.map((attempt) => [attempt.id, attempt]));
  const hasAttempts = other.history.attempts.every((attempt) => {
    const kept = attempts.get(attempt.id);
    return kept !== undefined && (attempt.finishedAt === undefined || kept.finishedAt !== undefined);
  });
  const regrades = new Set((mine.history.regrades ?? []).map(regradeKey));
  return (
    hasAttempts &&
    (other.history.regrades ?? []).every((regrade) => regrades.has(regradeKey(regrade))) &&
    Object.entries(other.resets).every(
      ([id, at]) => Object.hasOwn(mine.resets, id) && (mine.resets[id] ?? 0) >= at,
    )
  );
}

/**
 * This tab's progress joined with what another tab saved meanwhile: nothing either recorded is lost,
 * and this tab's settings stand. Returns `mine` itself when it already holds everything saved (one tab).
 */
export function joinProgress(saved: Progress, mine: Progress): Progress {
  if (holdsAll(mine, saved)) return mine;
  const isMineEmpty =
    mine.history.attempts.length === 0 &&
    mine.history.answers.length === 0 &&
    Object.keys(mine.resets).length === 0;
  if (isMineEmpty) return saved;
  return mergeProgress(mine, saved).progress;
}

/** Records another tab (or the saved database) holds that this progress may lack. */
export type AddedRecords = {
  attempts: readonly AttemptRecord[];
  answers: readonly AnswerRecord[];
  questions: History['questions'];
  resets: Record<string, number>;
  regrades?: readonly RegradeRecord[];
};

/**
 * `progress` with records added elsewhere: each kept once, a reset at its latest time, and only the
 * questions they touch rescheduled (not the whole history), so a tab that hears of one answer pays for one.
 */
export function withRecordsJoined(progress: Progress, added: AddedRecords): Progress {
  const answerKeys = new Set(progress.history.answers.map(answerKey));
  const newAnswers = added.answers.filter((answer) => !answerKeys.has(answerKey(answer)));
  const attempts = new Map(progress.history.attempts.map((attempt) => [attempt.id, attempt]));
  const changedAttempts = added.attempts.filter((attempt) => {
    const kept = attempts.get(attempt.id);
    return !kept || (attempt.finishedAt !== undefined && (kept.finishedAt ?? Infinity) > attempt.finishedAt);
  });
  const changedResets = Object.entries(added.resets).filter(
    ([questionId, at]) =>
      !Object.hasOwn(progress.resets, questionId) || (progress.resets[questionId] ?? 0) < at,
  );
  const newQuestions = Object.keys(added.questions).filter(
    (key) => !Object.hasOwn(progress.history.questions, key),
  );
  const regradeKeys = new Set((progress.history.regrades ?? []).map(regradeKey));
  const newRegrades = (added.regrades ?? []).filter((regrade) => !regradeKeys.has(regradeKey(regrade)));
  const changes =
    newAnswers.length +
    changedAttempts.length +
    changedResets.length +
    newQuestions.length +
    newRegrades.length;
  if (changes === 0) return progress;
  const history = mergeHistories(progress.history, {
    attempts: changedAttempts,
    answers: newAnswers,
    questions: added.questions,
    regrades: newRegrades,
  });
  let joined: Progress = {
    ...progress,
    history,
    resets: { ...progress.resets, ...Object.fromEntries(changedResets) },
  };
  const touched = new Set([
    ...newAnswers.map((answer) => answer.questionId),
    ...changedResets.map(([id]) => id),
    ...newRegrades.map((regrade) => regrade.questionId),
  ]);
  for (const questionId of touched) joined = withScheduleOf(joined, questionId);
  return joined;
}
