import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { isBlankResponse, type LearnerResponse } from '@/domain/learner-response';
import { AnswerInput, startingResponse } from '@/components/answer-input';
import { GradeFeedback, VerdictLine } from '@/components/grade-feedback';
import { QUESTION_TYPE_NAMES } from '@/domain/question-type-names';
import { usePageTitle } from '@/hooks/use-page-title';
import { plural } from '@/lib/plural';
import { paths } from '@/navigation/paths';
import type { StudentQuestion } from './api-responses';
import { AttemptCountdown } from './attempt-countdown';
import { DisputeQuestion, DisputeReplies } from './dispute-form';
import { api } from './api-client';
import { useApiData } from './use-api-data';
import { formatTime } from './assignment-times';
import { giveAnswer, handIn, refreshAttempt, syncAttempt, type SyncOutcome } from './attempt-sync';
import {
  feedbackFor,
  isAnswered,
  responseFor,
  useStudentAttemptStore,
  type LocalAttempt,
} from './student-attempt-store';

const RETRY_MS = 4000;

type Props = { assignmentId: string; local: LocalAttempt };

/** A student's attempt under way or finished: the quiz screens, with every answer sent to the server. */
export function StudentAttemptView({ assignmentId, local }: Props) {
  const [sync, setSync] = useState<SyncOutcome>({ isOffline: false, problem: null });
  const isHandInPending = local.isHandInPending === true;
  const hasPending = local.pending.length > 0 || isHandInPending || (local.pendingDisputes ?? []).length > 0;
  usePageTitle(local.attempt.finishedAt ? 'Results' : local.attempt.assignment.title);

  // On opening (a reload, another tab): the server's view first, then whatever waits on the device.
  useEffect(() => {
    void refreshAttempt(assignmentId).then(async (refreshed) => {
      setSync(refreshed.isOffline ? refreshed : await syncAttempt(assignmentId));
    });
  }, [assignmentId]);

  // Waiting answers (a hand-in, disputes) go out when the network comes back, retried every few seconds meanwhile.
  useEffect(() => {
    if (!hasPending) return undefined;
    const retry = () => void syncAttempt(assignmentId).then(setSync);
    window.addEventListener('online', retry);
    const timer = setInterval(retry, RETRY_MS);
    return () => {
      window.removeEventListener('online', retry);
      clearInterval(timer);
    };
  }, [assignmentId, hasPending]);

  const status = (
    <SyncStatus pendingCount={local.pending.length} isHandInPending={isHandInPending} sync={sync} />
  );
  if (local.attempt.finishedAt)
    return <AttemptResults local={local} assignmentId={assignmentId} status={status} />;
  if (isHandInPending)
    return (
      <HandInWaiting
        local={local}
        status={status}
        onRetry={() => void syncAttempt(assignmentId).then(setSync)}
      />
    );
  return <AttemptQuestions assignmentId={assignmentId} local={local} status={status} onSync={setSync} />;
}

type SyncStatusProps = { pendingCount: number; isHandInPending: boolean; sync: SyncOutcome };

function SyncStatus({ pendingCount, isHandInPending, sync }: SyncStatusProps) {
  return (
    <div role="status" className="student-sync">
      {isHandInPending && (
        <p className="notice">
          Handed in on this device, waiting to reach the server
          {sync.isOffline
            ? ': you seem to be offline. It goes out by itself when the connection is back; keep this page open or come back to it.'
            : '.'}
        </p>
      )}
      {pendingCount > 0 && (
        <p className="notice">
          {plural(pendingCount, 'answer')} saved on this device, waiting to be sent
          {sync.isOffline
            ? ': you seem to be offline. They go out by themselves when the connection is back.'
            : '.'}
        </p>
      )}
      {sync.problem && <p className="notice notice--error">{sync.problem}</p>}
    </div>
  );
}

