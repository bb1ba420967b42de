import type { Question } from '../domain/question';
import { NO_ANSWER, toGrade, type Grade } from './grade';
import { gradeMatching, gradeOrdering } from './grade-arrangement-answer';
import { gradeMultiple, gradeSingle, gradeTrueFalse } from './grade-choice-answer';
import { gradeNumeric, gradeShortText, gradeYear } from './grade-typed-answer';
import {
  BLANK_RESPONSES,
  isBlankResponse,
  type LearnerResponse,
  type ResponseOfType,
} from '../domain/learner-response';
import { inOrder, isPresentedQuestion, type PresentedQuestion } from './present-question';

function expectedOf(question: Question): string {
  // Grading a blank answer of the right type yields the readable right answer of any question.
  switch (question.type) {
    case 'single':
      return gradeSingle(question, BLANK_RESPONSES.single, question.choices, true).expected;
    case 'multiple':
      return gradeMultiple(question, BLANK_RESPONSES.multiple, question.choices, true).expected;
    case 'true-false':
      return gradeTrueFalse(question, BLANK_RESPONSES['true-false'], true).expected;
    case 'numeric':
      return gradeNumeric(question, BLANK_RESPONSES.numeric, true).expected;
    case 'year':
      return gradeYear(question, BLANK_RESPONSES.year, true).expected;
    case 'ordering':
      return gradeOrdering(question, BLANK_RESPONSES.ordering, true).expected;
    case 'matching':
      return gradeMatching(question, BLANK_RESPONSES.matching, question.left, true).expected;
    case 'short-text':
      return gradeShortText(question, BLANK_RESPONSES['short-text'], true).expected;
  }
}

function isResponseOf<T extends Question['type']>(
  type: T,
  response: LearnerResponse | null | undefined,
): response is ResponseOfType<T> {
  return response?.type === type;
}

function gradeOfSameType(
  question: Question,
  presented: PresentedQuestion | null,
  response: LearnerResponse | null | undefined,
  isBlank: boolean,
): Grade | null {
  const choiceOrder = presented?.choiceOrder ?? [];
  switch (question.type) {
    case 'single':
      if (!isResponseOf('single', response)) return null;
      return gradeSingle(question, response, inOrder(question.choices, choiceOrder), isBlank);
    case 'multiple':
      if (!isResponseOf('multiple', response)) return null;
      return gradeMultiple(question, response, inOrder(question.choices, choiceOrder), isBlank);
    case 'true-false':
      return isResponseOf('true-false', response) ? gradeTrueFalse(question, response, isBlank) : null;
    case 'numeric':
      return isResponseOf('numeric', response) ? gradeNumeric(question, response, isBlank) : null;
    case 'year':
      return isResponseOf('year', response) ? gradeYear(question, response, isBlank) : null;
    case 'ordering':
      return isResponseOf('ordering', response) ? gradeOrdering(question, response, isBlank) : null;
    case 'matching':
      if (!isResponseOf('matching', response)) return null;
      return gradeMatching(question, response, inOrder(question.left, presented?.leftOrder ?? []), isBlank);
    case 'short-text':
      return isResponseOf('short-text', response) ? gradeShortText(question, response, isBlank) : null;
  }
}

/**
 * Grades one answer: points in [0, 1], a verdict, and readable given and expected texts. A blank
 * answer (or `null`) is 'unanswered'; an answer meant for another type of question is 'wrong'.
 * Never throws. Rules per type: docs/grading.md.
 */
export function gradeAnswer(
  target: PresentedQuestion | Question,
  response: LearnerResponse | null | undefined,
): Grade {
  const presented = isPresentedQuestion(target) ? target : null;
  const question = isPresentedQuestion(target) ? target.question : target;
  const isBlank = isBlankResponse(response);
  const grade = gradeOfSameType(question, presented, response, isBlank);
  if (grade) return grade;
  const given = isBlank ? NO_ANSWER : 'An answer to a different kind of question';
  return toGrade({ questionId: question.id, given, expected: expectedOf(question) }, 0, isBlank);
}
