import { useCallback } from 'react';
import { isBlankResponse } from '@/domain/learner-response';
import { currentQuestion, type QuizSession } from '@/engine/quiz-session';
import { plural } from '@/lib/plural';
import { useQuizStore, type QuizTimer as Timer } from '@/stores/quiz-store';
import { QuestionView } from './question-view';
import { quizEvents } from './quiz-events';
import { QuizTimer } from './quiz-timer';

/** Why a quiz has fewer questions than asked for when related ones were kept apart (docs/authoring.md). */
function heldBackSentence(count: number): string {
  const one = count === 1;
  return (
    `${plural(count, 'question')} ${one ? 'was' : 'were'} kept for another quiz: ${one ? 'it asks' : 'each asks'} ` +
    'the same fact as a question in this one, or would give its answer away.'
  );
}

type Props = { session: QuizSession; timer: Timer | null; backTo: string };

/**
 * The quiz's current question, with the notices of its first and its timer. The server renders it
 * too, for a first visit to a quiz's address (src/app/render-on-request.tsx).
 */
export function QuizInProgress({ session, timer, backTo }: Props) {
  const finish = useCallback(() => quizEvents.finished(Date.now()), []);
  const presented = currentQuestion(session);
  if (!presented) return null;
  const store = useQuizStore.getState();
  return (
    <div className="quiz">
      <h1 className="visually-hidden">Quiz</h1>
      {session.draw.isShort && session.currentIndex === 0 && (
        <p className="notice">
          Only {plural(session.draw.available, 'question')} match your choices, so this quiz has{' '}
          {plural(session.questions.length, 'question')}.
        </p>
      )}
      {(session.draw.heldBack ?? 0) > 0 && session.currentIndex === 0 && (
        <p className="notice">{heldBackSentence(session.draw.heldBack ?? 0)}</p>
      )}
      {timer && (
        <QuizTimer
          timer={timer}
          onExpire={finish}
          onExtend={() => store.timerExtended(5)}
          onTurnOff={() => store.timerTurnedOff()}
        />
      )}
      <QuestionView
        key={presented.question.id}
        presented={presented}
        submission={session.submissions[presented.question.id]}
        mode={session.mode}
        index={session.currentIndex}
        total={session.questions.length}
        backTo={backTo}
        onSubmit={(response) => quizEvents.answered(response, Date.now())}
        onNext={() => store.nextRequested()}
        onPrevious={() => store.questionChosen(session.currentIndex - 1)}
        onFinish={finish}
        unansweredElsewhere={
          session.questions.filter(
            ({ question }, index) =>
              index !== session.currentIndex && isBlankResponse(session.submissions[question.id]?.response),
          ).length
        }
      />
    </div>
  );
}
