import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Question } from '@/domain/question';
import type { Source } from '@/domain/source';
import { useContentAccess } from '@/hooks/use-content';
import { api } from './api-client';
import {
  DISPUTE_KIND_NAMES,
  type DisputeInput,
  type DisputeKind,
  type StudentDispute,
} from './dispute-responses';

type Props = { attemptId: string; index: number; question: Question };

const KINDS = Object.keys(DISPUTE_KIND_NAMES) as DisputeKind[];

/**
 * "Dispute this question": beside a feedback, the learner says what is wrong, may quote words of
 * the passage shown as evidence (selected with the mouse, or typed), and writes a line.
 */
export function DisputeQuestion(props: Props) {
  const [isOpen, setIsOpen] = useState(false);
  const [filed, setFiled] = useState<StudentDispute | null>(null);
  if (filed) {
    return (
      <p className="notice dispute__sent" role="status">
        Your dispute is with your teacher. Their reply appears here.
      </p>
    );
  }
  if (!isOpen) {
    return (
      <button
        type="button"
        className="button button--secondary dispute__open"
        onClick={() => setIsOpen(true)}
      >
        Dispute this question
      </button>
    );
  }
  return <DisputeForm {...props} onFiled={setFiled} onCancel={() => setIsOpen(false)} />;
}

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

type Evidence = { source: string; passage: string; text: string };

/** Characters [start, end) of the passage the quoted words are, or null when they are not in it. */
function locate(passages: readonly Evidence[], words: string): DisputeInput['selection'] | 'not-found' {
  const quoted = words.trim();
  if (quoted === '') return null;
  for (const passage of passages) {
    const start = passage.text.indexOf(quoted);
    if (start >= 0)
      return { source: passage.source, passage: passage.passage, start, end: start + quoted.length };
  }
  return 'not-found';
}

function DisputeForm({
  attemptId,
  index,
  question,
  onFiled,
  onCancel,
}: Props & {
  onFiled: (dispute: StudentDispute) => void;
  onCancel: () => void;
}) {
  const sources = useSourceList();
  const id = useId();
  const [kind, setKind] = useState<DisputeKind>('key');
  const [message, setMessage] = useState('');
  const [words, setWords] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [isSending, setIsSending] = useState(false);
  const passagesRef = useRef<HTMLDivElement>(null);
  const passages: Evidence[] = question.citations.flatMap((citation) => {
    const passage = sources
      .find((source) => source.id === citation.source)
      ?.passages.find((candidate) => candidate.id === citation.passage);
    return passage ? [{ source: citation.source, passage: citation.passage, text: passage.text }] : [];
  });

  /** The words selected in the passage, if the selection lies there (quietly: on mouse and key up). */
  function selectedWords(): string | null {
    const selected = document.getSelection();
    const text = selected?.toString().trim() ?? '';
    const isInPassage =
      selected &&
      selected.rangeCount > 0 &&
      passagesRef.current?.contains(selected.getRangeAt(0).commonAncestorContainer);
    return isInPassage && text !== '' ? text : null;
  }

  function noteSelection() {
    const text = selectedWords();
    if (text) setWords(text);
  }

  function takeSelection() {
    if (words.trim() !== '' && !selectedWords()) return;
    const selected = document.getSelection();
    const text = selected?.toString() ?? '';
    const isInPassage =
      selected &&
      selected.rangeCount > 0 &&
      passagesRef.current?.contains(selected.getRangeAt(0).commonAncestorContainer);
    if (!isInPassage || text.trim() === '') {
      setProblem('Select some words in the passage first, or type them below.');
      return;
    }
    setProblem(null);
    setWords(text.trim());
  }

  async function send(event: FormEvent) {
    event.preventDefault();
    const selection = locate(passages, words);
    if (selection === 'not-found') {
      setProblem('These words are not in the passage: copy them exactly, or select them.');
      return;
    }
    if (message.trim() === '') {
      setProblem('Say in a line what is wrong.');
      return;
    }
    setIsSending(true);
    const result = await api.fileDispute(attemptId, { index, kind, message, selection });
    setIsSending(false);
    if (result.ok) onFiled(result.data);
    else setProblem(result.message);
  }

  return (
    <form className="dispute card" onSubmit={(event) => void send(event)} aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>Dispute this question</h4>
      <fieldset>
        <legend>What is wrong?</legend>
        {KINDS.map((value) => (
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
      <label htmlFor={`${id}-message`}>In a line, why</label>
      <input
        id={`${id}-message`}
        className="input"
        value={message}
        maxLength={1000}
        onChange={(event) => setMessage(event.target.value)}
      />
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
            className="input"
            value={words}
            onChange={(event) => setWords(event.target.value)}
          />
        </>
      )}
      <div role="status">{problem && <p className="notice notice--error">{problem}</p>}</div>
      <div className="dispute__buttons">
        <button type="submit" className="button" disabled={isSending}>
          Send to my teacher
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The learner's disputes on one question, with their status and the teacher's reply. */
export function DisputeReplies({ disputes }: { disputes: readonly StudentDispute[] }) {
  if (disputes.length === 0) return null;
  return (
    <ul className="dispute__replies">
      {disputes.map((dispute) => (
        <li key={dispute.id}>
          Your dispute ({DISPUTE_KIND_NAMES[dispute.kind].toLowerCase()}):{' '}
          {dispute.status === 'open'
            ? 'waiting for your teacher.'
            : `${dispute.status === 'accepted' ? 'accepted' : 'not accepted'}. “${dispute.reply ?? ''}”`}
        </li>
      ))}
    </ul>
  );
}
