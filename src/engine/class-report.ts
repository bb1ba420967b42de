import { percentOf, roundPoints } from '../domain/round';
import type { Question } from '../domain/question';
import { gradeAnswer } from './grade-answer';
import type { Grade } from './grade';
import type { LearnerResponse } from '../domain/learner-response';

export type StudentResult = {
  student: string;
  responses: readonly (LearnerResponse | null)[];
  finishedAt: number;
};

export type StudentScore = {
  student: string;
  points: number;
  maxPoints: number;
  percent: number;
  grades: Grade[];
};

export type QuestionStatistics = {
  id: string;
  question: Question | undefined;
  /** Share of the class whose answer was fully right, 0 to 1. */
  shareRight: number;
  averagePoints: number;
  /** The wrong answer given most often, with how many gave it; undefined when nobody was wrong. */
  mostChosenWrong: { text: string; count: number } | undefined;
};

export type PassageStatistics = {
  source: string;
  passage: string;
  quote: string;
  questionIds: string[];
  /** Share of the answers to questions citing this passage that were not fully right, 0 to 1. */
  shareWrong: number;
  answerCount: number;
};

export type ClassReport = {
  students: StudentScore[];
  /** Students per band of ten percentage points; the last band, 90–100, includes 100. */
  distribution: { from: number; to: number; count: number }[];
  questions: QuestionStatistics[];
  /** Passages ranked by how much of the class got their questions wrong: what was not understood. */
  passages: PassageStatistics[];
  /** Assignment questions no longer in the banks: shown, but not graded. */
  missingIds: string[];
};

function mostCommon(texts: readonly string[]): { text: string; count: number } | undefined {
  const counts = new Map<string, number>();
  for (const text of texts) counts.set(text, (counts.get(text) ?? 0) + 1);
  let best: { text: string; count: number } | undefined;
  for (const [text, count] of counts) if (!best || count > best.count) best = { text, count };
  return best;
}

/**
 * Scores every student, then looks at the class as a whole: how each question went (item analysis,
 * as Moodle's statistics report does) and which cited passages the class has not understood.
 */
export function buildClassReport(
  ids: readonly string[],
  results: readonly StudentResult[],
  questionsById: ReadonlyMap<string, Question>,
): ClassReport {
  const questions = ids.map((id) => questionsById.get(id));
  const students = results
    .map(({ student, responses }) => {
      const grades = ids.flatMap((_, index) => {
        const question = questions[index];
        return question ? [gradeAnswer(question, responses[index] ?? null)] : [];
      });
      const points = roundPoints(grades.reduce((sum, grade) => sum + grade.points, 0));
      const maxPoints = grades.length;
      return {
        student,
        points,
        maxPoints,
        percent: percentOf(points, maxPoints),
        grades,
      };
    })
    .sort((left, right) => left.student.localeCompare(right.student));

  const distribution = Array.from({ length: 10 }, (_, band) => ({
    from: band * 10,
    to: band === 9 ? 100 : band * 10 + 9,
    count: students.filter((score) => Math.min(9, Math.floor(score.percent / 10)) === band).length,
  }));

  const gradesOf = (id: string) =>
    students.flatMap((score) => score.grades.filter((grade) => grade.questionId === id));
  const questionStatistics = ids.map((id, index): QuestionStatistics => {
    const grades = gradesOf(id);
    const count = grades.length || 1;
    return {
      id,
      question: questions[index],
      shareRight: roundPoints(grades.filter((grade) => grade.isCorrect).length / count),
      averagePoints: roundPoints(grades.reduce((sum, grade) => sum + grade.points, 0) / count),
      mostChosenWrong: mostCommon(
        grades
          .filter((grade) => !grade.isCorrect && grade.verdict !== 'unanswered')
          .map((grade) => grade.given),
      ),
    };
  });

  const byPassage = new Map<string, PassageStatistics & { wrong: number }>();
  for (const question of questions) {
    if (!question) continue;
    const grades = gradesOf(question.id);
    const seen = new Set<string>();
    for (const citation of question.citations) {
      const key = `${citation.source}/${citation.passage}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = byPassage.get(key) ?? {
        source: citation.source,
        passage: citation.passage,
        quote: citation.quote,
        questionIds: [],
        shareWrong: 0,
        answerCount: 0,
        wrong: 0,
      };
      entry.questionIds.push(question.id);
      entry.answerCount += grades.length;
      entry.wrong += grades.filter((grade) => !grade.isCorrect).length;
      byPassage.set(key, entry);
    }
  }
  const passages = [...byPassage.values()]
    .map(({ wrong, ...entry }) => ({
      ...entry,
      shareWrong: entry.answerCount ? roundPoints(wrong / entry.answerCount) : 0,
    }))
    .sort((left, right) => right.shareWrong - left.shareWrong || right.answerCount - left.answerCount);

  return {
    students,
    distribution,
    questions: questionStatistics,
    passages,
    missingIds: ids.filter((_, index) => !questions[index]),
  };
}
