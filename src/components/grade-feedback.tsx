import type { Question } from '@/domain/question';
import { useEffect } from 'react';
import { Link } from 'react-router';
import type { Grade, GradePart } from '@/engine/grade';
import { useSourceTitle } from '@/hooks/use-content';
import { afterNextPaint } from '@/lib/after-next-paint';
import { onFirstInput } from '@/lib/on-first-input';
import { paths } from '@/navigation/paths';
import './grade-feedback.css';

const VERDICTS = {
  correct: { icon: '✓', text: 'Correct' },
  partial: { icon: '◐', text: 'Partly right' },
  wrong: { icon: '✗', text: 'Not right' },
  unanswered: { icon: '–', text: 'Not answered' },
} as const;

let areFontsFound = false;

/**
 * Lays out, hidden, the feedback's verdicts and a quote, so that the browser looks for their fonts
 * and symbols now rather than in the click that shows the first feedback: there, with the CPU slowed
 * 4×, the lookup of the reading font's families took 45 ms of the click's 150 (Debian's Chromium,
 * which has none of them but the generic serif).
 */
function findFeedbackFonts(): void {
  if (areFontsFound) return;
  areFontsFound = true;
  const probe = document.createElement('div');
  probe.className = 'visually-hidden';
  probe.setAttribute('aria-hidden', 'true');
  const heading = probe.appendChild(document.createElement('h3'));
  heading.className = 'feedback-panel__title';
  const verdicts = heading.appendChild(document.createElement('span'));
  verdicts.className = 'verdict';
  verdicts.textContent = Object.values(VERDICTS)
    .map(({ icon, text }) => `${icon} ${text}`)
    .join(' ');
  const quote = probe.appendChild(document.createElement('blockquote'));
  quote.className = 'citation__quote';
  quote.textContent = 'Belgium and Viet Nam';
  document.body.append(probe);
  probe.getBoundingClientRect();
  probe.remove();
}

/**
 * On a screen that will show feedback: once the learner starts answering, has the feedback's fonts
 * found (not at load, where the work would compete with the first paint). It runs just after the
 * frame that shows the first input, not when the browser is next idle: a learner who checks an answer
 * within a few tenths of a second of choosing it would otherwise meet the lookup in that click.
 */
export function useFeedbackFontsFound(): void {
  useEffect(() => {
    if (areFontsFound) return;
    return onFirstInput(() => afterNextPaint(findFeedbackFonts));
  }, []);
}

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
