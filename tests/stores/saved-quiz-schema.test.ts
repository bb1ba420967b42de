import { describe, expect, it } from 'vitest';
import { startQuiz, submitAnswer, type QuizSession } from '@/engine/quiz-session';
import { quizSessionSchema } from '@/stores/saved-quiz-schema';
import { drawPool } from '../engine/fixtures';

function savedQuiz(): QuizSession {
  const session = startQuiz({
    pool: drawPool,
    settings: { count: 3, types: ['true-false'] },
    seed: 'consistent',
    mode: 'test',
    startedAt: Date.UTC(2025, 0, 6),
  });
  return submitAnswer(session, { type: 'true-false', value: true }, Date.UTC(2025, 0, 6, 0, 1));
}

describe('a saved quiz in progress is read only when its parts add up', () => {
  it('as the app saves it, and with no questions at all', () => {
    expect(quizSessionSchema.safeParse(savedQuiz()).success).toBe(true);
    expect(quizSessionSchema.safeParse({ ...savedQuiz(), questions: [], submissions: {} }).success).toBe(
      true,
    );
  });

  it('not with the current question past the end', () => {
    const session = savedQuiz();
    const result = quizSessionSchema.safeParse({ ...session, currentIndex: session.questions.length });
    expect(result.error?.issues[0]?.message).toBe("points past the quiz's 3 questions");
  });

  it('not with a question twice, nor an answer to a question the quiz does not hold', () => {
    const session = savedQuiz();
    const [first] = session.questions;
    if (!first) throw new Error('no question');
    expect(
      quizSessionSchema.safeParse({ ...session, questions: [...session.questions, first] }).success,
    ).toBe(false);
    const submissions = { ...session.submissions, elsewhere: Object.values(session.submissions)[0] };
    expect(quizSessionSchema.safeParse({ ...session, submissions }).error?.issues[0]?.message).toBe(
      'answers a question that is not in the quiz',
    );
  });
});
