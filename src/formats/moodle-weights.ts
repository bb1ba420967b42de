import type { QuestionOfType } from '../domain/question';

/**
 * The grades Moodle accepts for an answer, in percent (question_bank::fraction_options_full, which
 * its GIFT and XML importers match within 0.001%); any other weight makes Moodle refuse the question.
 */
export const MOODLE_GRADES = [
  100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5,
  11.11111, 10, 5, 0,
] as const;

/** The Moodle grade nearest to a weight in percent, keeping its sign. */
export function nearestMoodleGrade(percent: number): number {
  const size = Math.abs(percent);
  const nearest = MOODLE_GRADES.reduce((best, grade) =>
    Math.abs(grade - size) < Math.abs(best - size) ? grade : best,
  );
  return percent < 0 ? -nearest : nearest;
}

/**
 * Percent weights as Moodle grades a multiple-answer question: right ones share 100, wrong ones share
 * -100, each rounded to the nearest grade Moodle accepts. `note` says what rounding changed, if anything.
 */
export function multipleWeights(question: QuestionOfType<'multiple'>): { weights: number[]; note?: string } {
  const rightCount = question.choices.filter((choice) => question.answer.includes(choice.id)).length;
  const wrongCount = question.choices.length - rightCount;
  const exact = question.choices.map((choice) =>
    question.answer.includes(choice.id) ? 100 / rightCount : -100 / Math.max(wrongCount, 1),
  );
  const weights = exact.map(nearestMoodleGrade);
  const changed = exact.flatMap((weight, index) =>
    Math.abs(weight - (weights[index] ?? 0)) > 0.001
      ? [`${Number(weight.toFixed(5))}% became ${weights[index]}%`]
      : [],
  );
  const unique = [...new Set(changed)];
  return unique.length === 0
    ? { weights }
    : {
        weights,
        note: `Moodle accepts only its own list of grades: ${unique.join(', ')} (a perfect answer may then score a little more or less than 100%)`,
      };
}
