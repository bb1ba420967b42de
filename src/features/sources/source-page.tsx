import type { Passage, Source } from '@/domain/source';
import { Link, useParams, useSearchParams } from 'react-router';
import { useSources } from '@/hooks/use-content';
import { usePageTitle } from '@/hooks/use-page-title';
import { safeBackPath } from '@/navigation/safe-back-path';
import { PassageView } from './passage-view';
import './source-page.css';
import { nameOfPlace, paths } from '@/navigation/paths';

/** Consecutive list items are shown as one list, as in the document. */
function groupPassages(passages: readonly Passage[]): Passage[][] {
  const groups: Passage[][] = [];
  for (const passage of passages) {
    const last = groups.at(-1);
    if (passage.kind === 'item' && last?.[0]?.kind === 'item') last.push(passage);
    else groups.push([passage]);
  }
  return groups;
}

function SourceText({
  source,
  citationCounts,
  targetId,
  quote,
}: {
  source: Source;
  citationCounts: Readonly<Record<string, number>>;
  targetId?: string;
  quote?: string;
}) {
  const view = (passage: Passage) => (
    <PassageView
      key={passage.id}
      sourceId={source.id}
      passage={passage}
      citationCount={citationCounts[`${source.id}/${passage.id}`] ?? 0}
      isTarget={passage.id === targetId}
      quote={passage.id === targetId ? quote : undefined}
    />
  );
  return source.sections.map((section) => (
    <section key={section.id} id={`section-${section.id}`} aria-labelledby={`section-${section.id}-title`}>
      <h2 id={`section-${section.id}-title`}>{section.title}</h2>
      {groupPassages(source.passages.filter((p) => p.section === section.id)).map((group) =>
        group[0]?.kind === 'item' ? (
          <ul key={group[0].id} className="passage-list">
            {group.map((passage) => (
              <li key={passage.id}>{view(passage)}</li>
            ))}
          </ul>
        ) : (
          group.map(view)
        ),
      )}
    </section>
  ));
}

export function SourcePage() {
  const { sourceId = '', passageId } = useParams();
  const [searchParams] = useSearchParams();
  const { sources, citationCounts } = useSources();
  const source = sources.find((candidate) => candidate.id === sourceId);
  usePageTitle(source?.title ?? 'Document not found');

  if (!source) {
    return (
      <>
        <h1>Document not found</h1>
        <p className="notice notice--error" role="alert">
          There is no document called “{sourceId}”. The link may be mistyped or out of date.
        </p>
        <p>
          <Link to={paths.sources()}>See all documents</Link>
        </p>
      </>
    );
  }
  const hasTarget = passageId !== undefined && source.passages.some((passage) => passage.id === passageId);
  const quote = searchParams.get('quote') ?? undefined;
  const back = safeBackPath(searchParams.get('back'));
  return (
    <div className="reader">
      <nav className="reader__contents" aria-labelledby="contents-title">
        <h2 id="contents-title" className="reader__contents-title">
          Contents
        </h2>
        <ol>
          {source.sections.map((section) => (
            <li key={section.id}>
              <a href={`#section-${section.id}`}>{section.title}</a>
            </li>
          ))}
        </ol>
      </nav>
      <article className="reader__text" aria-labelledby="source-title">
        <p className="reader__crumb">
          {back ? (
            <Link to={back} className="reader__back">
              ← Back to {nameOfPlace(back)}
            </Link>
          ) : (
            <Link to={paths.sources()}>Sources</Link>
          )}
        </p>
        <h1 id="source-title">{source.title}</h1>
        {passageId !== undefined && !hasTarget && (
          <p className="notice notice--error" role="alert">
            This document has no passage “{passageId}”. The link may be out of date; the whole document is
            shown below.
          </p>
        )}
        <SourceText
          source={source}
          citationCounts={citationCounts}
          targetId={hasTarget ? passageId : undefined}
          quote={quote}
        />
      </article>
    </div>
  );
}
