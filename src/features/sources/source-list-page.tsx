import { Link } from 'react-router';
import { useSources } from '@/hooks/use-content';
import { usePageTitle } from '@/hooks/use-page-title';
import { plural } from '@/lib/plural';
import { paths } from '@/navigation/paths';

export function SourceListPage() {
  usePageTitle('Sources');
  const { sources } = useSources();
  return (
    <>
      <h1>Sources</h1>
      <p className="lead">
        The documents every question is written from, word for word. Each passage has its own address, so a
        question can point at the exact words it relies on.
      </p>
      <ul className="card-grid">
        {sources.map((source) => (
          <li key={source.id} className="card">
            <h2 className="card__title">
              <Link to={paths.source(source.id)}>{source.title}</Link>
            </h2>
            <p className="card__meta">
              {plural(source.sections.length, 'section')} · {plural(source.passages.length, 'passage')}
            </p>
            <ul className="tag-list" aria-label="Sections">
              {source.sections.map((section) => (
                <li key={section.id} className="tag">
                  {section.title}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </>
  );
}
