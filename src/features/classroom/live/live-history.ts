import type { QuizSession } from '@/engine/quiz-session';
import { updateHistory } from '@/stores/history-later';
import { keepSeat, readSeat, type LiveSeat, type PlayerView } from './live-client';

/**
 * The live session as a quiz session on the device, holding the questions revealed so far that this
 * player answered. The seed and start time come from the seat, and each answer's time is the one
 * first kept for it, so recording the same question twice changes nothing in the history.
 */
function liveAsSession(seat: LiveSeat & { joinedAt: number }, view: PlayerView): QuizSession {
  const feedback = view.me.feedback;
  const presented = feedback ? [feedback.presented] : [];
  const at = seat.inHistory?.[String(view.index)];
  const submissions: QuizSession['submissions'] = {};
  if (feedback?.response && at !== undefined) {
    submissions[feedback.presented.question.id] = {
      response: feedback.response,
      grade: feedback.grade,
      submittedAt: at,
    };
  }
  return {
    version: 1,
    // The rejoin token is this player's secret: the session id alone names the attempt.
    seed: `live-${view.sessionId}`,
    settings: { ids: presented.map(({ question }) => question.id), count: 'all' },
    mode: 'practice',
    questions: presented,
    submissions,
    currentIndex: 0,
    draw: { available: presented.length, requested: presented.length, isShort: false },
    startedAt: seat.joinedAt,
  };
}

/**
 * Puts what the player sees into the device's history, once per question: a revealed answer goes in
 * (so Review and spaced repetition pick up what was missed), and the session's end marks the attempt
 * finished. The seat remembers what went in, so a reload or the same reveal sent again adds nothing.
 * A question the player left unanswered is not recorded, as in an assignment.
 */
export function recordLiveView(view: PlayerView, now: number): void {
  const saved = readSeat();
  if (!saved || saved.sessionId !== view.sessionId) return;
  const seat = { ...saved, joinedAt: saved.joinedAt ?? now };
  if (view.phase === 'reveal') {
    const key = String(view.index);
    if (!view.me.hasAnswered || !view.me.feedback?.response || seat.inHistory?.[key] !== undefined) return;
    const kept = { ...seat, inHistory: { ...seat.inHistory, [key]: now } };
    // Kept first: should the page die between the two, the answer is missed rather than doubled.
    keepSeat(kept);
    const questionId = view.me.feedback.presented.question.id;
    updateHistory((history) => history.getState().answerRecorded(liveAsSession(kept, view), questionId));
  } else if (view.phase === 'ended' && !seat.isFinishedInHistory && seat.inHistory) {
    keepSeat({ ...seat, isFinishedInHistory: true });
    updateHistory((history) =>
      history.getState().attemptFinished({ ...liveAsSession(seat, view), finishedAt: now }),
    );
  }
}
