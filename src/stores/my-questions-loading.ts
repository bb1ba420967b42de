import type { Question } from '@/domain/question';
import { browserStorage } from './browser-storage';
import { STORAGE_PREFIX } from './safe-persist';

/** The bank a teacher's accepted imported questions join. */
export const MY_QUESTIONS_BANK = 'my-questions';
/** Where the store keeps them (`safePersist`'s name). */
export const MY_QUESTIONS_NAME = 'my-questions';

/** What a quiz reads of the My questions store: the list, and word when it changes. */
export type MyQuestionsSource = {
  getState(): { questions: Question[] };
  subscribe(listener: () => void): () => void;
};

let loaded: Promise<MyQuestionsSource> | undefined;

/**
 * The store of My questions, loaded by `load` on first use only: reading it checks every saved
 * question with zod, which a quiz of built-in banks on a device that saved none has no need to load
 * before it paints.
 */
export function loadMyQuestions(load: () => Promise<MyQuestionsSource>): Promise<MyQuestionsSource> {
  return (loaded ??= load());
}

/** Called by the store's module as it loads, however it was imported. */
export function myQuestionsStoreLoaded(store: MyQuestionsSource): void {
  loaded ??= Promise.resolve(store);
}

/**
 * False only when My questions are certainly empty: the store is not loaded (so nothing was accepted
 * in this visit) and the device saved none. A storage that cannot be read is a doubt.
 */
export function mayHaveMyQuestions(): boolean {
  if (loaded) return true;
  try {
    return browserStorage()?.getItem(STORAGE_PREFIX + MY_QUESTIONS_NAME) != null;
  } catch {
    return true;
  }
}
