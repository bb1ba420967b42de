import type { Question } from '../domain/question';
import type { Grade } from './grade';
import { answerKey, latestAnswers, type AnswerRecord, type History } from './history';
import { gradedAnswers } from './regrade-history';
import type { Schedule } from './schedule';

/**
 * A question the learner currently gets wrong: the question as asked (or as it was corrected, for a
 * regraded answer) and their latest answer to it, with its grade now. `firstGrade` is the grade the
 * answer was given first, when a regrade changed it.
 */
export type Mistake = { questionId: string; question: Question; answer: AnswerRecord; firstGrade?: Grade };

/**
 * The questions whose latest answer is not fully right (wrong, partly right or blank) as graded now
 * (after any regrade), most recent first.
 */
export function currentMistakes(history: History): Mistake[] {
  const mistakes: Mistake[] = [];
  const graded = gradedAnswers(history);
  const firstGrades =
    graded === history.answers
      ? undefined
      : new Map(history.answers.map((answer) => [answerKey(answer), answer.grade]));
  for (const [questionId, answer] of latestAnswers(graded)) {
    if (answer.grade.isCorrect) continue;
    const question = Object.hasOwn(history.questions, answer.asked)
      ? history.questions[answer.asked]
      : undefined;
    const firstGrade = firstGrades?.get(answerKey(answer));
    if (!question) continue;
    mistakes.push(
      firstGrade && firstGrade.points !== answer.grade.points
        ? { questionId, question, answer, firstGrade }
        : { questionId, question, answer },
    );
  }
  return mistakes.sort(
    (left, right) =>
      right.answer.answeredAt - left.answer.answeredAt || (left.questionId < right.questionId ? -1 : 1),
  );
}

export type MistakeGroup = { key: string; mistakes: Mistake[] };

/**
 * Mistakes grouped under the key `keyOf` gives each (its main topic, its cited section). Groups come
 * in the order of `rank` (lower first, unknown keys last), each keeping the mistakes' order.
 */
export function groupMistakes(
  mistakes: readonly Mistake[],
  keyOf: (mistake: Mistake) => string,
  rank: (key: string) => number = () => 0,
): MistakeGroup[] {
  const groups = new Map<string, Mistake[]>();
  for (const mistake of mistakes) {
    const key = keyOf(mistake);
    const group = groups.get(key);
    if (group) group.push(mistake);
    else groups.set(key, [mistake]);
  }
  const order = (key: string) => {
    const value = rank(key);
    return Number.isFinite(value) && value >= 0 ? value : Number.MAX_SAFE_INTEGER;
  };
  return [...groups]
    .map(([key, list]) => ({ key, mistakes: list }))
    .sort((left, right) => order(left.key) - order(right.key));
}

export type DueQuestion = { questionId: string; due: number };

/**
 * Questions due by `until` (e.g. the end of the learner's today), most overdue first. Questions no
 * longer in the banks are left out: they cannot be asked again.
 */
export function dueQuestions(
  schedules: Readonly<Record<string, Schedule>>,
  until: number,
  isInBanks: (questionId: string) => boolean,
): DueQuestion[] {
  return Object.entries(schedules)
    .filter(([questionId, schedule]) => schedule.due <= until && isInBanks(questionId))
    .map(([questionId, schedule]) => ({ questionId, due: schedule.due }))
    .sort((left, right) => left.due - right.due || (left.questionId < right.questionId ? -1 : 1));
}
