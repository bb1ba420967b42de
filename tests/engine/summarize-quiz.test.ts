import { describe, expect, it } from 'vitest';
import { finishQuiz, goToNext, startQuiz, submitAnswer, type QuizSession } from '@/engine/quiz-session';
import { summarizeQuiz } from '@/engine/summarize-quiz';
import { multipleQuestion, shortTextQuestion, trueFalseQuestion, yearQuestion } from './fixtures';

function answerAll(session: QuizSession): QuizSession {
  let current = session;
  let at = 1_000;
  for (const { question } of session.questions) {
    if (question.type !== 'year') at += 10_000;
    if (question.type === 'multiple')
      current = submitAnswer(current, { type: 'multiple', choices: ['a'] }, at);
    if (question.type === 'true-false')
      current = submitAnswer(current, { type: 'true-false', value: true }, at);
    if (question.type === 'short-text')
      current = submitAnswer(current, { type: 'short-text', text: 'nope' }, at);
    current = goToNext(current);
  }
  return current;
}

describe('summarizeQuiz', () => {
  const pool = [multipleQuestion, trueFalseQuestion, shortTextQuestion, yearQuestion];
  const session = answerAll(
    startQuiz({ pool, settings: { count: 'all' }, seed: 's', mode: 'test', startedAt: 1_000 }),
  );

  it('adds up points and counts, with unanswered questions worth nothing', () => {
    // Multiple: 0.5, true-false: 1, short text: 0, year: not answered.
    expect(summarizeQuiz(session)).toMatchObject({
      points: 1.5,
      maxPoints: 4,
      percent: 38,
      correctCount: 1,
      answeredCount: 3,
    });
  });

  it('lists what to review, in quiz order', () => {
    const order = session.questions.map((presented) => presented.question.id);
    const missed = [multipleQuestion.id, shortTextQuestion.id, yearQuestion.id];
    expect(summarizeQuiz(session).missedIds).toEqual(order.filter((id) => missed.includes(id)));
  });

  it('scores each topic of each question, in the canonical topic order', () => {
    const order = ['dates', 'amounts', 'organisations', 'trade', 'history', 'sectors'];
    expect(summarizeQuiz(session, order).byTopic).toEqual([
      { topic: 'dates', points: 1, maxPoints: 2 },
      { topic: 'organisations', points: 0, maxPoints: 1 },
      { topic: 'trade', points: 0.5, maxPoints: 1 },
      { topic: 'history', points: 1, maxPoints: 2 },
      { topic: 'sectors', points: 0.5, maxPoints: 1 },
    ]);
  });

  it('times the quiz to its finish, or to the last answer while it is open', () => {
    expect(summarizeQuiz(session).durationMs).toBe(30_000);
    expect(summarizeQuiz(finishQuiz(session, 61_000)).durationMs).toBe(60_000);
  });

  it('summarises an empty quiz without dividing by zero', () => {
    const empty = startQuiz({ pool: [], settings: { count: 3 }, seed: 's', mode: 'practice', startedAt: 5 });
    expect(summarizeQuiz(empty)).toEqual({
      points: 0,
      maxPoints: 0,
      percent: 0,
      correctCount: 0,
      answeredCount: 0,
      durationMs: 0,
      byTopic: [],
      missedIds: [],
    });
  });
});
