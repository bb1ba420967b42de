import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { useCatalog } from '@/hooks/use-content';
import { useHydrated } from '@/hooks/use-hydrated';
import { usePageTitle } from '@/hooks/use-page-title';
import { plural } from '@/lib/plural';
import './home-page.css';
import { paths } from '@/navigation/paths';

// A chunk of its own, as is what it shows: the first page's budget has no room for them.
const SavedIfAny = lazy(async () => ({ default: (await import('./saved-if-any')).SavedIfAny }));

export function HomePage() {
  usePageTitle(undefined);
  const catalog = useCatalog();
  // Built into the page's HTML without it: only this device knows its saved quizzes.
  const isHydrated = useHydrated();
  const topicNames = new Map(catalog.topics.map((topic) => [topic.id, topic.name]));
  const questionCount = catalog.banks.reduce((sum, bank) => sum + bank.questionCount, 0);
  return (
    <>
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">Learn what the documents say, and check every answer against them</h1>
        <p className="lead">
          {plural(questionCount, 'question')} written by hand from{' '}
          {plural(catalog.sources.length, 'document')} on Belgium–Vietnam relations and development
          cooperation. Each answer is explained and linked to the exact passage it comes from.
        </p>
        <p className="hero__actions">
          <Link className="button" to={paths.quizStart()}>
            Start a quiz
          </Link>
          <Link className="button button--secondary" to={paths.classroom()}>
            For teachers
          </Link>
        </p>
      </section>

      {isHydrated && (
        <Suspense fallback={null}>
          <SavedIfAny />
        </Suspense>
      )}

      <section aria-labelledby="sources-title">
        <h2 id="sources-title">The documents</h2>
        <ul className="card-grid">
          {catalog.sources.map((source) => (
            <li key={source.id} className="card">
              <h3 className="card__title">
                <Link to={paths.source(source.id)}>{source.title}</Link>
              </h3>
              <p className="card__meta">
                {plural(source.sectionCount, 'section')} · {plural(source.passageCount, 'passage')}
              </p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="banks-title">
        <h2 id="banks-title">Question banks</h2>
        <ul className="card-grid">
          {catalog.banks.map((bank) => (
            <li key={bank.id} className="card">
              <h3 className="card__title">
                <Link to={paths.quizStart(bank.id)} aria-label={`Practise ${bank.title}`}>
                  {bank.title}
                </Link>
              </h3>
              <p>{bank.description}</p>
              <p className="card__meta">{plural(bank.questionCount, 'question')}</p>
              <ul className="tag-list" aria-label="Topics">
                {bank.topics.map((topic) => (
                  <li key={topic} className="tag">
                    {topicNames.get(topic) ?? topic}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
