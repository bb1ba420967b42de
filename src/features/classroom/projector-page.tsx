import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { gradeAnswer } from '@/engine/grade-answer';
import { presentedChoices, presentedLeft, type PresentedQuestion } from '@/engine/present-question';
import { useSourceTitle } from '@/hooks/use-content';
import { usePageTitle } from '@/hooks/use-page-title';
import { AssignmentProblem } from './assignment-problem';
import { useAssignmentFromHash } from './use-assignment';
import { useCountdown } from './use-countdown';
import './projector.css';
import { paths } from '@/navigation/paths';

const LETTERS = 'ABCDEFGHIJ';

function isRightChoice(presented: PresentedQuestion, choiceId: string): boolean {
  const { question } = presented;
  if (question.type === 'single') return question.answer === choiceId;
  if (question.type === 'multiple') return question.answer.includes(choiceId);
  return false;
}

function Slide({ presented, isRevealed }: { presented: PresentedQuestion; isRevealed: boolean }) {
  const { question } = presented;
  const sourceTitle = useSourceTitle();
  const choices =
    question.type === 'true-false'
      ? [
          { id: 'true', text: 'True' },
          { id: 'false', text: 'False' },
        ]
      : presentedChoices(presented);
  const left = presentedLeft(presented);
  return (
    <>
      <h2 className="projector__prompt">{question.prompt}</h2>
      {left.length > 0 && (
        <ol className="projector__left">
          {left.map((item) => (
            <li key={item.id}>{item.text}</li>
          ))}
        </ol>
      )}
      {choices.length > 0 && (
        <ul className="projector__choices">
          {choices.map((choice, index) => {
            const isRight =
              isRevealed &&
              (isRightChoice(presented, choice.id) ||
                (question.type === 'true-false' && String(question.answer) === choice.id));
            return (
              <li
                key={choice.id}
                className={isRight ? 'projector__choice projector__choice--right' : 'projector__choice'}
              >
                <span className="projector__letter">
                  {question.type === 'ordering' ? '•' : LETTERS[index]}
                </span>
                {choice.text}
                {isRight && <span className="projector__tick"> ✓ correct</span>}
              </li>
            );
          })}
        </ul>
      )}
      {isRevealed && (
        <div className="projector__reveal">
          <p className="projector__answer">Answer: {gradeAnswer(presented, null).expected}</p>
          <p>{question.explanation}</p>
          {question.citations.map((citation, index) => (
            <blockquote key={index}>
              “{citation.quote}” <cite>— {sourceTitle(citation.source)}</cite>
            </blockquote>
          ))}
        </div>
      )}
    </>
  );
}

/** Full screen, large type: the teacher steps through the questions and reveals each answer. */
export function ProjectorPage() {
  const loaded = useAssignmentFromHash();
  const [index, setIndex] = useState(0);
  const [isRevealed, setIsRevealed] = useState(false);
  const [isHelpOpen, setIsHelpOpen] = useState(false);
  const countdown = useCountdown(30);
  const stage = useRef<HTMLElement>(null);
  const count = loaded.ok ? loaded.presented.length : 0;
  usePageTitle(loaded.ok ? `Projector: ${loaded.assignment.title}` : undefined);

  useEffect(() => {
    stage.current?.focus();
  }, []);

  useEffect(() => {
    function go(by: number) {
      setIndex((current) => Math.min(Math.max(current + by, 0), Math.max(count - 1, 0)));
      setIsRevealed(false);
      countdown.reset();
    }
    function onKeyDown(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.target instanceof HTMLButtonElement || event.target instanceof HTMLAnchorElement) {
        if (event.key === ' ' || event.key === 'Enter') return;
      }
      const key = event.key.toLowerCase();
      if (key === 'arrowright' || key === ' ' || key === 'pagedown') go(1);
      else if (key === 'arrowleft' || key === 'pageup') go(-1);
      else if (key === 'r') setIsRevealed((value) => !value);
      else if (key === 'c') countdown.toggle();
      else if (key === 'f') void toggleFullScreen();
      else if (key === '?' || key === 'h') setIsHelpOpen((value) => !value);
      else if (key === 'escape') setIsHelpOpen(false);
      else return;
      event.preventDefault();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [count, countdown]);

  if (!loaded.ok) {
    return (
      <main className="site-main">
        <AssignmentProblem problem={loaded.problem} reader="teacher" />
      </main>
    );
  }
  const presented = loaded.presented[index];
  return (
    <main ref={stage} tabIndex={-1} className="projector" aria-labelledby="projector-title">
      <header className="projector__bar">
        <h1 id="projector-title" className="projector__title">
          {loaded.assignment.title}
        </h1>
        <span>
          Question {index + 1} of {count}
        </span>
        {countdown.isShown && (
          <span className="projector__countdown" aria-label={`${countdown.left} seconds left`}>
            {countdown.left}s{countdown.isRunning ? '' : ' (paused)'}
          </span>
        )}
        <button
          type="button"
          className="projector__help-button"
          onClick={() => setIsHelpOpen((value) => !value)}
          aria-expanded={isHelpOpen}
        >
          Keys (?)
        </button>
        <Link to={paths.assignment(loaded.code)} className="projector__exit">
          Exit
        </Link>
      </header>
      {isHelpOpen && (
        <section className="projector__help" aria-label="Keyboard controls">
          <ul>
            <li>
              <kbd>→</kbd> or <kbd>Space</kbd> next question
            </li>
            <li>
              <kbd>←</kbd> previous question
            </li>
            <li>
              <kbd>R</kbd> reveal or hide the answer
            </li>
            <li>
              <kbd>C</kbd> start or pause a 30-second countdown
            </li>
            <li>
              <kbd>F</kbd> full screen
            </li>
            <li>
              <kbd>?</kbd> this help
            </li>
          </ul>
        </section>
      )}
      <div className="projector__slide" aria-live="polite">
        {presented && <Slide presented={presented} isRevealed={isRevealed} />}
      </div>
      <footer className="projector__controls">
        <button
          type="button"
          onClick={() => {
            setIndex((i) => Math.max(i - 1, 0));
            setIsRevealed(false);
            countdown.reset();
          }}
          disabled={index === 0}
        >
          ← Previous
        </button>
        <button type="button" onClick={() => setIsRevealed((value) => !value)}>
          {isRevealed ? 'Hide the answer' : 'Reveal the answer (R)'}
        </button>
        <button type="button" onClick={() => countdown.toggle()}>
          {countdown.isRunning ? 'Pause the countdown' : 'Countdown (C)'}
        </button>
        <button
          type="button"
          onClick={() => {
            setIndex((i) => Math.min(i + 1, count - 1));
            setIsRevealed(false);
            countdown.reset();
          }}
          disabled={index >= count - 1}
        >
          Next →
        </button>
      </footer>
    </main>
  );
}

async function toggleFullScreen(): Promise<void> {
  try {
    if (document.fullscreenElement) await document.exitFullscreen();
    else await document.documentElement.requestFullscreen();
  } catch {
    // Some browsers refuse full screen outside a click; the page is large enough without it.
  }
}
