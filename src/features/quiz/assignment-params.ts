import { useEffect, useState } from 'react';
import type * as ClassroomCodes from '@/content/classroom-codes';
import type { Assignment } from '@/domain/assignment';
import type { QuizSettings } from './quiz-settings';

/** The reader of assignment codes (with fflate and zod), loaded only for a URL that carries one. */
type AssignmentCodes = Pick<typeof ClassroomCodes, 'decodeAssignment' | 'studentSeed'>;

let loadedCodes: AssignmentCodes | undefined;

/**
 * The reader of assignment codes once loaded, or 'loading', when the URL carries an assignment; a
 * plain quiz never loads it. A failed load is thrown, for the route's error boundary to report.
 */
export function useAssignmentCodes(params: URLSearchParams): AssignmentCodes | 'loading' | undefined {
  const isNeeded = params.has('assignment');
  const [codes, setCodes] = useState(loadedCodes);
  const [failure, setFailure] = useState<unknown>(undefined);
  useEffect(() => {
    if (!isNeeded || codes) return;
    let isCurrent = true;
    import('@/content/classroom-codes').then(
      (module) => {
        loadedCodes = module;
        if (isCurrent) setCodes(module);
      },
      (error: unknown) => {
        if (isCurrent) setFailure(error ?? new Error('The assignment reader could not be loaded.'));
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [isNeeded, codes]);
  if (failure !== undefined) throw failure;
  if (!isNeeded) return undefined;
  return codes ?? 'loading';
}

export type AssignmentTaking = { code: string; assignment: Assignment; student: string };

/**
 * A quiz URL that carries an assignment (`?assignment=<code>&student=<name>`): its settings come from
 * the code, so every student's device draws the same questions. Undefined when the URL has none.
 */
export function assignmentFromParams(
  params: URLSearchParams,
  { decodeAssignment, studentSeed }: AssignmentCodes,
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
