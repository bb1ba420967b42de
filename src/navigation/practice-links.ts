import { createSeed } from '@/engine/random';

// A quiz link names at most this many questions (see the quiz's link schema).
const MAX_IDS = 500;

// FNV-1a: turns the list into a number, so the same list gives the same seed (and the same link).
function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1)
    hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return hash >>> 0;
}

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
  params.set('seed', createSeed(hashText(`${salt}|${listed.join(',')}`)));
  return `/quiz/play?${params.toString()}`;
}
