import fc from 'fast-check';
import type { Question } from '@/domain/question';
import { describe, expect, it } from 'vitest';
import {
  attemptIdOf,
  compareAnswers,
  emptyHistory,
  finalAnswers,
  latestAnswers,
  questionKeyOf,
  recordAnswer,
  recordAttemptFinish,
  recordAttemptStart,
} from '@/engine/history';
import type { AnswerRecord } from '@/engine/history';
import { finishQuiz, goToNext, startQuiz, submitAnswer, type QuizSession } from '@/engine/quiz-session';
import { singleQuestion, trueFalseQuestion } from './fixtures';
import { answer, MINUTE, poolQuestion, T0 } from './history-fixtures';

function quiz(
  mode: QuizSession['mode'],
  pool: readonly Question[] = [singleQuestion, trueFalseQuestion],
): QuizSession {
  return startQuiz({
    pool,
    settings: { ids: pool.map(({ id }) => id), count: 'all' },
    seed: 'hist1',
    mode,
    startedAt: T0,
  });
}
const currentId = (session: QuizSession) => session.questions[session.currentIndex]?.question.id ?? '';

describe('recording attempts', () => {
  it('names an attempt by its start time and seed, and records it once', () => {
    const session = quiz('practice');
    expect(attemptIdOf(session)).toBe(`${T0.toString(36)}-hist1`);
    const once = recordAttemptStart(emptyHistory(), session);
    expect(once.attempts).toEqual([
      {
        id: attemptIdOf(session),
        seed: 'hist1',
        mode: 'practice',
        questionIds: session.questions.map(({ question }) => question.id),
        startedAt: T0,
      },
    ]);
    expect(recordAttemptStart(once, session)).toBe(once);
  });

  it('records no attempt for a quiz with no questions', () => {
    const history = emptyHistory();
    expect(recordAttemptStart(history, quiz('practice', []))).toBe(history);
  });

  it('keeps the first finishing time', () => {
    const session = quiz('test');
    const finished = recordAttemptFinish(
      recordAttemptStart(emptyHistory(), session),
      finishQuiz(session, T0 + 5 * MINUTE),
    );
    expect(finished.attempts[0]?.finishedAt).toBe(T0 + 5 * MINUTE);
    const again = recordAttemptFinish(finished, { ...session, finishedAt: T0 + 9 * MINUTE });
    expect(again.attempts[0]?.finishedAt).toBe(T0 + 5 * MINUTE);
    expect(recordAttemptFinish(finished, session)).toBe(finished);
  });
});

