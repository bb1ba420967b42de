/** An acronym and the name it stands for, as a text writes them: "Full Name (ACR)". */
export type AcronymPair = { acronym: string; expansion: string };

const IN_BRACKETS = /\(([^()]{2,20})\)/g;
const CONNECTORS = new Set(['of', 'for', 'and', 'de', 'la', 'du', 'des', 'à', 'the']);

function lettersOf(acronym: string): string {
  return acronym.replace(/[^A-Z]/g, '');
}

function isAcronym(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  const capitals = lettersOf(text);
  return capitals.length >= 2 && capitals.length >= letters.length * 0.6;
}

/** The shortest run of words before the brackets whose initials spell the acronym, first and last letter included. */
function byInitials(words: readonly string[], letters: string): string[] | undefined {
  for (let start = words.length - 1; start >= 0; start -= 1) {
    const run = words.slice(start);
    const initials = run.flatMap((word) => word.split('-')).map((part) => part.charAt(0).toUpperCase());
    if (initials[0] !== letters[0] || initials.at(-1) !== letters.at(-1)) continue;
    let at = 0;
    for (const initial of initials) if (initial === letters[at]) at += 1;
    if (at === letters.length) return run;
  }
  return undefined;
}

/** The run of capitalised words (and the small words between them) right before the brackets. */
function byCapitals(words: readonly string[]): string[] {
  let start = words.length;
  while (start > 0) {
    const word = words[start - 1] ?? '';
    const isName = /^\p{Lu}/u.test(word) || CONNECTORS.has(word);
    if (!isName || word.toLowerCase() === 'the') break;
    start -= 1;
  }
  const run = words.slice(start);
  while (run.length > 0 && CONNECTORS.has(run[0] ?? '')) run.shift();
  return run;
}

/** Every "Full Name (ACR)" in a text. Names whose initials do not spell the acronym are read as the capitalised words before it. */
export function acronymPairs(text: string): AcronymPair[] {
  const pairs: AcronymPair[] = [];
  for (const match of text.matchAll(IN_BRACKETS)) {
    const acronym = (match[1] ?? '').trim();
    if (!isAcronym(acronym)) continue;
    const before =
      text
        .slice(0, match.index)
        .split(/[.;:,(]/)
        .pop() ?? '';
    const words = before.trim().split(/\s+/).filter(Boolean);
    const run = byInitials(words, lettersOf(acronym)) ?? byCapitals(words);
    if (run.length >= 2) pairs.push({ acronym, expansion: run.join(' ') });
  }
  return pairs;
}
