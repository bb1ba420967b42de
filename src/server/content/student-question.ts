import type { Question } from '../../domain/question';
import type { LearnerResponse } from '../../domain/learner-response';
import type { ShownQuestion } from '../../domain/shown-question';
import {
  presentedChoices,
  presentedLeft,
  showQuestion,
  type PresentedQuestion,
} from '../../engine/present-question';
import type { StudentResponse } from '../api-schemas';

/**
 * A question as a student's device gets it before answering: enough to show every type, nothing
 * that gives the answer away. No answer, explanation, citation or question id; choices carry ids
 * by position as shown (c1, c2, …; the matching left-hand side l1, l2, …), because the banks' own
 * choice ids follow the authored order (an ordering's ids are its answer).
 */
export type StudentQuestion = ShownQuestion & {
  index: number;
  topics: Question['topics'];
  difficulty: Question['difficulty'];
};

export function toStudentQuestion(presented: PresentedQuestion, index: number): StudentQuestion {
  const shown = showQuestion(presented);
  const { question } = presented;
  return {
    ...shown,
    index,
    topics: question.topics,
    difficulty: question.difficulty,
    choices: shown.choices.map((choice, at) => ({ id: `c${at + 1}`, text: choice.text })),
    left: shown.left.map((item, at) => ({ id: `l${at + 1}`, text: item.text })),
  };
}

type Translated = { ok: true; response: LearnerResponse } | { ok: false; problem: string };

function lookup(prefix: string, items: readonly { id: string }[]) {
  return (presentedId: string): string | undefined => {
    const match = new RegExp(`^${prefix}([1-9]\\d?)$`).exec(presentedId);
    return match ? items[Number(match[1]) - 1]?.id : undefined;
  };
}

function allDistinct(ids: readonly (string | undefined)[]): ids is string[] {
  return ids.every((id) => id !== undefined) && new Set(ids).size === ids.length;
}

/**
 * The response in the question's own ids, ready for the engine; a response of another type, or
 * naming a choice the question does not show, is refused (and nothing is stored).
 */
export function translateResponse(presented: PresentedQuestion, response: StudentResponse): Translated {
  const { question } = presented;
  if (response.type !== question.type) {
    return { ok: false, problem: `this question takes a ${question.type} answer, not ${response.type}` };
  }
  const choiceOf = lookup('c', presentedChoices(presented));
  const leftOf = lookup('l', presentedLeft(presented));
  const unknown = { ok: false, problem: 'the answer names a choice this question does not have' } as const;
  switch (response.type) {
    case 'single': {
      if (response.choice === null) return { ok: true, response };
      const choice = choiceOf(response.choice);
      return choice ? { ok: true, response: { type: 'single', choice } } : unknown;
    }
    case 'multiple': {
      const choices = response.choices.map(choiceOf);
      return allDistinct(choices) ? { ok: true, response: { type: 'multiple', choices } } : unknown;
    }
    case 'ordering': {
      const order = response.order.map(choiceOf);
      return allDistinct(order) ? { ok: true, response: { type: 'ordering', order } } : unknown;
    }
    case 'matching': {
      const pairs: Record<string, string> = {};
      for (const [left, choice] of Object.entries(response.pairs)) {
        const leftId = leftOf(left);
        const choiceId = choiceOf(choice);
        if (!leftId || !choiceId) return unknown;
        pairs[leftId] = choiceId;
      }
      return { ok: true, response: { type: 'matching', pairs } };
    }
    case 'true-false':
    case 'numeric':
    case 'year':
    case 'short-text':
      return { ok: true, response };
  }
}
