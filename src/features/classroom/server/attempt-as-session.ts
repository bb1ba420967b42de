import type { QuizSession, Submission } from '@/engine/quiz-session';
import type { ServerAttempt } from './api-responses';

/**
 * A finished server attempt as a quiz session on the device, so it lands in the student's own
 * history (Review, spaced repetition) like any quiz. Only the questions the student answered carry
 * a submission; the server's grade is kept as given. Undefined until the server sends the result.
 */
export function attemptAsSession(attempt: ServerAttempt): QuizSession | undefined {
  const { result, finishedAt } = attempt;
  if (!result || !finishedAt) return undefined;
  const receivedAt = new Map(attempt.answers.map((answer) => [answer.index, Date.parse(answer.receivedAt)]));
  const submissions: Record<string, Submission> = {};
  result.results.forEach((feedback, index) => {
    const at = receivedAt.get(index);
    if (at === undefined || !feedback.response) return;
    submissions[feedback.presented.question.id] = {
      response: feedback.response,
      grade: feedback.grade,
      submittedAt: at,
    };
  });
  const questions = result.results.map((feedback) => feedback.presented);
  const count = questions.length;
  return {
    version: 1,
    // The attempt's secret id stays on the server's side; its start time and number are enough here.
    seed: `server-${attempt.assignment.id}-${attempt.number}`,
    settings: { ids: questions.map(({ question }) => question.id), count: 'all' },
    mode: attempt.assignment.mode,
    questions,
    submissions,
    currentIndex: 0,
    draw: { available: count, requested: count, isShort: false },
    startedAt: Date.parse(attempt.startedAt),
    finishedAt: Date.parse(finishedAt),
  };
}
