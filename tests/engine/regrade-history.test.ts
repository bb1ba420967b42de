import { describe, expect, it } from 'vitest';
import type { LearnerResponse } from '@/domain/learner-response';
import type { Question } from '@/domain/question';
import { gradeAnswer } from '@/engine/grade-answer';
import {
  answerKey,
  questionKeyOf,
  type AnswerRecord,
  type AttemptRecord,
  type History,
} from '@/engine/history';
import { mergeHistories } from '@/engine/merge-backup';
import { emptyProgress, withRegradesRecorded, type Progress } from '@/engine/progress';
import { changedVerdicts, gradedAnswers, regradesDue, withRegrades } from '@/engine/regrade-history';
import { currentMistakes } from '@/engine/review-queue';
import { buildSchedules, scheduleOf } from '@/engine/schedule';
import { multipleQuestion, shortTextQuestion, singleQuestion, trueFalseQuestion } from './fixtures';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 2, 9);
const REGRADED_AT = T0 + 10 * DAY;

function attempt(id: string, seed = 'seed'): AttemptRecord {
  return { id, seed, mode: 'practice', questionIds: [], startedAt: T0 };
}

function answer(question: Question, response: LearnerResponse, at: number, attemptId = 'a1'): AnswerRecord {
  return {
    attemptId,
    questionId: question.id,
    asked: questionKeyOf(question),
    response,
    grade: gradeAnswer(question, response),
    answeredAt: at,
  };
}

/** A history of `answers`, each to the version it names, with every attempt it uses. */
function historyOf(
  versions: readonly Question[],
  answers: AnswerRecord[],
  attempts = [attempt('a1')],
): History {
  return {
    attempts,
    answers,
    questions: Object.fromEntries(versions.map((question) => [questionKeyOf(question), question])),
  };
}

/** [points, verdict] of each answer as it counts now. */
const counted = (history: History) =>
  gradedAnswers(history).map(({ grade }) => [grade.points, grade.verdict] as const);

const single = (choice: string): LearnerResponse => ({ type: 'single', choice });
const picks = (...choices: string[]): LearnerResponse => ({ type: 'multiple', choices });
const typed = (text: string): LearnerResponse => ({ type: 'short-text', text });

describe('regrading a stored answer when the banks hold a new version of its question', () => {
  it('moves the point with a changed key, keeps the answers and their first grades, and does it once', () => {
    // Hanoi (a) was the key; the corrected version says Ho Chi Minh City (b).
    const corrected: Question = { ...singleQuestion, answer: 'b' };
    const answers = [answer(singleQuestion, single('a'), T0), answer(singleQuestion, single('b'), T0 + DAY)];
    const before = historyOf([singleQuestion], answers);
    expect(counted(before)).toEqual([
      [1, 'correct'],
      [0, 'wrong'],
    ]);

    const due = regradesDue(before, [corrected], REGRADED_AT);
    expect(
      due.regrades.map(({ from, to, grade, regradedAt }) => [from, to, grade.verdict, regradedAt]),
    ).toEqual([
      [questionKeyOf(singleQuestion), questionKeyOf(corrected), 'wrong', REGRADED_AT],
      [questionKeyOf(singleQuestion), questionKeyOf(corrected), 'correct', REGRADED_AT],
    ]);
    expect(due.questions).toEqual({ [questionKeyOf(corrected)]: corrected });

    const after = withRegrades(before, due);
    expect(counted(after)).toEqual([
      [0, 'wrong'],
      [1, 'correct'],
    ]);
    // Nothing overwritten: the raw responses, the version asked and the first grades are all there.
    expect(after.answers).toEqual(answers);
    expect(after.questions[questionKeyOf(singleQuestion)]).toEqual(singleQuestion);
    // The next start with the same banks finds nothing to do.
    expect(regradesDue(after, [corrected], REGRADED_AT + DAY).regrades).toEqual([]);
  });

  it('gives the point to a newly accepted answer and records, without a changed verdict, the one already right', () => {
    const v1: Question = { ...shortTextQuestion, answer: ['Enabel'] };
    const v2: Question = { ...shortTextQuestion, answer: ['Enabel', 'Belgian Development Agency'] };
    const before = historyOf(
      [v1],
      [answer(v1, typed('belgian development agency'), T0), answer(v1, typed('ENABEL'), T0 + 1)],
    );
    expect(counted(before)).toEqual([
      [0, 'wrong'],
      [1, 'correct'],
    ]);
    const after = withRegrades(before, regradesDue(before, [v2], REGRADED_AT));
    expect(counted(after)).toEqual([
      [1, 'correct'],
      [1, 'correct'],
    ]);
    expect(after.regrades).toHaveLength(2);
    // Only the answer whose points changed is one to tell the learner about.
    expect(
      changedVerdicts(after).map(({ answer, regrade }) => [answer.grade.verdict, regrade.grade.verdict]),
    ).toEqual([['wrong', 'correct']]);
  });

  it('regrades with a removed choice: a pick of it no longer costs anything', () => {
    // Right: a and c; wrong: b and d. Picking a, c and d: 2/2 − 1/2 = ½. Picking a and b: ½ − ½ = 0.
    // Without d, the only wrong choice is b: a, c and d earns 2/2 (d is no choice now) = 1; a and b
    // earns ½ − 1/1, never below 0, = 0.
    const withoutD: Question = {
      ...multipleQuestion,
      choices: multipleQuestion.choices.filter((choice) => choice.id !== 'd'),
    };
    const before = historyOf(
      [multipleQuestion],
      [answer(multipleQuestion, picks('a', 'c', 'd'), T0), answer(multipleQuestion, picks('a', 'b'), T0 + 1)],
    );
    expect(counted(before)).toEqual([
      [0.5, 'partial'],
      [0, 'wrong'],
    ]);
    const after = withRegrades(before, regradesDue(before, [withoutD], REGRADED_AT));
    expect(counted(after)).toEqual([
      [1, 'correct'],
      [0, 'wrong'],
    ]);
  });

  it('follows a second correction from the version last graded with, and back again', () => {
    const v2: Question = { ...singleQuestion, answer: 'b' };
    const start = historyOf([singleQuestion], [answer(singleQuestion, single('a'), T0)]);
    const once = withRegrades(start, regradesDue(start, [v2], REGRADED_AT));
    // The authors put the key back: the answer is graded with that version again, from v2.
    const twice = withRegrades(once, regradesDue(once, [singleQuestion], REGRADED_AT + DAY));
    expect(twice.regrades?.map(({ from, to }) => [from, to])).toEqual([
      [questionKeyOf(singleQuestion), questionKeyOf(v2)],
      [questionKeyOf(v2), questionKeyOf(singleQuestion)],
    ]);
    expect(counted(once)).toEqual([[0, 'wrong']]);
    expect(counted(twice)).toEqual([[1, 'correct']]);
    // A third start with the same banks: nothing.
    expect(regradesDue(twice, [singleQuestion], REGRADED_AT + 2 * DAY).regrades).toEqual([]);
  });

  it('takes a version that differs only in facts or related questions (which steer draws) as the same', () => {
    const history = historyOf([singleQuestion], [answer(singleQuestion, single('a'), T0)]);
    const relatedElsewhere: Question = { ...singleQuestion, facts: ['capital'], related: ['other-question'] };
    expect(regradesDue(history, [relatedElsewhere], REGRADED_AT).regrades).toEqual([]);
    // A new wording is a new version: regraded, to the same grade, and not told as a change.
    const reworded: Question = { ...singleQuestion, prompt: 'Which city is the capital?' };
    const after = withRegrades(history, regradesDue(history, [reworded], REGRADED_AT));
    expect(after.regrades).toHaveLength(1);
    expect(changedVerdicts(after)).toEqual([]);
    expect(currentMistakes(after)).toEqual([]);
  });

  it('leaves alone answers a classroom server graded, questions gone from the banks, and a change of type', () => {
    const corrected: Question = { ...singleQuestion, answer: 'b' };
    const asTrueFalse: Question = { ...trueFalseQuestion, id: multipleQuestion.id };
    const history = historyOf(
      [singleQuestion, multipleQuestion],
      [
        answer(singleQuestion, single('a'), T0, 'server-attempt'),
        answer(singleQuestion, single('a'), T0 + 1, 'live-attempt'),
        answer(multipleQuestion, picks('a'), T0 + 2),
      ],
      [attempt('a1'), attempt('server-attempt', 'server-x-1'), attempt('live-attempt', 'live-y')],
    );
    expect(regradesDue(history, [corrected, asTrueFalse], REGRADED_AT).regrades).toEqual([]);
    expect(regradesDue(history, [], REGRADED_AT).regrades).toEqual([]);
  });
});

