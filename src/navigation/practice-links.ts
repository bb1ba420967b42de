import { fnv1a32 } from '@/domain/hash';
import { createSeed } from '@/engine/random';
import { paths } from './paths';

// A quiz link names at most this many questions (see the quiz's link schema).
const MAX_IDS = 500;

/**
 * The link of a practice quiz of exactly `ids`; with `keepOrder` they are asked in the order given
 * (due questions, most overdue first). The seed hangs on the ids and `salt` (e.g. the day), so a
 * link stays the same while the list does: following it again resumes the quiz rather than restarting it.
 */
export function practiceHref(
  ids: readonly string[],
  salt: string,
  options: { keepOrder?: boolean } = {},
): string {
  const listed = ids.slice(0, MAX_IDS);
  const params = new URLSearchParams({ ids: listed.join(','), count: 'all', mode: 'practice' });
  if (options.keepOrder) params.set('order', 'listed');
  // The same list gives the same seed, so the same link.
  params.set('seed', createSeed(fnv1a32(`${salt}|${listed.join(',')}`)));
  return paths.quizPlay(params);
}
