import type { QuizMode } from '@/domain/quiz-mode';
import type { Verdict } from '@/engine/grade';
import { toGrade } from '@/engine/grade';
import {
  compareAnswers,
  compareAttempts,
  questionKeyOf,
  type AnswerRecord,
  type AttemptRecord,
  type History,
} from '@/engine/history';
import { drawPool } from './fixtures';

/** 2025-01-01 09:00 UTC: the fixed clock of every history and scheduler test. */
export const T0 = Date.UTC(2025, 0, 1, 9);
export const DAY = 86_400_000;
export const MINUTE = 60_000;

const POINTS: Record<Verdict, number> = { correct: 1, partial: 0.5, wrong: 0, unanswered: 0 };

/** A true-false question of the draw pool (q01, q03, …), by number. */
export function poolQuestion(number: number) {
  const question = drawPool[number - 1];
  if (!question) throw new Error(`no question q${number} in the draw pool`);
  return question;
}

/** A hand-made answer to `questionId` with the given verdict, as `recordAnswer` would keep it. */
export function answer(
  questionId: string,
  verdict: Verdict,
  answeredAt: number,
  attemptId = `attempt-${answeredAt}`,
): AnswerRecord {
  const number = Number(questionId.replace(/^q0?/, ''));
  const question = poolQuestion(Number.isInteger(number) && number > 0 ? number : 1);
  return {
    attemptId,
    questionId,
    asked: questionKeyOf(question),
    response: { type: 'true-false', value: verdict === 'unanswered' ? null : verdict === 'correct' },
    grade: toGrade(
      { questionId, given: verdict === 'unanswered' ? 'No answer' : 'True', expected: 'True' },
      POINTS[verdict],
      verdict === 'unanswered',
    ),
    answeredAt,
  };
}

export function attempt(
  id: string,
  startedAt: number,
  finishedAt?: number,
  mode: QuizMode = 'practice',
): AttemptRecord {
  const record: AttemptRecord = { id, seed: 'seed', mode, questionIds: [], startedAt };
  if (finishedAt !== undefined) record.finishedAt = finishedAt;
  return record;
}

/** A history of the given answers, with their attempts and the questions they name. */
export function historyOf(answers: AnswerRecord[], attempts: AttemptRecord[] = []): History {
  const questions: History['questions'] = {};
  for (const record of answers) {
    const number = Number(record.questionId.replace(/^q0?/, ''));
    questions[record.asked] = poolQuestion(Number.isInteger(number) && number > 0 ? number : 1);
  }
  const known = new Set(attempts.map((item) => item.id));
  const implied = answers
    .filter((record) => !known.has(record.attemptId) && known.add(record.attemptId))
    .map((record) => attempt(record.attemptId, record.answeredAt));
  return {
    attempts: [...attempts, ...implied].sort(compareAttempts),
    answers: [...answers].sort(compareAnswers),
    questions,
  };
}
