import { useId, useLayoutEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { DISPUTE_KIND_NAMES } from '@/domain/dispute';
import { disputesFileName, disputesText } from '@/formats/disputes-text';
import { MY_DISPUTES_ID } from '@/navigation/paths';
import { downloadText } from '@/lib/download-text';
import { formatDate, localDay } from '@/lib/local-day';
import { plural } from '@/lib/plural';
import { useSoloDisputeStore } from '@/stores/solo-dispute-store';

/**
 * The disputes filed in solo practice: each can be deleted, and all of them exported as a short
 * plain text (downloaded or copied) for the bank's authors.
 */
export function MyDisputesSection() {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const textId = useId();
  const disputes = useSoloDisputeStore((state) => state.disputes);
  const [message, setMessage] = useState('');
  const [writtenAt] = useState(() => Date.now());
  const text = disputesText(disputes, writtenAt);
  const { hash } = useLocation();

  // Arriving from "My disputes" beside a feedback: the section, not the top of the page. A layout
  // effect runs again when a suspended page is shown again, which would have dropped the focus.
  useLayoutEffect(() => {
    if (hash === `#${MY_DISPUTES_ID}`) headingRef.current?.focus();
  }, [hash]);

  function deleted(id: string) {
    useSoloDisputeStore.getState().disputeDeleted(id);
    setMessage('Dispute deleted.');
    headingRef.current?.focus();
  }

  function download() {
    const fileName = disputesFileName(localDay(Date.now()));
    downloadText(fileName, text, 'text/plain');
    setMessage(`Downloaded as ${fileName}.`);
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setMessage('Copied: paste it into a message to the bank’s authors.');
    } catch {
      setMessage('This browser would not copy it: select the text below and copy it yourself.');
    }
  }

  return (
    <section aria-labelledby={`${textId}-heading`} className="progress-section" id={MY_DISPUTES_ID}>
      <h2 id={`${textId}-heading`} ref={headingRef} tabIndex={-1}>
        My disputes
      </h2>
      {disputes.length === 0 ? (
        <p>
          No disputes yet. When you think a question is wrong, choose “Dispute this question” beside its
          feedback: it is kept here, on this device and in your backups, to send to the bank’s authors.
        </p>
      ) : (
        <>
          <p>
            {plural(disputes.length, 'dispute')} kept on this device and in your backups. Send them to the
            authors of the question banks as a short text.
          </p>
          <ul className="progress-disputes">
            {disputes.map((dispute) => (
              <li key={dispute.id} className="card progress-dispute">
                <p className="progress-dispute__prompt">{dispute.prompt}</p>
                <p>
                  <strong>{DISPUTE_KIND_NAMES[dispute.kind]}</strong> — “{dispute.note}”
                </p>
                {dispute.selection && <blockquote>{dispute.selection.quote}</blockquote>}
                <p className="muted">
                  {dispute.questionId} in {dispute.bank}, filed on {formatDate(dispute.filedAt)}
                </p>
                <button
                  type="button"
                  className="button button--secondary"
                  aria-label={`Delete the dispute on “${dispute.prompt}”`}
                  onClick={() => deleted(dispute.id)}
                >
                  Delete
                </button>
              </li>
            ))}
          </ul>
          <div className="progress-actions">
            <button type="button" className="button" onClick={download}>
              Download as text
            </button>
            <button type="button" className="button button--secondary" onClick={() => void copy()}>
              Copy the text
            </button>
          </div>
          <label htmlFor={textId} className="progress-disputes__label">
            Text for the bank’s authors
          </label>
          <textarea
            id={textId}
            className="text-field progress-disputes__text"
            readOnly
            rows={8}
            value={text}
          />
        </>
      )}
      <p role="status" className="progress-status">
        {message}
      </p>
    </section>
  );
}
