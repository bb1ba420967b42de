import type { Question, Topic } from '@/domain/question';
import { memo, useEffect, useId, useMemo, useRef, useState } from 'react';
import { checkAcceptedQuestion } from '@/content/check-accepted-question';
import { proposeCitations } from '@/content/propose-citations';
import type { TopicInfo } from '@/domain/content';
import { useCatalog, useSources } from '@/hooks/use-content';
import { gradeAnswer } from '@/engine/grade-answer';
import { QUESTION_TYPE_NAMES } from '@/domain/question-type-names';
import { MY_QUESTIONS_BANK, myQuestionIds, useMyQuestionsStore } from '@/stores/my-questions-store';

const OTHER = 'other';

/** A first guess the teacher can change: files from other tools carry no topics. */
function guessTopics(draft: Question, known: readonly TopicInfo[]): Topic[] {
  const guess = draft.type === 'year' ? 'dates' : draft.type === 'numeric' ? 'amounts' : undefined;
  return known.some((topic) => topic.id === guess) && guess ? [guess] : [];
}

/** Checks a draft as its row stands and says so in the row: the question to add, or null. */
export type DraftCheck = () => Question | null;

type Props = {
  draft: Question;
  isRejected: boolean;
  /** These are the same functions for every row and every render, so that a click re-renders one row. */
  onReject: (id: string) => void;
  onRestore: (id: string) => void;
  /** Lets the list's "Accept all" check this row as the teacher left it (null when the row goes). */
  register: (id: string, check: DraftCheck | null) => void;
};

/**
 * One imported draft: the passages it most likely comes from, proposed by shared words and numbers;
 * the teacher accepts one (or picks another passage and marks the quote), and the question is
 * checked like any bank question before it joins "My questions". A rejected draft folds to one
 * line that can be undone.
 */
export const DraftReview = memo(function DraftReview(props: Props) {
  return props.isRejected ? <RejectedDraft {...props} /> : <OpenDraft {...props} />;
});

function RejectedDraft({ draft, onRestore }: Props) {
  const undo = useRef<HTMLButtonElement>(null);
  // The Reject button is gone: keyboard focus goes to the button that brings the draft back.
  useEffect(() => undo.current?.focus(), []);
  return (
    <li className="card draft draft--rejected">
      <p>
        Rejected: “{draft.prompt}”.{' '}
        <button
          ref={undo}
          type="button"
          className="button button--secondary button--small"
          onClick={() => onRestore(draft.id)}
        >
          Undo
        </button>
      </p>
    </li>
  );
}

