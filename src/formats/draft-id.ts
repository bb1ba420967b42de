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

/** Hands out ids that are unique within one import: "x", then "x-2", "x-3"… */
export function createIdGiver(): (preferred: string | null | undefined, prompt: string) => string {
  const used = new Set<string>();
  return (preferred, prompt) => {
    const base = preferred && idSchema.safeParse(preferred).success ? preferred : idFromPrompt(prompt);
    let id = base;
    for (let count = 2; used.has(id); count += 1) id = `${base}-${count}`;
    used.add(id);
    return id;
  };
}
