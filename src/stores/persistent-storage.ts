import { createStore } from 'zustand/vanilla';

/** Whether the browser promised to keep this site's saved data when space runs low. */
export type PersistenceAnswer = 'unknown' | 'persistent' | 'may-be-cleared' | 'unsupported';

export const persistence = createStore<{ answer: PersistenceAnswer }>()(() => ({ answer: 'unknown' }));

/**
 * Asks for persistent storage (`navigator.storage.persist()`), once at start. Chromium answers
 * without a prompt, from how the site is used; the answer is shown on the Progress page.
 */
export async function requestPersistentStorage(): Promise<PersistenceAnswer> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  let answer: PersistenceAnswer = 'unsupported';
  if (storage && typeof storage.persist === 'function') {
    try {
      answer = (await storage.persisted()) || (await storage.persist()) ? 'persistent' : 'may-be-cleared';
    } catch {
      answer = 'may-be-cleared';
    }
  }
  persistence.setState({ answer });
  return answer;
}
