import {
  emptyProgress,
  withAnswerRecorded,
  withAttemptFinished,
  withAttemptStarted,
  type Progress,
} from '@/engine/progress';
import type { QuizSession } from '@/engine/quiz-session';

/** A quiz in progress, as saved, turned into the history it would have recorded. */
export function progressOfSavedQuiz(session: QuizSession | null): Progress | undefined {
  if (!session) return undefined;
  let progress = withAttemptStarted(emptyProgress(), session);
  for (const questionId of Object.keys(session.submissions)) {
    progress = withAnswerRecorded(progress, session, questionId);
  }
  return session.finishedAt === undefined ? progress : withAttemptFinished(progress, session);
}