/** Handed in with no network: nothing more to answer, and the wait said plainly. */
function HandInWaiting({
  local,
  status,
  onRetry,
}: {
  local: LocalAttempt;
  status: ReactNode;
  onRetry: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="results">
      <h1 ref={heading} tabIndex={-1}>
        Handed in, not sent yet
      </h1>
      <p className="lead">
        {local.attempt.assignment.title} · {local.attempt.student}. Your answers are kept on this device; your
        results appear here once the server has them.
      </p>
      {status}
      <div className="results__actions">
        <button type="button" className="button button--secondary" onClick={onRetry}>
          Try sending now
        </button>
      </div>
    </div>
  );
}

function AttemptQuestions({
  assignmentId,
  local,
  status,
  onSync,
}: Props & { status: ReactNode; onSync: (sync: SyncOutcome) => void }) {
  const { attempt, currentIndex } = local;
  // At time up the server's view shows whether the attempt has ended (then the results appear).
  const onTimeUp = useCallback(() => void refreshAttempt(assignmentId).then(onSync), [assignmentId, onSync]);
  const question = attempt.questions[currentIndex];
  if (!question) return <p className="notice">This attempt has no questions.</p>;
  const store = useStudentAttemptStore.getState();
  const total = attempt.questions.length;
  const endsAt = attempt.assignment.minutes > 0 && attempt.endsAt ? Date.parse(attempt.endsAt) : null;

  async function finish() {
    onSync(await handIn(assignmentId));
  }

  return (
    <div className="quiz">
      <h1 className="student-attempt__title">{attempt.assignment.title}</h1>
      {local.resumeCode && currentIndex === 0 && (
        <p className="notice student-attempt__code">
          Your resume code: <strong className="student-attempt__code-text">{local.resumeCode}</strong>. Write
          it down: with it you can carry on from another device.
        </p>
      )}
      <p className="muted">
        {attempt.student}
        {attempt.endsAt ? ` · answers are taken until ${formatTime(Date.parse(attempt.endsAt))}` : ''}
      </p>
      {endsAt !== null && <AttemptCountdown endsAt={endsAt} onTimeUp={onTimeUp} />}
      {status}
      <StudentQuestionView
        key={currentIndex}
        assignmentId={assignmentId}
        question={question}
        local={local}
        total={total}
        onAnswer={(response) => void giveAnswer(assignmentId, currentIndex, response).then(onSync)}
        onGo={(index) => store.questionChosen(assignmentId, index)}
        onFinish={() => void finish()}
      />
    </div>
  );
}

type QuestionProps = {
  assignmentId: string;
  question: StudentQuestion;
  local: LocalAttempt;
  total: number;
  onAnswer: (response: LearnerResponse) => void;
  onGo: (index: number) => void;
  onFinish: () => void;
};

