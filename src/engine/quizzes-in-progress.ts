import type { QuizSession } from './quiz-session';

/** A time limit the learner can extend or switch off (WCAG 2.2.1); `deadline` is ms since the epoch. */
export type QuizTimer = { deadline: number; isOff: boolean };

/**
 * One quiz attempt, saved on its own so that starting another quiz (here or in another tab) never
 * touches it. `key` is the quiz's address (its settings, or an assignment code and student), so
 * opening that address again resumes the attempt.
 */
export type QuizAttempt = {
  version: 1;
  id: string;
  key: string;
  /** What the quiz is, in words, for the list of quizzes in progress. */
  title: string;
  session: QuizSession;
  timer: QuizTimer | null;
  updatedAt: number;
};

export type Attempts = Readonly<Record<string, QuizAttempt>>;

/** Finished attempts kept so that reloading a results page still shows the results. */
const FINISHED_KEPT = 5;

export function isUnfinished(attempt: QuizAttempt): boolean {
  return attempt.session.finishedAt === undefined && attempt.session.questions.length > 0;
}

/** The attempt that opening `key` resumes: the latest one at that address, finished or not. */
export function latestAttemptAt(attempts: Attempts, key: string): QuizAttempt | undefined {
  let latest: QuizAttempt | undefined;
  for (const attempt of Object.values(attempts)) {
    if (attempt.key === key && (!latest || attempt.updatedAt > latest.updatedAt)) latest = attempt;
  }
  return latest;
}

/** Quizzes the learner can continue, the most recently used first. */
export function unfinishedAttempts(attempts: Attempts): QuizAttempt[] {
  return Object.values(attempts)
    .filter(isUnfinished)
    .sort((a, b) => b.updatedAt - a.updatedAt);
}

/**
 * The finished attempts that may go: those replaced by a newer attempt at the same address, and any
 * beyond the few latest. An unfinished attempt never goes without the learner's say.
 */
export function finishedAttemptsToDrop(attempts: Attempts): string[] {
  const finished = Object.values(attempts)
    .filter((attempt) => !isUnfinished(attempt))
    .sort((a, b) => b.updatedAt - a.updatedAt);
  return finished
    .filter(
      (attempt, index) => index >= FINISHED_KEPT || latestAttemptAt(attempts, attempt.key)?.id !== attempt.id,
    )
    .map((attempt) => attempt.id);
}

/** How far along a quiz is: "Question 4 of 12", and how many are answered. */
export function attemptPosition(session: QuizSession): { question: number; of: number; answered: number } {
  return {
    question: session.currentIndex + 1,
    of: session.questions.length,
    answered: Object.keys(session.submissions).length,
  };
}

/**
 * The same attempt as two tabs saw it: every answer either gave is kept (the first given wins for
 * a question both answered), and the place and timer of the one saved last.
 */
export function joinAttempts(mine: QuizAttempt, theirs: QuizAttempt): QuizAttempt {
  const [older, newer] = mine.updatedAt > theirs.updatedAt ? [theirs, mine] : [mine, theirs];
  const submissions = { ...newer.session.submissions };
  for (const [questionId, submission] of Object.entries(older.session.submissions)) {
    const other = submissions[questionId];
    if (!other || submission.submittedAt < other.submittedAt) submissions[questionId] = submission;
  }
  const finishedAt = newer.session.finishedAt ?? older.session.finishedAt;
  return {
    ...newer,
    session: {
      ...newer.session,
      submissions,
      ...(finishedAt === undefined ? {} : { finishedAt }),
    },
  };
}