describe('what counts after a regrade', () => {
  const corrected: Question = { ...singleQuestion, answer: 'b' };

  function progressOf(history: History): Progress {
    const progress = emptyProgress();
    return {
      ...progress,
      history,
      schedules: buildSchedules(history.answers, progress.resets, progress.settings),
    };
  }

  it('reschedules with the new verdict and takes the question out of the mistakes', () => {
    const wrongThen = answer(singleQuestion, single('b'), T0);
    const before = progressOf(historyOf([singleQuestion], [wrongThen]));
    expect(currentMistakes(before.history).map(({ questionId }) => questionId)).toEqual([singleQuestion.id]);

    const after = withRegradesRecorded(before, regradesDue(before.history, [corrected], REGRADED_AT));
    const rightNow = { ...wrongThen, grade: gradeAnswer(corrected, single('b')) };
    expect(after.schedules[singleQuestion.id]).toEqual(scheduleOf([rightNow], undefined, after.settings));
    expect(after.schedules[singleQuestion.id]).not.toEqual(before.schedules[singleQuestion.id]);
    expect(currentMistakes(after.history)).toEqual([]);
    expect(changedVerdicts(after.history).map(({ answer }) => answerKey(answer))).toEqual([
      answerKey(wrongThen),
    ]);
  });

  it('shows an answer regraded to wrong among the mistakes, with the corrected question and its first grade', () => {
    const rightThen = answer(singleQuestion, single('a'), T0);
    const after = withRegrades(
      historyOf([singleQuestion], [rightThen]),
      regradesDue(historyOf([singleQuestion], [rightThen]), [corrected], REGRADED_AT),
    );
    const [mistake] = currentMistakes(after);
    expect(mistake?.question).toEqual(corrected);
    expect(mistake?.answer.grade.verdict).toBe('wrong');
    expect(mistake?.firstGrade?.verdict).toBe('correct');
  });

  it('keeps every regrade of both devices when histories merge, each once', () => {
    const start = historyOf([singleQuestion], [answer(singleQuestion, single('a'), T0)]);
    const regraded = withRegrades(start, regradesDue(start, [corrected], REGRADED_AT));
    const merged = mergeHistories(start, regraded);
    expect(merged.regrades).toEqual(regraded.regrades);
    expect(mergeHistories(merged, regraded).regrades).toEqual(regraded.regrades);
    expect(counted(merged)).toEqual([[0, 'wrong']]);
  });
});
