import type { QuestionType } from './question';

export const QUESTION_TYPE_NAMES: Record<QuestionType, string> = {
  single: 'Single choice',
  multiple: 'Select all that apply',
  'true-false': 'True or false',
  numeric: 'Number',
  year: 'Year',
  ordering: 'Put in order',
  matching: 'Match pairs',
  'short-text': 'Type the answer',
};

export const DIFFICULTY_NAMES = { 1: 'Easy', 2: 'Medium', 3: 'Hard' } as const;
