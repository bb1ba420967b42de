import type { LearnerResponse } from '../domain/learner-response';
import type { Choice, Question } from '../domain/question';
import { gradeAnswer } from './grade-answer';
import type { Grade } from './grade';
import type { PresentedQuestion } from './present-question';

/**
 * A change a teacher accepts after a dispute. `accept-answer` adds an accepted text (short-text) or
 * a right choice (multiple); `change-key` replaces the answer (single: a choice id; multiple and
 * short-text: a list; true-false: a boolean; year and numeric: a number, the tolerance kept);
 * `remove-choice` withdraws a choice that should not have been offered.
 */
export type QuestionChange =
  | { kind: 'accept-answer'; answer: string }
  | { kind: 'change-key'; key: string | readonly string[] | boolean | number }
  | { kind: 'remove-choice'; choiceId: string };

export type ChangeOutcome = { ok: true; question: Question } | { ok: false; problem: string };

function hasChoice(choices: readonly Choice[], id: string): boolean {
  return choices.some((choice) => choice.id === id);
}

function isIdList(
  key: QuestionChange & { kind: 'change-key' },
): key is { kind: 'change-key'; key: string[] } {
  return Array.isArray(key.key) && key.key.every((item: unknown) => typeof item === 'string');
}

function acceptAnswer(question: Question, answer: string): ChangeOutcome {
  const text = answer.trim();
  if (text === '') return { ok: false, problem: 'the accepted answer is empty' };
  switch (question.type) {
    case 'short-text':
      if (question.answer.includes(text)) return { ok: false, problem: `"${text}" is already accepted` };
      return { ok: true, question: { ...question, answer: [...question.answer, text] } };
    case 'multiple':
      if (!hasChoice(question.choices, text)) return { ok: false, problem: `there is no choice ${text}` };
      if (question.answer.includes(text)) return { ok: false, problem: `choice ${text} is already right` };
      return { ok: true, question: { ...question, answer: [...question.answer, text] } };
    default:
      return {
        ok: false,
        problem: `a ${question.type} question has one right answer: change its key instead`,
      };
  }
}

function changeKey(question: Question, change: QuestionChange & { kind: 'change-key' }): ChangeOutcome {
  const { key } = change;
  const wrongKey = { ok: false, problem: `that key does not fit a ${question.type} question` } as const;
  switch (question.type) {
    case 'single':
      if (typeof key !== 'string' || !hasChoice(question.choices, key)) return wrongKey;
      return { ok: true, question: { ...question, answer: key } };
    case 'multiple': {
      if (!isIdList(change) || change.key.length === 0) return wrongKey;
      if (!change.key.every((id) => hasChoice(question.choices, id))) return wrongKey;
      return { ok: true, question: { ...question, answer: [...new Set(change.key)] } };
    }
    case 'true-false':
      return typeof key === 'boolean' ? { ok: true, question: { ...question, answer: key } } : wrongKey;
    case 'year':
      return Number.isInteger(key) ? { ok: true, question: { ...question, answer: Number(key) } } : wrongKey;
    case 'numeric':
      if (typeof key !== 'number' || !Number.isFinite(key)) return wrongKey;
      return { ok: true, question: { ...question, answer: { ...question.answer, value: key } } };
    case 'short-text': {
      if (!isIdList(change)) return wrongKey;
      const texts = change.key.map((text) => text.trim()).filter((text) => text !== '');
      return texts.length > 0 ? { ok: true, question: { ...question, answer: texts } } : wrongKey;
    }
    case 'ordering':
    case 'matching':
      return {
        ok: false,
        problem: `the key of this ${question.type} question is changed by editing its bank`,
      };
  }
}

function removeChoice(question: Question, choiceId: string): ChangeOutcome {
  if (question.type !== 'single' && question.type !== 'multiple') {
    return { ok: false, problem: `a ${question.type} question has no choice to remove` };
  }
  if (!hasChoice(question.choices, choiceId)) return { ok: false, problem: `there is no choice ${choiceId}` };
  const choices = question.choices.filter((choice) => choice.id !== choiceId);
  if (choices.length < 2) return { ok: false, problem: 'a question keeps at least two choices' };
  if (question.type === 'single') {
    if (question.answer === choiceId) {
      return { ok: false, problem: 'the right choice cannot be removed: change the key first' };
    }
    return { ok: true, question: { ...question, choices } };
  }
  const answer = question.answer.filter((id) => id !== choiceId);
  if (answer.length === 0) return { ok: false, problem: 'the only right choice cannot be removed' };
  return { ok: true, question: { ...question, choices, answer } };
}

/** The question's next version with the change made, or why the change does not fit it. Pure. */
export function applyQuestionChange(question: Question, change: QuestionChange): ChangeOutcome {
  switch (change.kind) {
    case 'accept-answer':
      return acceptAnswer(question, change.answer);
    case 'change-key':
      return changeKey(question, change);
    case 'remove-choice':
      return removeChoice(question, change.choiceId);
  }
}

/**
 * The revised version as the learner saw the original: the same order, less any choice that was
 * removed (a removed choice a learner picked is then a choice the question does not have, which
 * the engine already grades: wrong for single, ignored for multiple).
 */
export function presentRevision(asked: PresentedQuestion, revised: Question): PresentedQuestion {
  const kept = 'choices' in revised ? new Set(revised.choices.map((choice) => choice.id)) : new Set<string>();
  return {
    question: revised,
    choiceOrder: asked.choiceOrder.filter((id) => kept.has(id)),
    leftOrder: asked.leftOrder,
  };
}

export type StoredAnswer<Id> = { id: Id; response: LearnerResponse | null };
export type RegradedAnswer<Id> = { id: Id; before: Grade; after: Grade; pointsChange: number };

/**
 * Grades each stored response again, with the same engine, against the revised version of the
 * question it answered; says the grade before and after. Responses are in the question's own ids.
 */
export function regradeAnswers<Id>(
  asked: PresentedQuestion,
  revised: Question,
  stored: readonly StoredAnswer<Id>[],
): RegradedAnswer<Id>[] {
  const revision = presentRevision(asked, revised);
  return stored.map(({ id, response }) => {
    const before = gradeAnswer(asked, response);
    const after = gradeAnswer(revision, response);
    return { id, before, after, pointsChange: Math.round((after.points - before.points) * 1e6) / 1e6 };
  });
}
