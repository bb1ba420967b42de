import type { Question } from '../domain/question';
import { latestAnswers, type AnswerRecord, type History } from './history';
import type { Schedule } from './schedule';

/** A question the learner currently gets wrong: the question as asked and their latest answer to it. */
export type Mistake = { questionId: string; question: Question; answer: AnswerRecord };

/** The questions whose latest answer is not fully right (wrong, partly right or blank), most recent first. */
export function currentMistakes(history: History): Mistake[] {
  const mistakes: Mistake[] = [];
  for (const [questionId, answer] of latestAnswers(history.answers)) {
    if (answer.grade.isCorrect) continue;
    const question = Object.hasOwn(history.questions, answer.asked)
      ? history.questions[answer.asked]
      : undefined;
    if (question) mistakes.push({ questionId, question, answer });
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
