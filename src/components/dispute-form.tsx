import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { DISPUTE_KINDS, DISPUTE_KIND_NAMES, type DisputeKind, type DisputeSelection } from '@/domain/dispute';
import type { Question } from '@/domain/question';
import type { Source } from '@/domain/source';
import { checkDisputeDraft, looksLikeMarkup, type QuotablePassage } from '@/engine/dispute-checks';
import { useContentAccess } from '@/hooks/use-content';
import './dispute-form.css';

/** A dispute the form checked: what is wrong, the tidied line, and the quoted words, if any. */
export type CheckedDispute = {
  kind: DisputeKind;
  note: string;
  selection: (DisputeSelection & { quote: string }) | null;
};

type Props = {
  question: Question;
  /** "Send to my teacher", "Save on this device". */
  sendLabel: string;
  /** Keeps or sends the dispute; resolves to a sentence saying why not, or null once done. */
  onSend: (dispute: CheckedDispute) => Promise<string | null> | string | null;
  onCancel: () => void;
};

/** The sources, once loaded (the form works without them: the evidence is optional). */
function useSourceList(): readonly Source[] {
  const access = useContentAccess();
  const [sources, setSources] = useState<readonly Source[]>([]);
  useEffect(() => {
    let isCurrent = true;
    void access.loadSources().then((loaded) => {
      if (isCurrent) setSources(loaded.sources);
    });
    return () => {
      isCurrent = false;
    };
  }, [access]);
  return sources;
}

/**
 * "Dispute this question": the learner says what is wrong, may quote words of the passage shown as
 * evidence (selected with the mouse, or typed), and writes a line. Checked here with the same rules
 * as where it is kept (`dispute-checks.ts`); the caller decides where it goes.
 */
export function DisputeForm({ question, sendLabel, onSend, onCancel }: Props) {
  const sources = useSourceList();
  const id = useId();
  const [kind, setKind] = useState<DisputeKind>('key');
  const [note, setNote] = useState('');
  const [words, setWords] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [isSending, setIsSending] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const passagesRef = useRef<HTMLDivElement>(null);
  const passages: QuotablePassage[] = question.citations.flatMap((citation) => {
    const passage = sources
      .find((source) => source.id === citation.source)
      ?.passages.find((candidate) => candidate.id === citation.passage);
    return passage ? [{ source: citation.source, passage: citation.passage, text: passage.text }] : [];
  });

  useEffect(() => {
    titleRef.current?.focus();
    // Keys pressed in the form are the form's: a page's own shortcuts (Enter goes on to the next
    // question, digits choose) must not act on them. A native listener stops them before the document.
    const form = formRef.current;
    const keepKeys = (event: KeyboardEvent) => event.stopPropagation();
    form?.addEventListener('keydown', keepKeys);
    return () => form?.removeEventListener('keydown', keepKeys);
  }, []);

  /** The words selected in the passage, when the selection lies there. */
  function selectedWords(): string | null {
    const selected = document.getSelection();
    const text = selected?.toString().trim() ?? '';
    const isInPassage =
      selected &&
      selected.rangeCount > 0 &&
      passagesRef.current?.contains(selected.getRangeAt(0).commonAncestorContainer);
    return isInPassage && text !== '' ? text : null;
  }

  /** Quietly, on mouse and key up in the passage. */
  function noteSelection() {
    const text = selectedWords();
    if (text) setWords(text);
  }

  function takeSelection() {
    const text = selectedWords();
    if (text) {
      setProblem(null);
      setWords(text);
    } else if (words.trim() === '') {
      setProblem('Select some words in the passage first, or type them below.');
    }
  }

  async function send(event: FormEvent) {
    event.preventDefault();
    const checked = checkDisputeDraft({ note, words }, passages);
    if (!checked.ok) {
      setProblem(checked.problem);
      return;
    }
    setIsSending(true);
    const refusal = await onSend({ kind, note: checked.note, selection: checked.selection });
    setIsSending(false);
    setProblem(refusal);
  }

  return (
    <form
      ref={formRef}
      className="dispute card"
      onSubmit={(event) => void send(event)}
      aria-labelledby={`${id}-title`}
    >
      <h4 id={`${id}-title`} ref={titleRef} tabIndex={-1}>
        Dispute this question
      </h4>
      <fieldset>
        <legend>What is wrong?</legend>
        {DISPUTE_KINDS.map((value) => (
          <label key={value} className="dispute__kind">
            <input
              type="radio"
              name={`${id}-kind`}
              value={value}
              checked={kind === value}
              onChange={() => setKind(value)}
            />{' '}
            {DISPUTE_KIND_NAMES[value]}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-note`}>In a line, why</label>
      <input
        id={`${id}-note`}
        className="text-field"
        value={note}
        aria-describedby={looksLikeMarkup(note) ? `${id}-markup` : undefined}
        onChange={(event) => setNote(event.target.value)}
      />
      {looksLikeMarkup(note) && (
        <p id={`${id}-markup`} className="muted">
          Kept as plain text: tags such as &lt;b&gt; are shown as you typed them, never as formatting.
        </p>
      )}
      {passages.length > 0 && (
        <>
          <p className="muted">
            The passage this question cites: select the words that show it, if you like.
          </p>
          {/* Selecting words with the mouse or the keyboard fills in the evidence field below. */}
          {/* eslint-disable-next-line jsx-a11y/no-static-element-interactions -- the field below is the accessible way */}
          <div
            ref={passagesRef}
            className="dispute__passages"
            onMouseUp={noteSelection}
            onKeyUp={noteSelection}
          >
            {passages.map((passage) => (
              <blockquote key={`${passage.source}/${passage.passage}`} className="dispute__passage">
                {passage.text}
              </blockquote>
            ))}
          </div>
          <button type="button" className="button button--secondary" onClick={takeSelection}>
            Use the words I selected
          </button>
          <label htmlFor={`${id}-words`}>Words from the passage as evidence (optional)</label>
          <input
            id={`${id}-words`}
            className="text-field"
            value={words}
            onChange={(event) => setWords(event.target.value)}
          />
        </>
      )}
      <div role="status">{problem && <p className="notice notice--error">{problem}</p>}</div>
      <div className="dispute__buttons">
        <button type="submit" className="button" disabled={isSending}>
          {sendLabel}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
