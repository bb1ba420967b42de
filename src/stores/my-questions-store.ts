import type { Question } from '@/domain/question';
import { z } from 'zod';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { questionSchema } from '@/content/question-schema';
import { MY_QUESTIONS_NAME, myQuestionsStoreLoaded } from './my-questions-loading';
import { safePersist } from './safe-persist';

export { MY_QUESTIONS_BANK } from './my-questions-loading';

type MyQuestionsState = {
  questions: Question[];
  /** Adds (or replaces, by id) a question that passed the checks of the import review. */
  questionAccepted(question: Question): void;
  /** The same for several at once: one change, one save, however many questions. */
  questionsAccepted(questions: readonly Question[]): void;
  questionRemoved(id: string): void;
};

/**
 * Imported questions a teacher accepted with a citation: kept on this device, in the quiz pool as
 * the "My questions" bank. Saved as untrusted data, validated like any question on load.
 */
export const useMyQuestionsStore = create<MyQuestionsState>()(
  persist(
    (set) => ({
      questions: [],
      questionAccepted: (question) =>
        set(({ questions }) => ({ questions: [...questions.filter((q) => q.id !== question.id), question] })),
      questionsAccepted: (accepted) => {
        const ids = new Set(accepted.map((question) => question.id));
        set(({ questions }) => ({ questions: [...questions.filter((q) => !ids.has(q.id)), ...accepted] }));
      },
      questionRemoved: (id) => set(({ questions }) => ({ questions: questions.filter((q) => q.id !== id) })),
    }),
    safePersist({
      name: MY_QUESTIONS_NAME,
      describedAs: 'imported questions',
      version: 1,
      schema: z.object({ questions: z.array(questionSchema) }),
      partialize: ({ questions }) => ({ questions }),
    }),
  ),
);

myQuestionsStoreLoaded(useMyQuestionsStore);

const idSets = new WeakMap<readonly Question[], ReadonlySet<string>>();

/**
 * The ids of My questions, computed once per change of the list: each of a thousand draft rows can
 * ask whether it is accepted without walking the list.
 */
export function myQuestionIds(questions: readonly Question[]): ReadonlySet<string> {
  let ids = idSets.get(questions);
  if (!ids) {
    ids = new Set(questions.map((question) => question.id));
    idSets.set(questions, ids);
  }
  return ids;
}
