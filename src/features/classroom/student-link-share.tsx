import { useId, useState, type ReactNode } from 'react';
import { QrCode } from '@/components/qr-code';
import { useHydrated } from '@/hooks/use-hydrated';

type Props = {
  link: string;
  title: string;
  /** Buttons or links beside "Copy the link". */
  actions: ReactNode;
  /** What goes under the copy status: notices, next steps. */
  children?: ReactNode;
};

/** The link students open, a button that copies it (or says how when the clipboard is refused), and its QR code. */
export function StudentLinkShare({ link, title, actions, children }: Props) {
  const linkId = useId();
  const [copyState, setCopyState] = useState('');
  // In a page the server rendered, until the app runs and can copy.
  const canCopy = useHydrated();

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopyState('Link copied.');
    } catch {
      document.getElementById(linkId)?.focus();
      setCopyState('Select the link and copy it with Ctrl+C (or ⌘+C).');
    }
  }

  return (
    <div className="assignment__share">
      <div className="assignment__link">
        <label htmlFor={linkId}>Link for students</label>
        <input id={linkId} className="text-field" readOnly value={link} onFocus={(e) => e.target.select()} />
        <div className="assignment__actions">
          <button type="button" className="button" disabled={!canCopy} onClick={() => void copy()}>
            Copy the link
          </button>
          {actions}
        </div>
        <p role="status" className="muted">
          {copyState}
        </p>
        {children}
      </div>
      <figure className="assignment__qr">
        <QrCode text={link} label={`QR code of the link to “${title}”`} />
        <figcaption className="muted">Scan to open the assignment</figcaption>
      </figure>
    </div>
  );
}
