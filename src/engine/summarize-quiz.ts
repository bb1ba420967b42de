import { percentOf, roundPoints } from '../domain/round';
import type { Topic } from '../domain/question';
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
  /** Each question counts towards every one of its topics; topics in the order asked for. */
  byTopic: TopicScore[];
  /** Questions not fully right (wrong, partly right or unanswered), in quiz order: what to review. */
  missedIds: string[];
};

// Topics in the listed order; any the list does not name come after, in the order the quiz met them.
function rankIn(order: readonly Topic[], topic: Topic): number {
  const rank = order.indexOf(topic);
  return rank < 0 ? order.length : rank;
}

/** Points, counts, time and per-topic scores of a session, finished or not; topics in `topicOrder`. */
export function summarizeQuiz(session: QuizSession, topicOrder: readonly Topic[] = []): QuizSummary {
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
    points: roundPoints(points),
    maxPoints,
    percent: percentOf(points, maxPoints),
    correctCount,
    answeredCount,
    durationMs: Math.max(0, (session.finishedAt ?? lastAnswerAt) - session.startedAt),
    byTopic: [...topicScores.values()]
      .map((score) => ({ ...score, points: roundPoints(score.points) }))
      .sort((a, b) => rankIn(topicOrder, a.topic) - rankIn(topicOrder, b.topic)),
    missedIds,
  };
}
