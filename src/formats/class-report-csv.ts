import { writeCsv } from './csv';
import type { ClassReport } from '../engine/class-report';

/**
 * One row per student, one column per question (points), then totals. Quoted, UTF-8 with a BOM, and
 * names that look like formulas neutralised, so any spreadsheet opens it safely.
 */
export function classReportCsv(report: ClassReport): string {
  const questions = report.questions.filter((question) => question.question);
  const header = [
    'Student',
    ...questions.map((question, index) => `Q${index + 1} ${question.id}`),
    'Points',
    'Out of',
    'Percent',
  ];
  const rows = report.students.map((score) => [
    score.student,
    ...questions.map((question) =>
      String(score.grades.find((grade) => grade.questionId === question.id)?.points ?? 0),
    ),
    String(score.points),
    String(score.maxPoints),
    String(score.percent),
  ]);
  return writeCsv([header, ...rows]);
}
