import { useId } from 'react';
import { Link } from 'react-router';
import type { DueQuestion } from '@/engine/review-queue';
import { localDay, relativeDay } from '@/lib/local-day';
import { plural } from '@/lib/plural';
import { practiceHref } from '@/navigation/practice-links';

type Props = {
  due: readonly DueQuestion[];
  /** When the next question not due today falls due, if any. */
  nextDue: number | undefined;
  now: number;
};

/** How many questions spaced repetition brings back today, and a quiz of them, most overdue first. */
export function DueSection({ due, nextDue, now }: Props) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="card review-due">
      <h2 id={headingId}>Due today</h2>
      {due.length > 0 ? (
        <>
          <p>
            {plural(due.length, 'question')} {due.length === 1 ? 'is' : 'are'} due for review today. The quiz
            asks the most overdue first.
          </p>
          <Link
            className="button"
            to={practiceHref(
              due.map((question) => question.questionId),
              localDay(now),
              { keepOrder: true },
            )}
          >
            Review due questions
          </Link>
        </>
      ) : (
        <p>
          Nothing is due today.
          {nextDue === undefined
            ? ' Every question you answer is scheduled to come back when you are about to forget it.'
            : ` The next question is due ${relativeDay(nextDue, now)}.`}
        </p>
      )}
    </section>
  );
}
