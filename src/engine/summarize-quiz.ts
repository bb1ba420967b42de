import { TOPICS, type Topic } from '../content/schema-primitives';
import type { QuizSession } from './quiz-session';

export type TopicScore = { topic: Topic; points: number; maxPoints: number };

export type QuizSummary = {
  points: number;
  maxPoints: number;
  /** Whole percent, rounded; 0 for a quiz without questions. */
  percent: number;
  correctCount: number;
  /** Questions with a non-blank answer. */
  answeredCount: number;
  /** From the start to the finish, or to the last answer while the quiz is still open. */
  durationMs: number;
  /** Each question counts towards every one of its topics; topics in the canonical order. */
  byTopic: TopicScore[];
  /** Questions not fully right (wrong, partly right or unanswered), in quiz order: what to review. */
  missedIds: string[];
};

// Sums of thirds and sixths pick up floating-point dust; points are shown to two decimals at most.
function tidy(points: number): number {
  return Math.round(points * 1e6) / 1e6;
}

/** Points, counts, time and per-topic scores of a session, finished or not. */
export function summarizeQuiz(session: QuizSession): QuizSummary {
  let points = 0;
  let correctCount = 0;
  let answeredCount = 0;
  let lastAnswerAt = session.startedAt;
  const missedIds: string[] = [];
  const topicScores = new Map<Topic, TopicScore>();

  for (const { question } of session.questions) {
    const submission = Object.hasOwn(session.submissions, question.id)
      ? session.submissions[question.id]
      : undefined;
    const grade = submission?.grade;
    const earned = grade?.points ?? 0;
    points += earned;
    if (grade?.isCorrect) correctCount += 1;
    else missedIds.push(question.id);
    if (grade && grade.verdict !== 'unanswered') answeredCount += 1;
    if (submission) lastAnswerAt = Math.max(lastAnswerAt, submission.submittedAt);
    for (const topic of new Set(question.topics)) {
      const score = topicScores.get(topic) ?? { topic, points: 0, maxPoints: 0 };
      topicScores.set(topic, { topic, points: score.points + earned, maxPoints: score.maxPoints + 1 });
    }
  }

  const maxPoints = session.questions.length;
  return {
    points: tidy(points),
    maxPoints,
    percent: maxPoints > 0 ? Math.round((100 * points) / maxPoints) : 0,
    correctCount,
    answeredCount,
    durationMs: Math.max(0, (session.finishedAt ?? lastAnswerAt) - session.startedAt),
    byTopic: TOPICS.flatMap((topic) => {
      const score = topicScores.get(topic);
      return score ? [{ ...score, points: tidy(score.points) }] : [];
    }),
    missedIds,
  };
}
