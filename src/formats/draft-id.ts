import { idSchema } from '../content/schema-primitives';

const MAX_ID_LENGTH = 48;

/** A kebab-case id made of the first words of a prompt ("Who's buried…?" → "who-s-buried…"). */
export function idFromPrompt(prompt: string): string {
  const words = prompt
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
  let id = '';
  for (const word of words) {
    const longer = id ? `${id}-${word}` : word;
    if (longer.length > MAX_ID_LENGTH) break;
    id = longer;
  }
  if (!id && words[0]) id = words[0].slice(0, MAX_ID_LENGTH);
  return id || 'question';
}

/**
 * Hands out ids that are unique among `taken` and every id handed out before: "x", then "x-2",
 * "x-3"… The next suffix of each base is remembered, so n questions sharing a title cost O(n), not
 * O(n²). Also says when the id it gives is not the one the question asked for.
 */
export function createIdGiver(
  taken: Iterable<string> = [],
): (preferred: string | null | undefined, prompt: string) => string {
  const used = new Set(taken);
  const nextSuffix = new Map<string, number>();
  return (preferred, prompt) => {
    const base = preferred && idSchema.safeParse(preferred).success ? preferred : idFromPrompt(prompt);
    let id = base;
    if (used.has(id)) {
      let count = nextSuffix.get(base) ?? 2;
      while (used.has(`${base}-${count}`)) count += 1;
      id = `${base}-${count}`;
      nextSuffix.set(base, count + 1);
    }
    used.add(id);
    return id;
  };
}
