import { use, useMemo, useSyncExternalStore } from 'react';
import type { Question, QuestionFacets } from '@/domain/question';
import { loadMyQuestions, mayHaveMyQuestions, MY_QUESTIONS_BANK } from '@/stores/my-questions-loading';
import { useContentAccess } from './use-content';

// Apart from use-content.ts: the saved "My questions" (and zod with them) stay off the first page.

const NONE: readonly Question[] = [];
const noSubscription = () => () => {};
const loadStore = async () => (await import('@/stores/my-questions-store')).useMyQuestionsStore;

/**
 * My questions when `isWanted`, suspending while their store loads; none, without loading it, when
 * the device has none.
 */
function useMyQuestions(isWanted: boolean): readonly Question[] {
  const store = isWanted && mayHaveMyQuestions() ? use(loadMyQuestions(loadStore)) : undefined;
  const questions = () => store?.getState().questions ?? NONE;
  return useSyncExternalStore(store?.subscribe ?? noSubscription, questions, questions);
}

/** The questions to draw from: the named banks (all when none is named), suspending while they load. */
export function useQuestions(
  bankIds: readonly string[] = [],
  options: { withMyQuestions: boolean } = { withMyQuestions: true },
): Question[] {
  const builtIn = use(useContentAccess().loadQuestions(bankIds));
  // The teacher's accepted imports are a bank of their own, kept on this device; a class's shared
  // assignments leave them out, since students' devices do not have them.
  const mine = useMyQuestions(
    options.withMyQuestions && (bankIds.length === 0 || bankIds.includes(MY_QUESTIONS_BANK)),
  );
  const withMine = mine.length > 0;
  // One array per change, so the engine's per-pool index is built once, not at every render.
  return useMemo(() => (withMine ? [...builtIn, ...mine] : builtIn), [withMine, builtIn, mine]);
}

/** What the draw's filters need of every question, to count matches without loading the banks. */
export function useQuestionFacets(
  options: { withMyQuestions: boolean } = { withMyQuestions: true },
): QuestionFacets[] {
  const index = use(useContentAccess().loadQuestionIndex());
  const mine = useMyQuestions(options.withMyQuestions);
  const withMine = mine.length > 0;
  return useMemo(() => (withMine ? [...index, ...mine] : index), [withMine, index, mine]);
}
