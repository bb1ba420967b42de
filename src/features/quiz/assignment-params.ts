import { decodeAssignment, studentSeed } from '@/content/classroom-codes';
import type { Assignment } from '@/domain/assignment';
import type { QuizSettings } from './quiz-settings';

export type AssignmentTaking = { code: string; assignment: Assignment; student: string };

/**
 * A quiz URL that carries an assignment (`?assignment=<code>&student=<name>`): its settings come from
 * the code, so every student's device draws the same questions. Undefined when the URL has none.
 */
export function assignmentFromParams(
  params: URLSearchParams,
):
  | { ok: true; settings: QuizSettings; taking: AssignmentTaking }
  | { ok: false; problem: string }
  | undefined {
  const code = params.get('assignment');
  if (code === null) return undefined;
  const decoded = decodeAssignment(code);
  if (!decoded.ok) return { ok: false, problem: decoded.problem };
  const student = (params.get('student') ?? '').trim();
  if (!student)
    return { ok: false, problem: 'it names no student; open the assignment link again and type your name' };
  if (student.length > 80) return { ok: false, problem: 'the student name is over 80 characters' };
  const assignment = decoded.value;
  return {
    ok: true,
    taking: { code, assignment, student },
    settings: {
      banks: [],
      topics: [],
      types: [],
      difficulties: [],
      ids: assignment.ids,
      count: 'all',
      mode: assignment.mode,
      minutes: assignment.minutes,
      seed: studentSeed(assignment, student),
    },
  };
}
