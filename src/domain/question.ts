/**
 * The question vocabulary as plain types: what the zod schemas check, the engine computes with and the
 * server stores. No library here, so every layer (browser, build, server) can import it.
 */

export const QUESTION_TYPES = [
  'single',
  'multiple',
  'true-false',
  'numeric',
  'year',
  'ordering',
  'matching',
  'short-text',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const DIFFICULTIES = [1, 2, 3] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

/** How every id is spelled (stable and readable: what URLs, citations and saved history refer to). */
export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const ID_PROBLEM = 'must be kebab-case (lower-case letters, digits, single hyphens)';

/** A topic id, one of those listed in `questions/topics.yaml`. */
export type Topic = string;

/** Where a question's answer is written: the exact words of one passage of one source. */
export type Citation = { source: string; passage: string; quote: string };

export type Choice = { id: string; text: string };

type QuestionCommon = {
  id: string;
  bank: string;
  prompt: string;
  topics: Topic[];
  difficulty: Difficulty;
  explanation: string;
  citations: Citation[];
  /** The facts it asks, as short ids; absent for questions imported from other formats. */
  facts?: string[];
  /** Every question it must never meet in one quiz, whichever side declared it (README, "The JSON export"). */
  related?: string[];
};

// Each type's fields beside the common ones, flattened into one object type per question type.
type WithCommon<T> = T extends unknown
  ? { [K in keyof (QuestionCommon & T)]: (QuestionCommon & T)[K] }
  : never;

/** A question as the app, the engine and the JSON export see it. Choices have ids; `answer` refers to them. */
export type Question = WithCommon<
  | { type: 'single'; choices: Choice[]; answer: string }
  | { type: 'multiple'; choices: Choice[]; answer: string[] }
  | { type: 'true-false'; answer: boolean }
  | { type: 'numeric'; answer: { value: number; tolerance: number; unit: string } }
  | { type: 'year'; answer: number }
  /** Choices listed in the right order; `answer` repeats their ids in that order. */
  | { type: 'ordering'; choices: Choice[]; answer: string[] }
  /** `left` is matched with `choices`; `answer` pairs their ids. */
  | { type: 'matching'; left: Choice[]; choices: Choice[]; answer: { left: string; choice: string }[] }
  | { type: 'short-text'; answer: string[] }
>;

export type QuestionOfType<T extends QuestionType> = Extract<Question, { type: T }>;

/** The fields the draw's filters look at: enough to count matches without loading whole questions. */
export type QuestionFacets = Pick<Question, 'id' | 'bank' | 'type' | 'topics' | 'difficulty'>;
