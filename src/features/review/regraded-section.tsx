import { useId, useMemo } from 'react';
import type { History } from '@/engine/history';
import { changedVerdicts, regradeKey } from '@/engine/regrade-history';
import { formatDate } from '@/lib/local-day';
import { plural } from '@/lib/plural';
import { RegradeNote } from './regrade-note';

/**
 * The answers whose verdict changed because a question was corrected in the banks: those now right
 * leave the mistakes, so this is where the learner sees what happened to them. Shown only when any.
 */
export function RegradedSection({ history }: { history: History }) {
  const headingId = useId();
  const changed = useMemo(() => changedVerdicts(history), [history]);
  if (changed.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="card">
      <h2 id={headingId}>Regraded answers</h2>
      <p>
        {plural(changed.length, 'answer')} {changed.length === 1 ? 'was' : 'were'} graded again with the
        corrected version of {changed.length === 1 ? 'its question' : 'their questions'}. Review and spaced
        repetition count the new grade; your answers are kept as you gave them.
      </p>
      <ul className="review-list">
        {changed.map(({ answer, regrade }) => (
          <li key={regradeKey(regrade)} className="review-item">
            <h3 className="review-item__prompt">
              {history.questions[regrade.to]?.prompt ?? answer.questionId}
            </h3>
            <p className="review-item__meta muted">
              Answered on {formatDate(answer.answeredAt)}, regraded on {formatDate(regrade.regradedAt)}
            </p>
            <RegradeNote first={answer.grade} now={regrade.grade} />
          </li>
        ))}
      </ul>
    </section>
  );
}
