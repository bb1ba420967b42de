import type { Choice, QuestionType } from './question';

/**
 * A question as a learner sees it before answering: its text and its choices in the order shown, and
 * nothing that gives the answer away. A quiz on the device shows its own questions this way; the
 * server sends exactly this to students (with choice ids by position), so one set of inputs serves both.
 */
export type ShownQuestion = {
  type: QuestionType;
  prompt: string;
  /** single, multiple, ordering (the items), matching (the right-hand side); else empty. */
  choices: Choice[];
  /** matching: the left-hand side; else empty. */
  left: Choice[];
  /** numeric: the unit the answer is given in. */
  unit?: string;
};
