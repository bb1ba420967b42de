import { use, useMemo, useState } from 'react';
import { currentMistakes } from '@/engine/review-queue';
import { useDueQuestions, useIsQuestionInBanks } from '@/hooks/use-due-questions';
import { usePageTitle } from '@/hooks/use-page-title';
import { endOfLocalDay } from '@/lib/local-day';
import { historyRead, useHistoryStore } from '@/stores/history-store';
import { DueSection } from './due-section';
import { MistakesSection } from './mistakes-section';
import { RegradedSection } from './regraded-section';
import { ScheduleSection } from './schedule-section';
import './review.css';

/** What to come back to: questions due today, those the learner gets wrong, and the schedule. */
export function ReviewPage() {
  // Until then the store holds no answers, and the page would say so (the route shows "Loading…").
  use(historyRead);
  usePageTitle('Review');
  // The day is fixed when the page opens; a page left open past midnight counts from the day it opened.
  const [now] = useState(() => Date.now());
  const history = useHistoryStore((state) => state.history);
  const schedules = useHistoryStore((state) => state.schedules);
  const due = useDueQuestions(now);
  const isQuestionInBanks = useIsQuestionInBanks();
  const mistakes = useMemo(() => currentMistakes(history), [history]);
  const nextDue = useMemo(() => {
    const endOfToday = endOfLocalDay(now);
    const later = Object.entries(schedules)
      .filter(([questionId, schedule]) => schedule.due > endOfToday && isQuestionInBanks(questionId))
      .map(([, schedule]) => schedule.due);
    return later.length > 0 ? Math.min(...later) : undefined;
  }, [schedules, now, isQuestionInBanks]);

  return (
    <div className="review">
      <h1>Review</h1>
      <p className="lead">Come back to what you got wrong until you know it.</p>
      <DueSection due={due} nextDue={nextDue} now={now} />
      <MistakesSection
        mistakes={mistakes}
        hasAnswers={history.answers.length > 0}
        linkSalt={String(history.answers.length)}
      />
      <RegradedSection history={history} />
      <ScheduleSection now={now} />
    </div>
  );
}
