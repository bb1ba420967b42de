import type { QuestionOfType } from '../domain/question';

/** Percent weights as Moodle grades a multiple-answer question: right ones share 100, wrong ones share -100. */
export function multipleWeights(question: QuestionOfType<'multiple'>): number[] {
  const rightCount = question.choices.filter((choice) => question.answer.includes(choice.id)).length;
  const wrongCount = question.choices.length - rightCount;
  return question.choices.map((choice) =>
    question.answer.includes(choice.id) ? 100 / rightCount : -100 / Math.max(wrongCount, 1),
  );
}
