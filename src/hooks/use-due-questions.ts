import questionIndex from 'virtual:content/question-index';
import { useMemo } from 'react';
import { dueQuestions, type DueQuestion } from '@/engine/review-queue';
import { endOfLocalDay } from '@/lib/local-day';
import { useHistoryStore } from '@/stores/history-store';

const inBanks = new Set(questionIndex.map((question) => question.id));
const isInBanks = (questionId: string) => inBanks.has(questionId);

/** The questions due by the end of the learner's day `now` falls in, most overdue first; only those still in the banks. */
export function useDueQuestions(now: number): DueQuestion[] {
  const schedules = useHistoryStore((state) => state.schedules);
  return useMemo(() => dueQuestions(schedules, endOfLocalDay(now), isInBanks), [schedules, now]);
}

/** True when the question is still in the banks (so it can be asked again). */
export function isQuestionInBanks(questionId: string): boolean {
  return isInBanks(questionId);
}
