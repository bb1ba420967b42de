import type { QuizMode } from '@/domain/quiz-mode';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { isBlankResponse, type LearnerResponse } from '@/domain/learner-response';
import { presentedChoices, showQuestion, type PresentedQuestion } from '@/engine/present-question';
import type { Submission } from '@/engine/quiz-session';
import { AnswerInput, startingResponse } from '@/components/answer-input';
import { GradeFeedback, useFeedbackFontsFound, VerdictLine } from '@/components/grade-feedback';
import { SoloDisputeQuestion } from '@/components/solo-dispute';
import { QUESTION_TYPE_NAMES } from '@/domain/question-type-names';
import { useHydrated } from '@/hooks/use-hydrated';
import { useQuizKeys } from './use-quiz-keys';

type Props = {
  presented: PresentedQuestion;
  submission: Submission | undefined;
  mode: QuizMode;
  index: number;
  total: number;
  backTo: string;
  onSubmit: (response: LearnerResponse) => void;
  onNext: () => void;
  onPrevious: () => void;
  onFinish: () => void;
  /** Questions other than this one with no answer yet (test mode asks before finishing with any). */
  unansweredElsewhere: number;
};

const HINTS: Partial<Record<PresentedQuestion['question']['type'], string>> = {
  ordering: 'Put these in order, earliest first, with the arrow buttons.',
  matching: 'Choose the match for each item.',
  numeric: 'Type a number; “46.35”, “46,35” and “€46.35 million” all work.',
};

