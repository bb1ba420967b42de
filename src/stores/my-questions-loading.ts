import type { useMyQuestionsStore } from './my-questions-store';
import { browserStorage } from './browser-storage';
import { STORAGE_PREFIX } from './safe-persist';

/** The bank a teacher's accepted imported questions join. */
export const MY_QUESTIONS_BANK = 'my-questions';
/** Where the store keeps them (`safePersist`'s name). */
export const MY_QUESTIONS_NAME = 'my-questions';

type MyQuestionsStore = typeof useMyQuestionsStore;

let loaded: Promise<MyQuestionsStore> | undefined;

/**
 * The store of My questions, loaded on first use: reading it checks every saved question with zod,
 * which a quiz of built-in banks on a device that saved none has no need to load before it paints.
 */
export function loadMyQuestionsStore(): Promise<MyQuestionsStore> {
  return (loaded ??= import('./my-questions-store').then((module) => module.useMyQuestionsStore));
}

/** Called by the store's module as it loads, however it was imported. */
export function myQuestionsStoreLoaded(store: MyQuestionsStore): void {
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
