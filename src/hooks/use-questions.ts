import { use, useMemo } from 'react';
import type { Question, QuestionFacets } from '@/domain/question';
import { MY_QUESTIONS_BANK, useMyQuestionsStore } from '@/stores/my-questions-store';
import { useContentAccess } from './use-content';

// Apart from use-content.ts: the saved "My questions" (and zod with them) stay off the first page.

/** The questions to draw from: the named banks (all when none is named), suspending while they load. */
export function useQuestions(
  bankIds: readonly string[] = [],
  options: { withMyQuestions: boolean } = { withMyQuestions: true },
): Question[] {
  const builtIn = use(useContentAccess().loadQuestions(bankIds));
  const mine = useMyQuestionsStore((state) => state.questions);
  // The teacher's accepted imports are a bank of their own, kept on this device; a class's shared
  // assignments leave them out, since students' devices do not have them.
  const withMine =
    options.withMyQuestions &&
    mine.length > 0 &&
    (bankIds.length === 0 || bankIds.includes(MY_QUESTIONS_BANK));
  // One array per change, so the engine's per-pool index is built once, not at every render.
  return useMemo(() => (withMine ? [...builtIn, ...mine] : builtIn), [withMine, builtIn, mine]);
}

/** What the draw's filters need of every question, to count matches without loading the banks. */
export function useQuestionFacets(
  options: { withMyQuestions: boolean } = { withMyQuestions: true },
): QuestionFacets[] {
  const index = use(useContentAccess().loadQuestionIndex());
  const mine = useMyQuestionsStore((state) => state.questions);
  const withMine = options.withMyQuestions && mine.length > 0;
  return useMemo(() => (withMine ? [...index, ...mine] : index), [withMine, index, mine]);
}
