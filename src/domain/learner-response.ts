import type { QuestionType } from './question';

/**
 * What a learner answered, one shape per question type. Ids refer to the question's choices
 * (ordering items, matching right-hand side) and, for matching, its left-hand side.
 */
export type LearnerResponse =
  | { type: 'single'; choice: string | null }
  | { type: 'multiple'; choices: readonly string[] }
  | { type: 'true-false'; value: boolean | null }
  | { type: 'numeric'; text: string }
  | { type: 'year'; text: string }
  | { type: 'ordering'; order: readonly string[] }
  | { type: 'matching'; pairs: Readonly<Record<string, string>> }
  | { type: 'short-text'; text: string };

export type ResponseOfType<T extends QuestionType> = Extract<LearnerResponse, { type: T }>;

/** What a learner has given before they touch a question: nothing, in the shape of each type. */
export const BLANK_RESPONSES: { readonly [T in QuestionType]: Readonly<ResponseOfType<T>> } = Object.freeze({
  single: { type: 'single', choice: null },
  multiple: { type: 'multiple', choices: [] },
  'true-false': { type: 'true-false', value: null },
  numeric: { type: 'numeric', text: '' },
  year: { type: 'year', text: '' },
  ordering: { type: 'ordering', order: [] },
  matching: { type: 'matching', pairs: {} },
  'short-text': { type: 'short-text', text: '' },
});

function isBlankText(text: unknown): boolean {
  return typeof text !== 'string' || text.trim() === '';
}

/** True when the learner gave nothing to grade: no choice, no text, no order, no pair. */
export function isBlankResponse(response: LearnerResponse | null | undefined): boolean {
  if (!response) return true;
  switch (response.type) {
    case 'single':
      return typeof response.choice !== 'string' || response.choice === '';
    case 'multiple':
      return !Array.isArray(response.choices) || response.choices.length === 0;
    case 'true-false':
      return typeof response.value !== 'boolean';
    case 'ordering':
      return !Array.isArray(response.order) || response.order.length === 0;
    case 'matching':
      return (
        typeof response.pairs !== 'object' ||
        response.pairs === null ||
        !Object.values(response.pairs).some((choice) => typeof choice === 'string' && choice !== '')
      );
    case 'numeric':
    case 'year':
    case 'short-text':
      return isBlankText(response.text);
    default:
      return true;
  }
}
