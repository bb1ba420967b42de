import type { ClassResult } from '../domain/assignment';
import { decodeResult, encodeAssignment } from './classroom-codes';

export type ResultLineProblem = { line: number; problem: string };

/**
 * Reads pasted result codes or links, one per line. Each is checked on its own: a bad line is
 * reported by its number and the others still load. The same student sending twice counts once
 * (their latest result). Results of another assignment than the first are set aside and reported.
 */
export function readResultCodes(text: string): {
  results: ClassResult[];
  problems: ResultLineProblem[];
  mergedCount: number;
} {
  const problems: ResultLineProblem[] = [];
  const byStudent = new Map<string, ClassResult>();
  let assignmentCode: string | undefined;
  let mergedCount = 0;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const code = raw.trim().replace(/^.*#/, '');
    if (!code) return;
    const decoded = decodeResult(code);
    if (!decoded.ok) {
      problems.push({ line, problem: decoded.problem });
      return;
    }
    const result = decoded.value;
    const thisAssignment = encodeAssignment(result.assignment);
    assignmentCode ??= thisAssignment;
    if (thisAssignment !== assignmentCode) {
      problems.push({
        line,
        problem: `belongs to another assignment (“${result.assignment.title}”); report on it separately`,
      });
      return;
    }
    const key = result.student.trim().toLowerCase();
    const earlier = byStudent.get(key);
    if (earlier) mergedCount += 1;
    if (!earlier || result.finishedAt >= earlier.finishedAt) byStudent.set(key, result);
  });
  return { results: [...byStudent.values()], problems, mergedCount };
}