/** One question: its prompt, the input for its type, and in practice mode the feedback once answered. */
export function QuestionView(props: Props) {
  const { presented, submission, mode, index, total, backTo, onSubmit, onNext, onPrevious, onFinish } = props;
  const [isConfirmingFinish, setIsConfirmingFinish] = useState(false);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const { question } = presented;
  const shown = showQuestion(presented);
  const [response, setResponse] = useState<LearnerResponse>(submission?.response ?? startingResponse(shown));
  const [isAskingForAnswer, setIsAskingForAnswer] = useState(false);
  const promptId = useId();
  const prompt = useRef<HTMLHeadingElement>(null);
  const feedbackHeading = useRef<HTMLHeadingElement>(null);
  const isLocked = mode === 'practice' && submission !== undefined;
  const isLast = index === total - 1;
  // False only in the server's HTML of a first question, which the browser replaces: an answer chosen
  // there before the page's code has run would be lost.
  const isReady = useHydrated();
  useFeedbackFontsFound();

  useEffect(() => {
    prompt.current?.focus();
  }, []);
  useEffect(() => {
    if (isLocked) feedbackHeading.current?.focus();
  }, [isLocked]);
  useEffect(() => {
    if (isConfirmingFinish) confirmHeading.current?.focus();
  }, [isConfirmingFinish]);

  const unanswered = props.unansweredElsewhere + (isBlankResponse(response) ? 1 : 0);

  /** Test mode: saves this answer, and finishes only once the learner has seen what is unanswered. */
  function finishRequested() {
    save();
    if (unanswered > 0) return setIsConfirmingFinish(true);
    onFinish();
  }

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (mode === 'practice') {
      if (isLocked) return isLast ? onFinish() : onNext();
      if (isBlankResponse(response)) return setIsAskingForAnswer(true);
      return onSubmit(response);
    }
    if (isConfirmingFinish) return;
    if (isLast) return finishRequested();
    saveThen(onNext);
  }

  function choose(digit: number) {
    if (isLocked) return;
    setIsAskingForAnswer(false);
    if (question.type === 'true-false') {
      if (digit <= 2) setResponse({ type: 'true-false', value: digit === 1 });
      return;
    }
    const choice = presentedChoices(presented)[digit - 1];
    if (!choice) return;
    if (question.type === 'single') setResponse({ type: 'single', choice: choice.id });
    if (question.type === 'multiple' && response.type === 'multiple') {
      const isOn = response.choices.includes(choice.id);
      setResponse({
        type: 'multiple',
        choices: isOn ? response.choices.filter((id) => id !== choice.id) : [...response.choices, choice.id],
      });
    }
  }

  useQuizKeys({ onDigit: choose, onEnter: () => submit() });

  // A blank answer is not saved: it would be recorded as given (and graded) when it was only skipped.
  function save() {
    if (!isBlankResponse(response) || submission !== undefined) onSubmit(response);
  }

  function saveThen(action: () => void) {
    save();
    action();
  }

  const primaryLabel =
    mode === 'practice'
      ? isLocked
        ? isLast
          ? 'See your results'
          : 'Next question'
        : 'Check answer'
      : isLast
        ? 'Save and finish'
        : 'Save and continue';

  return (
    <>
      <form className="question" onSubmit={submit}>
        <div className="question__progress">
          <span>
            Question {index + 1} of {total}
          </span>
          <span className="muted">{QUESTION_TYPE_NAMES[question.type]}</span>
        </div>
        <progress
          className="question__bar"
          max={total}
          value={index + (submission ? 1 : 0)}
          aria-label="Progress"
        />
        <h2 id={promptId} className="question__prompt" ref={prompt} tabIndex={-1}>
          {question.prompt}
        </h2>
        {HINTS[question.type] && <p className="muted question__hint">{HINTS[question.type]}</p>}
        <AnswerInput
          shown={shown}
          response={response}
          onChange={(next) => {
            setResponse(next);
            setIsAskingForAnswer(false);
          }}
          isLocked={isLocked || !isReady}
          labelledBy={promptId}
        />
        <div role="status" className="question__status">
          {isAskingForAnswer && <p className="notice">Choose or type an answer first.</p>}
          {isLocked && submission && (
            <section
              className={`feedback-panel feedback-panel--${submission.grade.verdict}`}
              aria-label="Feedback"
            >
              <h3 ref={feedbackHeading} tabIndex={-1} className="feedback-panel__title">
                <VerdictLine grade={submission.grade} />
              </h3>
              <GradeFeedback question={question} grade={submission.grade} backTo={backTo} />
            </section>
          )}
        </div>
        {isConfirmingFinish && (
          <section className="notice question__confirm" aria-labelledby={`${promptId}-confirm`}>
            <h3 id={`${promptId}-confirm`} ref={confirmHeading} tabIndex={-1}>
              {unanswered === 1 ? '1 question has' : `${unanswered} questions have`} no answer yet
            </h3>
            <p>Finish the test now, or go back and answer {unanswered === 1 ? 'it' : 'them'}?</p>
            <div className="question__actions">
              <button type="button" className="button" onClick={onFinish}>
                Finish the test
              </button>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setIsConfirmingFinish(false)}
              >
                Keep answering
              </button>
            </div>
          </section>
        )}
        <div className="question__actions">
          {mode === 'test' && index > 0 && (
            <button type="button" className="button button--secondary" onClick={() => saveThen(onPrevious)}>
              Previous
            </button>
          )}
          <button type="submit" className="button" disabled={!isReady}>
            {primaryLabel}
          </button>
          {mode === 'test' && !isLast && (
            <button
              type="button"
              className="button button--secondary"
              onClick={finishRequested}
              disabled={!isReady}
            >
              Finish the test now
            </button>
          )}
        </div>
        <p className="muted question__keys">
          Keys:{' '}
          {question.type === 'single' || question.type === 'multiple' || question.type === 'true-false'
            ? 'number keys choose, '
            : ''}
          Enter {isLocked ? 'goes on' : 'submits'}.
        </p>
      </form>
      {/* Outside the question's form: a form may not hold another, and Enter there must not go on. */}
      {isLocked && submission && (
        <SoloDisputeQuestion
          key={question.id}
          question={question}
          response={submission.response}
          given={submission.grade.given}
        />
      )}
    </>
  );
}
