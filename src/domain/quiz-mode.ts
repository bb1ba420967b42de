/** Practice shows each answer's feedback at once; a test shows it all at the end. */
export const QUIZ_MODES = ['practice', 'test'] as const;
export type QuizMode = (typeof QUIZ_MODES)[number];
