import type { LearnerResponse } from '@/domain/learner-response';
import { currentQuestion } from '@/engine/quiz-session';
import { useQuizStore, type QuizStartInput } from '@/stores/quiz-store';
import { prepareHistory, updateHistory, updateHistoryLater } from '@/stores/history-later';

/**
 * What happens in a quiz, told to both stores that care: the quiz in progress, and the learner's
 * history (which review and progress read). The stores never call each other; this is where they meet.
 */
export const quizEvents = {
  /** The learner opened a quiz's address: the attempt saved there goes on, or a new one starts. */
  opened(input: QuizStartInput): void {
    // A quiz resumed records nothing yet; the store loads soon, not at the next answer.
    if (useQuizStore.getState().quizResumed(input.key)) prepareHistory();
    else quizEvents.started(input);
  },

  started(input: QuizStartInput): void {
    useQuizStore.getState().quizStarted(input);
    const { session } = useQuizStore.getState();
    if (session) updateHistoryLater((history) => history.getState().attemptStarted(session));
  },

  answered(response: LearnerResponse, now: number): void {
    const before = useQuizStore.getState().session;
    const questionId = before ? currentQuestion(before)?.question.id : undefined;
    useQuizStore.getState().answerSubmitted(response, now);
    const after = useQuizStore.getState().session;
    // The engine keeps the session as it was when it refuses an answer (a second one in practice).
    if (after && after !== before && questionId !== undefined) {
      updateHistory((history) => history.getState().answerRecorded(after, questionId));
    }
  },

  finished(now: number): void {
    const before = useQuizStore.getState().session;
    useQuizStore.getState().quizFinished(now);
    const after = useQuizStore.getState().session;
    if (after && after !== before) updateHistory((history) => history.getState().attemptFinished(after));
  },
};
