import type { LearnerResponse } from './learner-response';
import type { QuizMode } from './quiz-mode';

/** What a teacher shares: everything a student's device needs to give exactly the same quiz. */
export type Assignment = {
  title: string;
  /** Question ids, in the order the teacher chose them. */
  ids: string[];
  mode: QuizMode;
  /** A time limit in minutes; 0 for none. */
  minutes: number;
  /** Every student gets the questions in the same order; otherwise each student's own. */
  sameOrder: boolean;
  seed: string;
};

/**
 * How far an assignment may go. The builder offers no more than this and the link codec accepts no
 * more, so a teacher can never make a link that students' devices refuse.
 */
export const ASSIGNMENT_LIMITS = {
  titleLength: 120,
  questions: 200,
  minutes: 180,
  studentNameLength: 80,
} as const;

/** What a student hands back: the assignment, who they are and what they answered. */
export type ClassResult = {
  assignment: Assignment;
  student: string;
  /** One per assignment question, in the assignment's order; null when not answered. */
  responses: (LearnerResponse | null)[];
  finishedAt: number;
};
