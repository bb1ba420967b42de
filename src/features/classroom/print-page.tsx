import { Link, useSearchParams } from 'react-router';
import { gradeAnswer } from '@/engine/grade-answer';
import { presentedChoices, presentedLeft, type PresentedQuestion } from '@/engine/present-question';
import { useSourceTitle } from '@/hooks/use-content';
import { usePageTitle } from '@/hooks/use-page-title';
import { AssignmentProblem } from './assignment-problem';
import { useAssignmentFromHash } from './use-assignment';
import './print.css';
import { paths } from '@/navigation/paths';

const LETTERS = 'ABCDEFGHIJ';

function WorksheetQuestion({ presented, number }: { presented: PresentedQuestion; number: number }) {
  const { question } = presented;
  const choices = presentedChoices(presented);
  const left = presentedLeft(presented);
  return (
    <li className="sheet__question" value={number}>
      <p className="sheet__prompt">{question.prompt}</p>
      {(question.type === 'single' || question.type === 'multiple') && (
        <>
          <p className="sheet__hint">
            {question.type === 'single' ? 'Tick one box.' : 'Tick every box that applies.'}
          </p>
          <ul className="sheet__choices">
            {choices.map((choice, index) => (
              <li key={choice.id}>
                <span className="sheet__box" aria-hidden="true" /> {LETTERS[index]}. {choice.text}
              </li>
            ))}
          </ul>
        </>
      )}
      {question.type === 'true-false' && (
        <ul className="sheet__choices sheet__choices--inline">
          <li>
            <span className="sheet__box" aria-hidden="true" /> True
          </li>
          <li>
            <span className="sheet__box" aria-hidden="true" /> False
          </li>
        </ul>
      )}
      {question.type === 'ordering' && (
        <>
          <p className="sheet__hint">Number them 1 to {choices.length}, earliest first.</p>
          <ul className="sheet__choices">
            {choices.map((choice) => (
              <li key={choice.id}>
                <span className="sheet__blank" aria-hidden="true" /> {choice.text}
              </li>
            ))}
          </ul>
        </>
      )}
      {question.type === 'matching' && (
        <div className="sheet__matching">
          <ol>
            {left.map((item) => (
              <li key={item.id}>
                {item.text} <span className="sheet__blank" aria-hidden="true" />
              </li>
            ))}
          </ol>
          <ul className="sheet__options">
            {choices.map((choice, index) => (
              <li key={choice.id}>
                {LETTERS[index]}. {choice.text}
              </li>
            ))}
          </ul>
          <p className="sheet__hint">Write the letter of the match beside each item.</p>
        </div>
      )}
      {(question.type === 'numeric' || question.type === 'year' || question.type === 'short-text') && (
        <p className="sheet__line">
          Answer{question.type === 'numeric' ? ` (in ${question.answer.unit})` : ''}:
          <span className="sheet__rule" aria-hidden="true" />
        </p>
      )}
    </li>
  );
}

function KeyEntry({ presented, number }: { presented: PresentedQuestion; number: number }) {
  const { question } = presented;
  const sourceTitle = useSourceTitle();
  const choices = presentedChoices(presented);
  const letterOf = (id: string) => LETTERS[choices.findIndex((choice) => choice.id === id)] ?? '?';
  const letters =
    question.type === 'single'
      ? `${letterOf(question.answer)}: `
      : question.type === 'multiple'
        ? `${question.answer.map(letterOf).sort().join(', ')}: `
        : question.type === 'matching'
          ? `${presentedLeft(presented)
              .map(
                (item, index) =>
                  `${index + 1}–${letterOf(question.answer.find((pair) => pair.left === item.id)?.choice ?? '')}`,
              )
              .join(', ')}: `
          : '';
  return (
    <li className="sheet__question" value={number}>
      <p className="sheet__prompt">{question.prompt}</p>
      <p>
        <strong>
          {letters}
          {gradeAnswer(presented, null).expected}
        </strong>
      </p>
      <p>{question.explanation}</p>
      {question.citations.map((citation, index) => (
        <p key={index} className="sheet__source">
          “{citation.quote}” — {sourceTitle(citation.source)}, passage {citation.passage}
        </p>
      ))}
    </li>
  );
}

/** A worksheet to print for the class, or (with `?key=1`) its answer key, in the same order. */
export function PrintPage() {
  const loaded = useAssignmentFromHash();
  const [params] = useSearchParams();
  const isKey = params.get('key') === '1';
  usePageTitle(loaded.ok ? `${isKey ? 'Answer key' : 'Worksheet'}: ${loaded.assignment.title}` : undefined);
  if (!loaded.ok) return <AssignmentProblem problem={loaded.problem} reader="teacher" />;
  const { assignment, presented, code } = loaded;
  return (
    <article className={isKey ? 'sheet sheet--key' : 'sheet'}>
      <div className="sheet__tools">
        <button type="button" className="button" onClick={() => window.print()}>
          Print
        </button>
        <Link to={paths.print(code, { isAnswerKey: !isKey })}>
          {isKey ? 'Show the worksheet' : 'Show the answer key'}
        </Link>
        <Link to={paths.assignment(code)}>Back to the assignment</Link>
      </div>
      <header className="sheet__header">
        <h1>
          {assignment.title}
          {isKey ? ': answer key' : ''}
        </h1>
        {!isKey && (
          <p className="sheet__fields">
            <span>
              Name: <span className="sheet__rule" aria-hidden="true" />
            </span>
            <span>
              Date: <span className="sheet__rule sheet__rule--short" aria-hidden="true" />
            </span>
          </p>
        )}
      </header>
      <ol className="sheet__questions">
        {presented.map((entry, index) =>
          isKey ? (
            <KeyEntry key={entry.question.id} presented={entry} number={index + 1} />
          ) : (
            <WorksheetQuestion key={entry.question.id} presented={entry} number={index + 1} />
          ),
        )}
      </ol>
    </article>
  );
}
