import { roundPoints } from '../domain/round';
import { finalAnswers, type AnswerRecord } from './history';

/** How many questions of a group (topic, source, section) the learner knows, out of how many. */
export type Mastery = { known: number; total: number };

/**
 * For each group, its questions and how many the learner knows: those whose latest answer was fully
 * right. A question counts once in every group it names; a group nobody answered still counts its total.
 */
export function masteryByGroup(
  questions: readonly { id: string; groups: readonly string[] }[],
  latest: ReadonlyMap<string, AnswerRecord>,
): Map<string, Mastery> {
  const mastery = new Map<string, Mastery>();
  for (const question of questions) {
    const isKnown = latest.get(question.id)?.grade.isCorrect === true;
    for (const group of new Set(question.groups)) {
      const counts = mastery.get(group) ?? { known: 0, total: 0 };
      mastery.set(group, { known: counts.known + (isKnown ? 1 : 0), total: counts.total + 1 });
    }
  }
  return mastery;
}

/** One day the learner practised: answers given (the last per question and quiz), points, whole percent. */
export type DayAccuracy = { day: string; answered: number; points: number; percent: number };

/** Accuracy per day practised, oldest first. `toDay` turns a time into the learner's local "YYYY-MM-DD". */
export function accuracyByDay(
  answers: readonly AnswerRecord[],
  toDay: (at: number) => string,
): DayAccuracy[] {
  const days = new Map<string, { answered: number; points: number }>();
  for (const answer of finalAnswers(answers)) {
    const day = toDay(answer.answeredAt);
    const totals = days.get(day) ?? { answered: 0, points: 0 };
    days.set(day, { answered: totals.answered + 1, points: totals.points + answer.grade.points });
  }
  return [...days]
    .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0))
    .map(([day, { answered, points }]) => ({
      day,
      answered,
      // Sums of partial points pick up floating-point dust.
      points: roundPoints(points),
      percent: Math.round((100 * points) / answered),
    }));
}
