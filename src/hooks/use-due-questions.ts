import { useMemo } from 'react';
import { dueQuestions, type DueQuestion } from '@/engine/review-queue';
import { endOfLocalDay } from '@/lib/local-day';
import { useHistoryStore } from '@/stores/history-store';
import { useQuestionFacets } from './use-questions';

/** Whether a question is still in the built-in banks, so it can be asked again. */
export function useIsQuestionInBanks(): (questionId: string) => boolean {
  const index = useQuestionFacets({ withMyQuestions: false });
  return useMemo(() => {
    const ids = new Set(index.map((question) => question.id));
    return (questionId) => ids.has(questionId);
  }, [index]);
}

/** The questions due by the end of the learner's day `now` falls in, most overdue first; only those still in the banks. */
export function useDueQuestions(now: number): DueQuestion[] {
  const schedules = useHistoryStore((state) => state.schedules);
  const isInBanks = useIsQuestionInBanks();
  return useMemo(() => dueQuestions(schedules, endOfLocalDay(now), isInBanks), [schedules, now, isInBanks]);
}
