import type { Question } from '@/domain/question';
import { useId, useMemo } from 'react';
import type { AnswerRecord } from '@/engine/history';
import { masteryByGroup, type Mastery } from '@/engine/mastery';
import { percentOf } from '@/domain/round';
import { useCatalog, useSources } from '@/hooks/use-content';

/** The share known, drawn; the numbers beside it say the same in words. */
function MasteryTrack({ mastery }: { mastery: Mastery }) {
  const percent = percentOf(mastery.known, mastery.total);
  return (
    <span className="mastery-row__track" aria-hidden="true">
      <span className="mastery-row__fill" style={{ width: `${percent}%` }} />
    </span>
  );
}

function MasteryBar({ label, mastery }: { label: string; mastery: Mastery }) {
  return (
    <li className="mastery-row">
      <span className="mastery-row__label">{label}</span>
      <MasteryTrack mastery={mastery} />
      <span className="mastery-row__value">
        {mastery.known} of {mastery.total}
      </span>
    </li>
  );
}

/** How many questions the learner knows, per topic and per source and its sections. */
export function MasterySection({
  questions,
  latest,
}: {
  questions: readonly Question[];
  latest: ReadonlyMap<string, AnswerRecord>;
}) {
  const headingId = useId();
  const { topics } = useCatalog();
  const { sources } = useSources();
  const byTopic = useMemo(
    () =>
      masteryByGroup(
        questions.map(({ id, topics: groups }) => ({ id, groups })),
        latest,
      ),
    [questions, latest],
  );
  const bySource = useMemo(() => {
    const sectionOf = new Map(
      sources.flatMap((source) =>
        source.passages.map(
          (passage) => [`${source.id}/${passage.id}`, `${source.id}/${passage.section}`] as const,
        ),
      ),
    );
    return masteryByGroup(
      questions.map(({ id, citations }) => ({
        id,
        groups: citations.flatMap(({ source, passage }) => {
          const section = sectionOf.get(`${source}/${passage}`);
          return section ? [source, section] : [source];
        }),
      })),
      latest,
    );
  }, [questions, latest, sources]);

  return (
    <section aria-labelledby={headingId} className="progress-section">
      <h2 id={headingId}>What you know</h2>
      <p>A question counts as known when your latest answer to it was fully right.</p>
      <h3>By topic</h3>
      <ul className="mastery-list">
        {topics.flatMap((topic) => {
          const mastery = byTopic.get(topic.id);
          return mastery ? [<MasteryBar key={topic.id} label={topic.name} mastery={mastery} />] : [];
        })}
      </ul>
      <h3>By source</h3>
      {sources.map((source) => {
        const mastery = bySource.get(source.id);
        if (!mastery) return null;
        return (
          <div key={source.id} className="card mastery-source">
            <h4>{source.title}</h4>
            <p>
              You know {mastery.known} of the {mastery.total} facts in {source.title}.
            </p>
            <MasteryTrack mastery={mastery} />
            <details>
              <summary>
                By section<span className="visually-hidden"> of {source.title}</span>
              </summary>
              <ul className="mastery-list">
                {source.sections.flatMap((section) => {
                  const ofSection = bySource.get(`${source.id}/${section.id}`);
                  return ofSection
                    ? [<MasteryBar key={section.id} label={section.title} mastery={ofSection} />]
                    : [];
                })}
              </ul>
            </details>
          </div>
        );
      })}
    </section>
  );
}
