import type { Question } from '../domain/question';
import { drawQuestions } from './draw-questions';
import type { DrawSettings } from './draw-settings';
import { gradeAnswer } from './grade-answer';
import type { Grade } from './grade';
import type { LearnerResponse } from '../domain/learner-response';
import { presentQuestion, type PresentedQuestion } from './present-question';
import { createRandom } from './random';

export type QuizMode = 'practice' | 'test';

export type Submission = { response: LearnerResponse; grade: Grade; submittedAt: number };

/**
 * One learner's quiz, as plain JSON-serialisable data. Times are milliseconds since the epoch,
 * passed in by the caller. The questions are kept whole, so a saved session can be resumed and
 * graded even if the bank has changed since.
 */
export type QuizSession = {
  version: 1;
  seed: string;
  settings: DrawSettings;
  mode: QuizMode;
  questions: PresentedQuestion[];
  /** Keyed by question id; a question with no submission is unanswered. */
  submissions: Record<string, Submission>;
  currentIndex: number;
  /**
   * What the draw could offer, so the UI can say "only 7 questions match these filters", and how many
   * related questions it kept for another quiz (absent in sessions saved before the rule).
   */
  draw: { available: number; requested: number; isShort: boolean; heldBack?: number };
  startedAt: number;
  finishedAt?: number;
};

export type StartQuizInput = {
  pool: readonly Question[];
  settings: DrawSettings;
  seed: string;
  mode: QuizMode;
  startedAt: number;
};

/**
 * Draws and presents the questions of a new quiz. The same pool, settings and seed always give the
 * same questions in the same order with the same choice order: that is how a shared link works.
 */
export function startQuiz({ pool, settings, seed, mode, startedAt }: StartQuizInput): QuizSession {
  const { questions, available, requested, isShort, heldBack } = drawQuestions(
    pool,
    settings,
    createRandom(seed),
  );
  return {
    version: 1,
    seed,
    settings,
    mode,
    // Each question's choice order hangs on the seed and its own id only, not on what else was drawn.
    questions: questions.map((question) => presentQuestion(question, createRandom(`${seed}/${question.id}`))),
    submissions: {},
    currentIndex: 0,
    draw: { available, requested, isShort, heldBack },
    startedAt,
  };
}

/** The question the learner is on, or undefined when the quiz has none. */
export function currentQuestion(session: QuizSession): PresentedQuestion | undefined {
  return session.questions[session.currentIndex];
}

/** False once the quiz is finished, and in practice mode once the current question has been answered. */
export function canSubmitAnswer(session: QuizSession): boolean {
  const presented = currentQuestion(session);
  if (!presented || session.finishedAt !== undefined) return false;
  return session.mode === 'test' || !Object.hasOwn(session.submissions, presented.question.id);
}

/**
 * Grades and records the answer to the current question. In test mode an answer may be changed
 * until the quiz is finished; in practice mode the first answer stands (its feedback has been seen).
 * Returns the session unchanged when no answer can be submitted.
 */
export function submitAnswer(session: QuizSession, response: LearnerResponse, at: number): QuizSession {
  const presented = currentQuestion(session);
  if (!presented || !canSubmitAnswer(session)) return session;
  const submission: Submission = { response, grade: gradeAnswer(presented, response), submittedAt: at };
  return { ...session, submissions: { ...session.submissions, [presented.question.id]: submission } };
}

/** Moves to question `index` (clamped to the quiz). Test mode lets a learner go back; the UI decides. */
export function goToQuestion(session: QuizSession, index: number): QuizSession {
  const last = Math.max(0, session.questions.length - 1);
  const currentIndex = Number.isInteger(index) ? Math.min(Math.max(index, 0), last) : session.currentIndex;
  return currentIndex === session.currentIndex ? session : { ...session, currentIndex };
}

/** Moves to the next question; stays on the last one. */
export function goToNext(session: QuizSession): QuizSession {
  return goToQuestion(session, session.currentIndex + 1);
}

/** True when the current question is the last one. */
export function isOnLastQuestion(session: QuizSession): boolean {
  return session.currentIndex >= session.questions.length - 1;
}

/** Ends the quiz at time `at`; questions never answered count as unanswered. Finishing twice keeps the first time. */
export function finishQuiz(session: QuizSession, at: number): QuizSession {
  return session.finishedAt === undefined ? { ...session, finishedAt: at } : session;
}