function StudentQuestionView({
  assignmentId,
  question,
  local,
  total,
  onAnswer,
  onGo,
  onFinish,
}: QuestionProps) {
  const { index } = question;
  const mode = local.attempt.assignment.mode;
  const [response, setResponse] = useState<LearnerResponse>(
    () => responseFor(local, index) ?? startingResponse(question),
  );
  const [isAskingForAnswer, setIsAskingForAnswer] = useState(false);
  const prompt = useRef<HTMLHeadingElement>(null);
  const promptId = `prompt-${index}`;
  const feedback = feedbackFor(local, index);
  const isPracticeAnswered = mode === 'practice' && isAnswered(local, index);
  const isLast = index === total - 1;

  useEffect(() => prompt.current?.focus(), []);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (mode === 'practice') {
      if (isPracticeAnswered) return isLast ? onFinish() : onGo(index + 1);
      if (isBlankResponse(response)) return setIsAskingForAnswer(true);
      return onAnswer(response);
    }
    if (!isBlankResponse(response)) onAnswer(response);
    if (isLast) onFinish();
    else onGo(index + 1);
  }

  const primary =
    mode === 'practice'
      ? isPracticeAnswered
        ? isLast
          ? 'See your results'
          : 'Next question'
        : 'Check answer'
      : isLast
        ? 'Save and hand in'
        : 'Save and continue';

  // The dispute form is a form of its own, so it sits after the question's form, not inside it.
  return (
    <>
      <form className="question" onSubmit={submit}>
        <div className="question__progress">
          <span>
            Question {index + 1} of {total}
          </span>
          <span className="muted">{QUESTION_TYPE_NAMES[question.type]}</span>
        </div>
        <progress className="question__bar" max={total} value={index} aria-label="Progress" />
        <h2 id={promptId} className="question__prompt" ref={prompt} tabIndex={-1}>
          {question.prompt}
        </h2>
        <AnswerInput
          shown={question}
          response={response}
          onChange={(next) => {
            setResponse(next);
            setIsAskingForAnswer(false);
          }}
          isLocked={isPracticeAnswered}
          labelledBy={promptId}
        />
        <div role="status" className="question__status">
          {isAskingForAnswer && <p className="notice">Choose or type an answer first.</p>}
          {isPracticeAnswered && !feedback && (
            <p className="notice">Your answer is saved. It is checked once it reaches the server.</p>
          )}
          {isPracticeAnswered && feedback && (
            <section
              className={`feedback-panel feedback-panel--${feedback.grade.verdict}`}
              aria-label="Feedback"
            >
              <h3 className="feedback-panel__title">
                <VerdictLine grade={feedback.grade} />
              </h3>
              <GradeFeedback
                question={feedback.presented.question}
                grade={feedback.grade}
                backTo={paths.serverStudent(local.attempt.assignment.id)}
              />
            </section>
          )}
        </div>
        <div className="question__actions">
          {index > 0 && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                if (mode === 'test' && !isBlankResponse(response)) onAnswer(response);
                onGo(index - 1);
              }}
            >
              Previous
            </button>
          )}
          <button type="submit" className="button">
            {primary}
          </button>
          {mode === 'test' && !isLast && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                if (!isBlankResponse(response)) onAnswer(response);
                onFinish();
              }}
            >
              Hand in now
            </button>
          )}
        </div>
      </form>
      {isPracticeAnswered && feedback && (
        <DisputeQuestion assignmentId={assignmentId} index={index} question={feedback.presented.question} />
      )}
    </>
  );
}

function AttemptResults({
  local,
  assignmentId,
  status,
}: {
  local: LocalAttempt;
  assignmentId: string;
  status: ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { attempt } = local;
  const { result } = attempt;
  const disputes = useApiData(api.attemptDisputes, [attempt.id]).loaded;
  const disputesOf = (index: number) =>
    disputes.state === 'ready' ? disputes.data.filter((dispute) => dispute.index === index) : [];
  return (
    <div className="results">
      <h1 ref={heading} tabIndex={-1}>
        Your results
      </h1>
      <p className="lead">
        {attempt.assignment.title} · {attempt.student}. Your teacher sees this result already; there is no
        code to copy.
      </p>
      {status}
      {result ? (
        <>
          <div className="results__score card">
            <p className="results__percent">{result.percent}%</p>
            <p>
              {result.points} of {plural(result.maxPoints, 'point')}
            </p>
          </div>
          <div className="results__actions">
            <Link className="button button--secondary" to={paths.review()}>
              Review what to practise
            </Link>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => useStudentAttemptStore.getState().attemptLeft(assignmentId)}
            >
              Back to the assignment’s start
            </button>
          </div>
          <h2>Every question</h2>
          <ol className="results__questions">
            {result.results.map((feedback, index) => (
              <li key={index} className="card results__question">
                <h3 className="results__prompt">{feedback.presented.question.prompt}</h3>
                <p>
                  <VerdictLine grade={feedback.grade} />
                </p>
                <GradeFeedback
                  question={feedback.presented.question}
                  grade={feedback.grade}
                  backTo={paths.serverStudent(assignmentId)}
                />
                <DisputeReplies disputes={disputesOf(index)} />
                <DisputeQuestion
                  assignmentId={assignmentId}
                  index={index}
                  question={feedback.presented.question}
                />
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p className="notice">Your answers are handed in; the results appear when the server sends them.</p>
      )}
    </div>
  );
}
