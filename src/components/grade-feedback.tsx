import type { Question } from '@/domain/question';
import { Link } from 'react-router';
import type { Grade, GradePart } from '@/engine/grade';
import { useSourceTitle } from '@/hooks/use-content';
import { paths } from '@/navigation/paths';
import './grade-feedback.css';

const VERDICTS = {
  correct: { icon: '✓', text: 'Correct' },
  partial: { icon: '◐', text: 'Partly right' },
  wrong: { icon: '✗', text: 'Not right' },
  unanswered: { icon: '–', text: 'Not answered' },
} as const;

function points(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/0$/, '');
}

export function VerdictLine({ grade }: { grade: Grade }) {
  const verdict = VERDICTS[grade.verdict];
  return (
    <span className={`verdict verdict--${grade.verdict}`}>
      <span className="verdict__icon" aria-hidden="true">
        {verdict.icon}
      </span>
      {verdict.text}
      {grade.verdict === 'partial' && ` (${points(grade.points)} of 1 point)`}
    </span>
  );
}

function PartLine({ part }: { part: GradePart }) {
  const mark = (
    <span className={part.isRight ? 'part-mark part-mark--right' : 'part-mark part-mark--wrong'}>
      {part.isRight ? '✓' : '✗'}
      <span className="visually-hidden">{part.isRight ? ' right: ' : ' wrong: '}</span>
    </span>
  );
  if (part.kind === 'choice') {
    const what = part.isSelected
      ? part.isAnswer
        ? 'you chose it, and it is correct'
        : 'you chose it, but it is not correct'
      : part.isAnswer
        ? 'correct, but you did not choose it'
        : 'not chosen, rightly';
    return (
      <li>
        {mark} {part.text} <span className="muted">— {what}</span>
      </li>
    );
  }
  if (part.kind === 'position') {
    return (
      <li>
        {mark} {part.text}{' '}
        <span className="muted">
          — belongs at position {part.expectedIndex + 1}
          {part.givenIndex === null ? '' : `, you put it at ${part.givenIndex + 1}`}
        </span>
      </li>
    );
  }
  return (
    <li>
      {mark} {part.leftText} → {part.expectedText}
      {!part.isRight && <span className="muted"> (you chose: {part.givenText ?? 'nothing'})</span>}
    </li>
  );
}

/** What the learner answered beside the right answer, why it is right, and the passage it comes from. */
export function GradeFeedback({
  question,
  grade,
  backTo,
}: {
  question: Question;
  grade: Grade;
  backTo: string;
}) {
  const showParts = grade.parts && grade.parts.length > 0 && question.type !== 'single';
  return (
    <div className="feedback">
      {!showParts && (
        <dl className="feedback__answers">
          <div>
            <dt>Your answer</dt>
            <dd>{grade.given}</dd>
          </div>
          {!grade.isCorrect && (
            <div>
              <dt>Correct answer</dt>
              <dd>{grade.expected}</dd>
            </div>
          )}
        </dl>
      )}
      {grade.note && <p className="notice">{grade.note}</p>}
      {showParts && (
        <ul className="feedback__parts">
          {grade.parts?.map((part, i) => (
            <PartLine key={i} part={part} />
          ))}
        </ul>
      )}
      <QuestionExplanation question={question} backTo={backTo} />
    </div>
  );
}

/** Why the answer is right and the passages it comes from, each linked to the reader. */
export function QuestionExplanation({ question, backTo }: { question: Question; backTo: string }) {
  const sourceTitle = useSourceTitle();
  // Keyed by place: a question may quote one passage twice, and its citations never move.
  return (
    <>
      <p className="feedback__explanation">{question.explanation}</p>
      {question.citations.map((citation, index) => (
        <figure key={index} className="citation">
          <blockquote className="citation__quote">{citation.quote}</blockquote>
          <figcaption>
            <Link
              to={paths.passage(citation.source, citation.passage, { quote: citation.quote, back: backTo })}
            >
              Read it in “{sourceTitle(citation.source)}”
            </Link>
          </figcaption>
        </figure>
      ))}
    </>
  );
}
