import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useDueQuestions } from '@/hooks/use-due-questions';
import { localDay } from '@/lib/local-day';
import { plural } from '@/lib/plural';
import { practiceHref } from '@/navigation/practice-links';

/**
 * How many questions are due for review today, with a quiz of them. Loaded after the first page
 * (it reads the saved history), and shows nothing when none are due.
 */
export function DueToday() {
  const headingId = useId();
  const [now] = useState(() => Date.now());
  const due = useDueQuestions(now);
  if (due.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="card due-today">
      <h2 id={headingId}>Due for review</h2>
      <p>
        {plural(due.length, 'question')} {due.length === 1 ? 'is' : 'are'} due today: answering them now, as
        you are about to forget them, is what makes them stick.
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
    </section>
  );
}
