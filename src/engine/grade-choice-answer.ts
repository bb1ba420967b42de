import type { Choice, QuestionOfType } from '../domain/question';
import { NO_ANSWER, toGrade, type ChoicePart, type Grade } from './grade';
import type { ResponseOfType } from '../domain/learner-response';

function textsOf(choices: readonly Choice[], ids: readonly string[]): string {
  return choices
    .filter((choice) => ids.includes(choice.id))
    .map((choice) => choice.text)
    .join('; ');
}

function choiceParts(
  choices: readonly Choice[],
  selected: readonly string[],
  answer: readonly string[],
): ChoicePart[] {
  return choices.map((choice) => {
    const isSelected = selected.includes(choice.id);
    const isAnswer = answer.includes(choice.id);
    return {
      kind: 'choice',
      choiceId: choice.id,
      text: choice.text,
      isSelected,
      isAnswer,
      isRight: isSelected === isAnswer,
    };
  });
}

/** All or nothing. `choices` are in the order shown. */
export function gradeSingle(
  question: QuestionOfType<'single'>,
  response: ResponseOfType<'single'>,
  choices: readonly Choice[],
  isBlank: boolean,
): Grade {
  const selected = isBlank ? [] : [response.choice ?? ''];
  const given = isBlank ? NO_ANSWER : textsOf(choices, selected) || 'A choice this question does not have';
  const details = {
    questionId: question.id,
    given,
    expected: textsOf(choices, [question.answer]),
    parts: choiceParts(choices, selected, [question.answer]),
  };
  return toGrade(details, selected[0] === question.answer ? 1 : 0, isBlank);
}

/**
 * Partial credit as Moodle grades it: each right selection earns 1/(number of right choices),
 * each wrong selection costs 1/(number of wrong choices), and the total never drops below zero.
 */
export function gradeMultiple(
  question: QuestionOfType<'multiple'>,
  response: ResponseOfType<'multiple'>,
  choices: readonly Choice[],
  isBlank: boolean,
): Grade {
  const selected = isBlank ? [] : response.choices.filter((id) => choices.some((choice) => choice.id === id));
  const rightCount = choices.filter((choice) => question.answer.includes(choice.id)).length;
  const wrongCount = choices.length - rightCount;
  const rightPicks = choices.filter(
    (choice) => selected.includes(choice.id) && question.answer.includes(choice.id),
  ).length;
  const wrongPicks = choices.filter(
    (choice) => selected.includes(choice.id) && !question.answer.includes(choice.id),
  ).length;
  const points =
    (rightCount > 0 ? rightPicks / rightCount : 0) - (wrongCount > 0 ? wrongPicks / wrongCount : 0);
  const details = {
    questionId: question.id,
    given: isBlank ? NO_ANSWER : textsOf(choices, selected) || 'Choices this question does not have',
    expected: textsOf(choices, question.answer),
    parts: choiceParts(choices, selected, question.answer),
  };
  return toGrade(details, points, isBlank);
}

function trueOrFalse(value: boolean): string {
  return value ? 'True' : 'False';
}

/** All or nothing. */
export function gradeTrueFalse(
  question: QuestionOfType<'true-false'>,
  response: ResponseOfType<'true-false'>,
  isBlank: boolean,
): Grade {
  const isRight = !isBlank && response.value === question.answer;
  const details = {
    questionId: question.id,
    given: isBlank || typeof response.value !== 'boolean' ? NO_ANSWER : trueOrFalse(response.value),
    expected: trueOrFalse(question.answer),
  };
  return toGrade(details, isRight ? 1 : 0, isBlank);
}