describe('recording answers', () => {
  it('keeps the response, the grade, the time and the question as it was asked', () => {
    const session = quiz('practice');
    const id = currentId(session);
    const answered = submitAnswer(session, { type: 'true-false', value: false }, T0 + MINUTE);
    const history = recordAnswer(emptyHistory(), answered, id);
    expect(history.attempts).toHaveLength(1);
    expect(history.answers).toHaveLength(1);
    const [record] = history.answers;
    expect(record).toMatchObject({
      attemptId: attemptIdOf(session),
      questionId: id,
      answeredAt: T0 + MINUTE,
    });
    expect(record?.grade).toEqual(answered.submissions[id]?.grade);
    expect(history.questions[record?.asked ?? '']).toEqual(session.questions[0]?.question);
    expect(recordAnswer(history, answered, id)).toBe(history);
  });

  it('lists each question answered in an attempt that receives its questions one at a time', () => {
    const first = quiz('practice', [singleQuestion]);
    const second = { ...quiz('practice', [trueFalseQuestion]), startedAt: first.startedAt };
    let history = recordAnswer(
      emptyHistory(),
      submitAnswer(first, { type: 'single', choice: 'a' }, T0 + MINUTE),
      singleQuestion.id,
    );
    history = recordAnswer(
      history,
      submitAnswer(second, { type: 'true-false', value: true }, T0 + 2 * MINUTE),
      trueFalseQuestion.id,
    );
    expect(history.attempts).toHaveLength(1);
    expect(history.attempts[0]?.questionIds).toEqual([singleQuestion.id, trueFalseQuestion.id]);
    expect(history.answers).toHaveLength(2);
  });

  it('records nothing for a question not answered', () => {
    const history = emptyHistory();
    expect(recordAnswer(history, quiz('practice'), 'relations-since-1973')).toBe(history);
  });

  it('keeps each version of a changed question, so old answers read as they were asked', () => {
    const before = quiz('practice', [trueFalseQuestion]);
    const changedQuestion = { ...trueFalseQuestion, prompt: 'A reworded prompt?', answer: false };
    const after = { ...quiz('practice', [changedQuestion]), seed: 'hist2' };
    let history = recordAnswer(
      emptyHistory(),
      submitAnswer(before, { type: 'true-false', value: true }, T0),
      trueFalseQuestion.id,
    );
    history = recordAnswer(
      history,
      submitAnswer(after, { type: 'true-false', value: true }, T0 + MINUTE),
      trueFalseQuestion.id,
    );
    const [first, second] = history.answers;
    expect(first?.asked).not.toBe(second?.asked);
    expect(history.questions[first?.asked ?? '']?.prompt).toBe(trueFalseQuestion.prompt);
    expect(history.questions[second?.asked ?? '']?.prompt).toBe('A reworded prompt?');
    expect(Object.keys(history.questions)).toHaveLength(2);
  });

  it('keeps every change of a test-mode answer, and counts the last one', () => {
    let session = quiz('test', [trueFalseQuestion]);
    let history = emptyHistory();
    for (const [value, at] of [
      [true, T0 + MINUTE],
      [false, T0 + 2 * MINUTE],
    ] as const) {
      session = submitAnswer(session, { type: 'true-false', value }, at);
      history = recordAnswer(history, session, trueFalseQuestion.id);
    }
    expect(history.answers.map((record) => record.grade.verdict)).toEqual(['correct', 'wrong']);
    expect(finalAnswers(history.answers).map((record) => record.answeredAt)).toEqual([T0 + 2 * MINUTE]);
    expect(Object.keys(history.questions)).toHaveLength(1);
  });

  it('counts the last answer per question and attempt, in time order, whatever order answers come in', () => {
    const given = fc.array(
      fc.record({
        question: fc.constantFrom('q1', 'q2', 'q3'),
        attempt: fc.constantFrom('a', 'b'),
        minute: fc.integer({ min: 0, max: 6 }),
        verdict: fc.constantFrom('correct' as const, 'wrong' as const),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(given, fc.boolean(), (rows, isSorted) => {
        const answers = rows.map((row) =>
          answer(row.question, row.verdict, T0 + row.minute * MINUTE, row.attempt),
        );
        if (isSorted) answers.sort(compareAnswers);
        // As it was first written: the last of the latest per question and attempt, sorted.
        const last = new Map<string, AnswerRecord>();
        for (const record of answers) {
          const key = `${record.attemptId}/${record.questionId}`;
          const kept = last.get(key);
          if (!kept || record.answeredAt >= kept.answeredAt) last.set(key, record);
        }
        expect(finalAnswers(answers)).toEqual([...last.values()].sort(compareAnswers));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps answers in time order whatever order they arrive in', () => {
    let session = quiz('practice', [poolQuestion(1), poolQuestion(3)]);
    const firstId = currentId(session);
    session = submitAnswer(session, { type: 'true-false', value: true }, T0 + 5 * MINUTE);
    const secondSession = submitAnswer(goToNext(session), { type: 'true-false', value: true }, T0 + MINUTE);
    let history = recordAnswer(emptyHistory(), session, firstId);
    history = recordAnswer(history, secondSession, currentId(secondSession));
    expect(history.answers.map((record) => record.answeredAt)).toEqual([T0 + MINUTE, T0 + 5 * MINUTE]);
  });
});

describe('question keys', () => {
  it('do not depend on the order of keys in the question', () => {
    const { id, bank, ...rest } = singleQuestion;
    const reordered = { ...rest, bank, id };
    expect(Object.keys(reordered)).not.toEqual(Object.keys(singleQuestion));
    expect(questionKeyOf(singleQuestion)).toMatch(/^capital-city@[0-9a-f]{8}$/);
    expect(questionKeyOf(reordered)).toBe(questionKeyOf(singleQuestion));
    expect(questionKeyOf({ ...singleQuestion, explanation: 'Changed.' })).not.toBe(
      questionKeyOf(singleQuestion),
    );
  });
});

describe('latest answers', () => {
  it('picks each question’s most recent answer', () => {
    const latest = latestAnswers([
      answer('q01', 'wrong', T0),
      answer('q03', 'correct', T0 + MINUTE),
      answer('q01', 'correct', T0 + 2 * MINUTE),
    ]);
    expect(latest.get('q01')?.grade.verdict).toBe('correct');
    expect(latest.get('q03')?.answeredAt).toBe(T0 + MINUTE);
    expect(latest.size).toBe(2);
  });
});
