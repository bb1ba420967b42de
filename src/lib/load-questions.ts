import loaders from 'virtual:content/bank-loaders';
import type { Question } from '@/content/question-schema';

const cache = new Map<string, Promise<Question[]>>();

/**
 * The questions of the given banks (all banks when none are named), loaded once and shared. Stable
 * promises, so a component can `use()` them while it suspends.
 */
export function loadQuestions(bankIds: readonly string[] = []): Promise<Question[]> {
  const ids = (bankIds.length > 0 ? bankIds.filter((id) => id in loaders) : Object.keys(loaders)).sort();
  const key = ids.join(',');
  let pending = cache.get(key);
  if (!pending) {
    pending = Promise.all(ids.map(async (id) => (await loaders[id]?.())?.default ?? [])).then((banks) =>
      banks.flat(),
    );
    cache.set(key, pending);
  }
  return pending;
}
