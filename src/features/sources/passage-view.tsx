import type { Passage } from '@/domain/source';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { findQuote } from '@/content/find-quote';
import { plural } from '@/lib/plural';
import { paths } from '@/navigation/paths';

type Props = {
  sourceId: string;
  passage: Passage;
  citationCount: number;
  isTarget: boolean;
  quote: string | undefined;
};

function PassageText({ text, quote }: { text: string; quote: string | undefined }) {
  const found = quote ? findQuote(text, quote) : undefined;
  if (!found) return text;
  return (
    <>
      {text.slice(0, found.start)}
      <mark>{text.slice(found.start, found.end)}</mark>
      {text.slice(found.end)}
    </>
  );
}

export function PassageView({ sourceId, passage, citationCount, isTarget, quote }: Props) {
  const element = useRef<HTMLDivElement>(null);
  const isQuoteMissing = isTarget && quote !== undefined && !findQuote(passage.text, quote);

  // A link to a passage brings it into view and puts focus on it, so reading starts there.
  useEffect(() => {
    if (!isTarget || !element.current) return;
    element.current.scrollIntoView({ block: 'center' });
    element.current.focus({ preventScroll: true });
  }, [isTarget, quote]);

  return (
    <div
      ref={element}
      id={`passage-${passage.id}`}
      className={isTarget ? 'passage passage--target' : 'passage'}
      tabIndex={isTarget ? -1 : undefined}
      aria-label={isTarget ? 'Cited passage' : undefined}
      role={isTarget ? 'region' : undefined}
    >
      <p className="passage__text">
        <PassageText text={passage.text} quote={isTarget ? quote : undefined} />
      </p>
      {isQuoteMissing && (
        <p className="notice" role="status">
          The quoted words are not in this passage; it may have changed since the link was made.
        </p>
      )}
      <p className="passage__meta">
        <Link to={paths.passage(sourceId, passage.id)} aria-label={`Link to passage ${passage.id}`}>
          ¶ {passage.id}
        </Link>
        <span>{citationCount > 0 ? `cited by ${plural(citationCount, 'question')}` : 'not cited yet'}</span>
      </p>
    </div>
  );
}
