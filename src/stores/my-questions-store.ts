import type { Question } from '@/domain/question';
import { z } from 'zod';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { questionSchema } from '@/content/question-schema';
import { safePersist } from './safe-persist';

/** The bank a teacher's accepted imported questions join. */
export const MY_QUESTIONS_BANK = 'my-questions';

type MyQuestionsState = {
  questions: Question[];
  /** Adds (or replaces, by id) a question that passed the checks of the import review. */
  questionAccepted(question: Question): void;
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
      questionRemoved: (id) => set(({ questions }) => ({ questions: questions.filter((q) => q.id !== id) })),
    }),
    safePersist({
      name: 'my-questions',
      describedAs: 'imported questions',
      version: 1,
      schema: z.object({ questions: z.array(questionSchema) }),
      partialize: ({ questions }) => ({ questions }),
    }),
  ),
);
