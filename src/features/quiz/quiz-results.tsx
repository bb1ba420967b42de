import { lazy, Suspense, useEffect, useRef } from 'react';
import type { QuizSession } from '@/engine/quiz-session';
import { summarizeQuiz } from '@/engine/summarize-quiz';
import { percentOf } from '@/domain/round';
import { useCatalog } from '@/hooks/use-content';
import { plural } from '@/lib/plural';
import type { AssignmentTaking } from './assignment-params';
import { GradeFeedback, VerdictLine } from '@/components/grade-feedback';
import { SoloDisputeQuestion } from '@/components/solo-dispute';

// The result code needs the assignment code's writer (fflate, zod): loaded for an assignment only.
const ResultCodePanel = lazy(async () => ({
  default: (await import('./result-code-panel')).ResultCodePanel,
}));

type Props = {
  session: QuizSession;
  /** Set when the quiz is an assignment: the result code replaces the retry buttons. */
  taking: AssignmentTaking | undefined;
  backTo: string;
  onRetrySame: () => void;
  onNewQuestions: () => void;
  onPractiseMissed: (ids: string[]) => void;
};

function duration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return minutes > 0
    ? `${plural(minutes, 'minute')} ${plural(seconds, 'second')}`
    : plural(seconds, 'second');
}

const tidy = (value: number) =>
  Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/0$/, '');

/** The score, a bar per topic, and every question with the learner's answer, the right one and why. */
export function QuizResults({
  session,
  taking,
  backTo,
  onRetrySame,
  onNewQuestions,
  onPractiseMissed,
}: Props) {
  const { topics } = useCatalog();
  const summary = summarizeQuiz(
    session,
    topics.map((topic) => topic.id),
  );
  const topicName = (id: string) => topics.find((topic) => topic.id === id)?.name ?? id;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  return (
    <div className="results">
      <h1 ref={heading} tabIndex={-1}>
        Your results
      </h1>
      <div className="results__score card">
        <p className="results__percent">{summary.percent}%</p>
        <p>
          {tidy(summary.points)} of {plural(summary.maxPoints, 'point')} · {summary.correctCount} fully right
          · {summary.answeredCount} answered · {duration(summary.durationMs)}
        </p>
      </div>

      {taking ? (
        <Suspense fallback={<p role="status">Preparing your result code…</p>}>
          <ResultCodePanel session={session} taking={taking} />
        </Suspense>
      ) : (
        <div className="results__actions">
          <button type="button" className="button" onClick={onRetrySame}>
            Try again with the same questions
          </button>
          <button type="button" className="button button--secondary" onClick={onNewQuestions}>
            New questions
          </button>
          {summary.missedIds.length > 0 && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => onPractiseMissed(summary.missedIds)}
            >
              {summary.missedIds.length === 1
                ? 'Practise the one I missed'
                : `Practise the ${summary.missedIds.length} I missed`}
            </button>
          )}
        </div>
      )}

      <h2>By topic</h2>
      <ul className="topic-bars">
        {summary.byTopic.map((score) => {
          const percent = percentOf(score.points, score.maxPoints);
          return (
            <li key={score.topic} className="topic-bar">
              <span className="topic-bar__label">{topicName(score.topic)}</span>
              <span className="topic-bar__track" aria-hidden="true">
                <span className="topic-bar__fill" style={{ width: `${percent}%` }} />
              </span>
              <span className="topic-bar__value">
                {tidy(score.points)} of {score.maxPoints} ({percent}%)
              </span>
            </li>
          );
        })}
      </ul>

      <h2>Every question</h2>
      <ol className="results__questions">
        {session.questions.map(({ question }) => {
          const submission = session.submissions[question.id];
          const grade = submission?.grade;
          return (
            <li key={question.id} className="card results__question">
              <h3 className="results__prompt">{question.prompt}</h3>
              {grade ? (
                <>
                  <p>
                    <VerdictLine grade={grade} />
                  </p>
                  <GradeFeedback question={question} grade={grade} backTo={backTo} />
                  <SoloDisputeQuestion
                    question={question}
                    response={submission?.response ?? null}
                    given={grade.given}
                  />
                </>
              ) : (
                <p className="muted">Not answered.</p>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
