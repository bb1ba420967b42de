import { useId, useRef, useState } from 'react';
import type { QuizSession } from '@/engine/quiz-session';
import { encodeResult, responsesInAssignmentOrder } from '@/content/classroom-codes';
import type { AssignmentTaking } from './assignment-params';

/** The code a student hands to the teacher: the assignment, their name and answers, with a check. */
export function ResultCodePanel({ session, taking }: { session: QuizSession; taking: AssignmentTaking }) {
  const fieldId = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const [copyState, setCopyState] = useState('');
  const responses = Object.fromEntries(
    Object.entries(session.submissions).map(([id, submission]) => [id, submission.response]),
  );
  const code = encodeResult({
    assignment: taking.assignment,
    student: taking.student,
    responses: responsesInAssignmentOrder(taking.assignment, responses),
    finishedAt: session.finishedAt ?? session.startedAt,
  });
  const link = `${window.location.origin}/classroom/report#${code}`;

  async function copy() {
    try {
      await navigator.clipboard.writeText(code);
      setCopyState('Copied. Paste it where your teacher asked.');
    } catch {
      field.current?.select();
      setCopyState('Selected: press Ctrl+C (or ⌘+C) to copy.');
    }
  }

  return (
    <section className="card result-code" aria-labelledby={`${fieldId}-title`}>
      <h2 id={`${fieldId}-title`}>Your result code for “{taking.assignment.title}”</h2>
      <p>
        Give this code to your teacher, {taking.student}. It holds your name and answers, and a check that
        catches copying mistakes.
      </p>
      <label htmlFor={fieldId} className="visually-hidden">
        Result code
      </label>
      <textarea id={fieldId} ref={field} className="result-code__text" readOnly rows={4} value={code} />
      <div className="result-code__actions">
        <button type="button" className="button" onClick={() => void copy()}>
          Copy the code
        </button>
        <a className="button button--secondary" href={link}>
          Result as a link
        </a>
      </div>
      <p role="status" className="muted">
        {copyState}
      </p>
    </section>
  );
}
