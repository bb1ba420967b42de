import type { Question } from '@/domain/question';
import { useLocation } from 'react-router';
import type { PresentedQuestion } from '@/engine/present-question';
import { startQuiz } from '@/engine/quiz-session';
import { decodeAssignment } from '@/content/classroom-codes';
import type { Assignment } from '@/domain/assignment';
import { useQuestions } from '@/hooks/use-questions';
import { readHashCode } from '@/navigation/read-hash';

export type LoadedAssignment =
  | {
      ok: true;
      code: string;
      assignment: Assignment;
      presented: PresentedQuestion[];
      missingIds: string[];
      /** Questions left out because an earlier one in the list is related to them (never two in one quiz). */
      heldBackIds: string[];
    }
  | { ok: false; problem: string };

/**
 * The assignment in the URL's hash (`#A1.…`), with its questions presented in the shared order: the
 * order a class sees on the projector and on paper. Hashes never reach a server.
 */
export function useAssignmentFromHash(): LoadedAssignment {
  const { hash } = useLocation();
  // Assignments hold built-in questions only: every student's device has them.
  const pool = useQuestions([], { withMyQuestions: false });
  const code = readHashCode(hash);
  if (!code) return { ok: false, problem: 'the link has no assignment in it' };
  const decoded = decodeAssignment(code);
  if (!decoded.ok) return decoded;
  return { ok: true, code, ...presentAssignment(decoded.value, pool) };
}

export function presentAssignment(assignment: Assignment, pool: readonly Question[]) {
  const session = startQuiz({
    pool,
    settings: { ids: assignment.ids, count: 'all' },
    seed: assignment.seed,
    mode: assignment.mode,
    startedAt: 0,
  });
  const present = new Set(pool.map((question) => question.id));
  const shown = new Set(session.questions.map(({ question }) => question.id));
  return {
    assignment,
    presented: session.questions,
    missingIds: assignment.ids.filter((id) => !present.has(id)),
    heldBackIds: assignment.ids.filter((id) => present.has(id) && !shown.has(id)),
  };
}
