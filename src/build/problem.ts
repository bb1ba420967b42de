/** Something wrong in a content file, located for an editor: `file:line:column  message`. */
export type Problem = { file: string; line: number; column: number; message: string };

export function formatProblem({ file, line, column, message }: Problem): string {
  return `${file}:${line}:${column}  ${message}`;
}

export function compareProblems(a: Problem, b: Problem): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
}
