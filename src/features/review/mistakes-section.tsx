import { useId, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { groupMistakes, type Mistake } from '@/engine/review-queue';
import { useIsQuestionInBanks } from '@/hooks/use-due-questions';
import { plural } from '@/lib/plural';
import { practiceHref } from '@/navigation/practice-links';
import { MistakeItem } from './mistake-item';
import { useCatalog, useSources } from '@/hooks/use-content';
import { reviewGroups, type Grouping } from './review-groups';
import { paths } from '@/navigation/paths';

const GROUPINGS: { value: Grouping; label: string }[] = [
  { value: 'topic', label: 'Topic' },
  { value: 'section', label: 'Source section' },
];

function practisable(
  mistakes: readonly Mistake[],
  isQuestionInBanks: (questionId: string) => boolean,
): string[] {
  return mistakes
    .filter((mistake) => isQuestionInBanks(mistake.questionId))
    .map((mistake) => mistake.questionId);
}

type Props = {
  mistakes: readonly Mistake[];
  hasAnswers: boolean;
  /** Changes whenever anything is answered, so a practice link is new once the list may have changed. */
  linkSalt: string;
};

/** The questions the learner currently gets wrong, grouped by topic or by source section. */
export function MistakesSection({ mistakes, hasAnswers, linkSalt }: Props) {
  const [grouping, setGrouping] = useState<Grouping>('topic');
  const headingId = useId();
  const isQuestionInBanks = useIsQuestionInBanks();
  const { sources } = useSources();
  const { topics } = useCatalog();
  const grouper = useMemo(() => reviewGroups(sources, topics), [sources, topics]);
  const groups = useMemo(
    () =>
      groupMistakes(
        mistakes,
        (mistake) => grouper.keyOf(grouping, mistake),
        (key) => grouper.rankOf(grouping, key),
      ),
    [mistakes, grouping, grouper],
  );
  const ids = practisable(mistakes, isQuestionInBanks);

  return (
    <section aria-labelledby={headingId} className="review-section">
      <h2 id={headingId}>Questions you get wrong</h2>
      {mistakes.length === 0 ? (
        <p>
          {hasAnswers
            ? 'Nothing to review: your latest answer to every question you have answered was right.'
            : 'You have not answered any questions yet. Questions you get wrong will be listed here.'}{' '}
          <Link to={paths.quizStart()}>Start a quiz</Link>
        </p>
      ) : (
        <>
          <p>
            Your latest answer to {plural(mistakes.length, 'question')} was not fully right. Answer{' '}
            {mistakes.length === 1 ? 'it' : 'one'} correctly and it leaves this list.
          </p>
          <div className="review-toolbar">
            <fieldset className="review-grouping">
              <legend>Group by</legend>
              {GROUPINGS.map((option) => (
                <label key={option.value} className="option">
                  <input
                    type="radio"
                    name="review-grouping"
                    value={option.value}
                    checked={grouping === option.value}
                    onChange={() => setGrouping(option.value)}
                  />
                  {option.label}
                </label>
              ))}
            </fieldset>
            {ids.length > 0 && (
              <Link className="button" to={practiceHref(ids, linkSalt)}>
                {ids.length === 1 ? 'Practise this one' : `Practise these ${ids.length}`}
              </Link>
            )}
          </div>
          {groups.map((group) => (
            <MistakeGroup
              key={group.key}
              label={grouper.labelOf(grouping, group.key)}
              mistakes={group.mistakes}
              linkSalt={linkSalt}
              hasOwnPractice={groups.length > 1}
            />
          ))}
        </>
      )}
    </section>
  );
}

function MistakeGroup(props: {
  label: { title: string; detail?: string };
  mistakes: readonly Mistake[];
  linkSalt: string;
  hasOwnPractice: boolean;
}) {
  const { label, mistakes, linkSalt, hasOwnPractice } = props;
  const headingId = useId();
  const isQuestionInBanks = useIsQuestionInBanks();
  const ids = practisable(mistakes, isQuestionInBanks);
  return (
    <section aria-labelledby={headingId} className="review-group">
      <div className="review-group__head">
        <h3 id={headingId}>
          {label.title} <span className="review-group__count">({mistakes.length})</span>
          {label.detail && <span className="review-group__detail">{label.detail}</span>}
        </h3>
        {hasOwnPractice && ids.length > 0 && (
          <Link className="button button--secondary review-group__practice" to={practiceHref(ids, linkSalt)}>
            Practise this group<span className="visually-hidden">: {label.title}</span>
          </Link>
        )}
      </div>
      <ol className="review-list">
        {mistakes.map((mistake) => (
          <MistakeItem key={mistake.questionId} mistake={mistake} />
        ))}
      </ol>
    </section>
  );
}