function OpenDraft({ draft, onReject, register }: Props) {
  const { sources } = useSources();
  const { topics: knownTopics } = useCatalog();
  // Proposing reads every passage: once per draft, not at each render of a list of a thousand.
  const proposals = useMemo(() => proposeCitations(draft, sources), [draft, sources]);
  const ids = { explanation: useId(), passage: useId(), quote: useId() };
  const [choice, setChoice] = useState(proposals.length > 0 ? '0' : OTHER);
  const [otherPassage, setOtherPassage] = useState('');
  const [quote, setQuote] = useState(proposals[0]?.quote ?? '');
  const [explanation, setExplanation] = useState(draft.explanation);
  const [topics, setTopics] = useState<Topic[]>(() => {
    const listed = draft.topics.filter((topic) => knownTopics.some((known) => known.id === topic));
    return listed.length > 0 ? listed : guessTopics(draft, knownTopics);
  });
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const isAccepted = useMyQuestionsStore((state) => myQuestionIds(state.questions).has(draft.id));

  function choose(value: string) {
    setChoice(value);
    const proposal = proposals[Number(value)];
    if (proposal) setQuote(proposal.quote);
    setStatus(null);
  }

  function check(): Question | null {
    const proposal = proposals[Number(choice)];
    const [source = '', passage = ''] =
      choice === OTHER ? otherPassage.split('/') : [proposal?.source, proposal?.passage];
    const checked = checkAcceptedQuestion(
      {
        ...draft,
        bank: MY_QUESTIONS_BANK,
        topics,
        explanation: explanation.trim(),
        citations: [{ source, passage, quote: quote.trim() }],
      },
      sources,
    );
    if (!checked.ok) {
      setStatus({ ok: false, text: `Not added: ${checked.problem}.` });
      return null;
    }
    setStatus({ ok: true, text: 'Added to My questions. It is now in the quiz, with its citation.' });
    return checked.question;
  }

  function accept() {
    const question = check();
    if (question) useMyQuestionsStore.getState().questionAccepted(question);
  }

  // Registered again at each render of this row only, so "Accept all" sees what the teacher typed.
  useEffect(() => {
    register(draft.id, check);
    return () => register(draft.id, null);
  });

  return (
    <li className="card draft">
      <p className="muted">
        {QUESTION_TYPE_NAMES[draft.type]} · {draft.id}
        {isAccepted && ' · in My questions'}
      </p>
      <h3 className="draft__prompt">{draft.prompt}</h3>
      <p>
        <strong>Answer:</strong> {gradeAnswer(draft, null).expected}
      </p>
      <div className="field">
        <label htmlFor={ids.explanation}>Explanation (why the answer is right)</label>
        <textarea
          id={ids.explanation}
          className="text-field"
          rows={2}
          value={explanation}
          onChange={(e) => setExplanation(e.target.value)}
        />
      </div>
      <fieldset className="option-group">
        <legend>Topics</legend>
        <div className="option-group__options">
          {knownTopics.map(({ id, name }) => (
            <label key={id} className="option">
              <input
                type="checkbox"
                checked={topics.includes(id)}
                onChange={(e) =>
                  setTopics(e.target.checked ? [...topics, id] : topics.filter((t) => t !== id))
                }
              />
              {name}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="option-group">
        <legend>Where does the answer come from?</legend>
        {proposals.length === 0 && (
          <p className="muted">No passage shares words or numbers with this question.</p>
        )}
        <div className="option-group__options option-group__options--stacked">
          {proposals.map((proposal, index) => (
            <label key={`${proposal.source}/${proposal.passage}`} className="option draft__proposal">
              <input
                type="radio"
                name={`${draft.id}-passage`}
                checked={choice === String(index)}
                onChange={() => choose(String(index))}
              />
              <span>
                <strong>
                  {sources.find((s) => s.id === proposal.source)?.title}, {proposal.passage}
                </strong>
                <span className="muted"> · shares {proposal.score} words or numbers</span>
                <span className="draft__quote">“{proposal.quote}”</span>
              </span>
            </label>
          ))}
          <label className="option">
            <input
              type="radio"
              name={`${draft.id}-passage`}
              checked={choice === OTHER}
              onChange={() => choose(OTHER)}
            />
            Another passage
          </label>
        </div>
        {choice === OTHER && (
          <div className="field">
            <label htmlFor={ids.passage}>Passage</label>
            <select
              id={ids.passage}
              className="text-field"
              value={otherPassage}
              onChange={(e) => setOtherPassage(e.target.value)}
            >
              <option value="">Choose a passage…</option>
              {sources.flatMap((source) =>
                source.passages.map((passage) => (
                  <option key={`${source.id}/${passage.id}`} value={`${source.id}/${passage.id}`}>
                    {source.title}: {passage.text.slice(0, 80)}…
                  </option>
                )),
              )}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor={ids.quote}>Quote (the exact words that prove the answer)</label>
          <textarea
            id={ids.quote}
            className="text-field"
            rows={2}
            value={quote}
            onChange={(e) => setQuote(e.target.value)}
          />
        </div>
      </fieldset>
      <div className="draft__actions">
        <button type="button" className="button" onClick={accept}>
          Accept with this citation
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => onReject(draft.id)}
          aria-label={`Reject “${draft.prompt}”`}
        >
          Reject
        </button>
      </div>
      <p role="status" className={status && !status.ok ? 'notice notice--error' : 'muted'}>
        {status?.text}
      </p>
    </li>
  );
}
