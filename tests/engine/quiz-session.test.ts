import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canSubmitAnswer,
  currentQuestion,
  finishQuiz,
  goToNext,
  goToQuestion,
  isOnLastQuestion,
  startQuiz,
  submitAnswer,
  type QuizSession,
  type StartQuizInput,
} from '@/engine/quiz-session';
import { everyTypePool, singleQuestion, trueFalseQuestion, yearQuestion } from './fixtures';

const input: StartQuizInput = {
  pool: everyTypePool,
  settings: { count: 5 },
  seed: 'class-4b',
  mode: 'practice',
  startedAt: 1_000,
};

function sessionOf(questions: typeof everyTypePool, mode: QuizSession['mode']): QuizSession {
  return startQuiz({ ...input, pool: questions, settings: { count: 'all' }, mode, seed: 'fixed' });
}

describe('startQuiz', () => {
  it('gives pinned questions for a fixed seed', () => {
    const session = startQuiz(input);
    expect(session.questions.map((presented) => presented.question.id)).toEqual([
      'events-in-order',
      'partner-sectors',
      'relations-since-1973',
      'programme-budget',
      'student-count',
    ]);
    expect(session).toMatchObject({
      version: 1,
      seed: 'class-4b',
      mode: 'practice',
      currentIndex: 0,
      submissions: {},
      draw: { available: 10, requested: 5, isShort: false },
      startedAt: 1_000,
    });
    expect(session.finishedAt).toBeUndefined();
  });

  it('rebuilds the same quiz from seed, settings and pool, as a shared link does', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 10 }), (seed, count) => {
        const first = startQuiz({ ...input, seed, settings: { count } });
        const again = startQuiz({ ...input, seed, settings: { count }, mode: 'test', startedAt: 99 });
        expect(again.questions).toEqual(first.questions);
      }),
    );
  });

  it('is plain data that survives JSON', () => {
    let session = startQuiz(input);
    session = submitAnswer(session, { type: 'numeric', text: '1,1' }, 2_000);
    expect(JSON.parse(JSON.stringify(session))).toEqual(session);
  });
});

describe('answering and moving on', () => {
  it('grades the current question and moves only when asked', () => {
    const start = sessionOf([singleQuestion, yearQuestion], 'practice');
    const first = currentQuestion(start)!.question;
    const answered = submitAnswer(start, { type: 'single', choice: 'a' }, 1_500);
    expect(answered.currentIndex).toBe(0);
    expect(answered.submissions[first.id]?.submittedAt).toBe(1_500);
    expect(answered.submissions[first.id]?.grade.questionId).toBe(first.id);
    expect(start.submissions).toEqual({});
    const next = goToNext(answered);
    expect(next.currentIndex).toBe(1);
    expect(isOnLastQuestion(next)).toBe(true);
    expect(goToNext(next)).toBe(next);
  });

  it('keeps the first answer in practice mode, and lets test mode change it until the end', () => {
    const practice = sessionOf([trueFalseQuestion], 'practice');
    const once = submitAnswer(practice, { type: 'true-false', value: false }, 1_100);
    expect(canSubmitAnswer(once)).toBe(false);
    expect(submitAnswer(once, { type: 'true-false', value: true }, 1_200)).toBe(once);

    const test = sessionOf([trueFalseQuestion], 'test');
    const changed = submitAnswer(
      submitAnswer(test, { type: 'true-false', value: false }, 1_100),
      { type: 'true-false', value: true },
      1_200,
    );
    expect(changed.submissions[trueFalseQuestion.id]?.grade.points).toBe(1);
    const finished = finishQuiz(changed, 1_300);
    expect(canSubmitAnswer(finished)).toBe(false);
    expect(submitAnswer(finished, { type: 'true-false', value: false }, 1_400)).toBe(finished);
  });

  it('goes to a question by index, clamped to the quiz', () => {
    const session = sessionOf([singleQuestion, yearQuestion, trueFalseQuestion], 'test');
    expect(goToQuestion(session, 2).currentIndex).toBe(2);
    expect(goToQuestion(session, 9).currentIndex).toBe(2);
    expect(goToQuestion(goToQuestion(session, 2), -1).currentIndex).toBe(0);
    expect(goToQuestion(session, 1.5)).toBe(session);
  });

  it('keeps the first finishing time', () => {
    const finished = finishQuiz(sessionOf([yearQuestion], 'test'), 5_000);
    expect(finishQuiz(finished, 6_000).finishedAt).toBe(5_000);
  });

  it('handles a quiz with no questions', () => {
    const empty = startQuiz({ ...input, settings: { count: 5, topics: ['science'] } });
    expect(empty.draw).toEqual({ available: 0, requested: 5, isShort: true, heldBack: 0 });
    expect(currentQuestion(empty)).toBeUndefined();
    expect(canSubmitAnswer(empty)).toBe(false);
    expect(submitAnswer(empty, { type: 'year', text: '1973' }, 2)).toBe(empty);
  });
});
