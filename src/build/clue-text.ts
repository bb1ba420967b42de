/**
 * Reading a text the way the giveaway check compares it: words folded (case, accents, punctuation,
 * "&" as "and", articles left out) and numbers as values, whatever their separators, currency or
 * scale word. A number is a key such as "n:1973" or "n:60000000", a range "r:2008-2012".
 */

const ARTICLES = new Set(['the', 'a', 'an']);

/** Folded words: lower case, no accents, "&" read as "and", punctuation and articles dropped. */
export function clueWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replaceAll('&', ' and ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '' && !ARTICLES.has(word));
}

const SCALES: ReadonlyMap<string, number> = new Map([
  ['thousand', 1e3],
  ['million', 1e6],
  ['mn', 1e6],
  ['billion', 1e9],
  ['bn', 1e9],
]);

const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
  ['ten', 10],
  ['eleven', 11],
  ['twelve', 12],
  ['second', 2],
  ['third', 3],
  ['fourth', 4],
  ['fifth', 5],
  ['sixth', 6],
]);

/** Whether a folded word is a number: digits, or a number word such as "four" or "third". */
export function isNumberWord(word: string): boolean {
  return /\d/.test(word) || NUMBER_WORDS.has(word);
}

const key = (value: number) => `n:${Math.round(value * 1e6) / 1e6}`;

/** Every reading of a token's separators ("2.500" may be 2.5 or 2500; "0.6" is only 0.6). */
function readingsOf(token: string): number[] {
  const readings = new Set<number>();
  for (const [thousands, decimal] of [
    [',', '.'],
    ['.', ','],
  ] as const) {
    const [whole = '', fraction, extra] = token.split(decimal);
    const groups = whole.split(thousands);
    const isGrouped = groups.slice(1).every((group) => group.length === 3);
    if (extra === undefined && isGrouped) readings.add(Number(`${groups.join('')}.${fraction ?? '0'}`));
  }
  return [...readings].filter(Number.isFinite);
}

// A number: digits with "," or "." separators, an optional range or "/93" ending, ordinal and scale;
// never part of a word ("2010s" is a decade, not 2010).
const NUMBER =
  /(?<![\p{L}\d])(\d+(?:[.,]\d+)*)(?:\s*(?:-|–|\/)\s*(\d+(?:[.,]\d+)*))?(?:st|nd|rd|th)?(?:\s*(thousand|million|mn|billion|bn))?(?![\p{L}\d])/giu;

/**
 * The number keys a text states. A range gives its own key and each end's ("2008-2012" states 2008);
 * a number before a scale word gives the amount and the number as written ("€ 60 million" states 60
 * and 60,000,000); "two" to "twelve" and "second" to "sixth" are numbers too.
 */
export function numberKeys(text: string, options: { rangesWhole?: boolean } = {}): Set<string> {
  const keys = new Set<string>();
  for (const match of text.matchAll(NUMBER)) {
    const [, first = '', second, scaleWord] = match;
    const scale = scaleWord ? (SCALES.get(scaleWord.toLowerCase()) ?? 1) : 1;
    const ends = second === undefined ? [first] : [first, second];
    if (second !== undefined) keys.add(`r:${first}-${second}`);
    if (second !== undefined && options.rangesWhole) continue;
    for (const end of ends) {
      for (const value of readingsOf(end)) {
        keys.add(key(value));
        if (scale !== 1) keys.add(key(value * scale));
      }
    }
  }
  for (const word of clueWords(text)) {
    const value = NUMBER_WORDS.get(word);
    if (value !== undefined) keys.add(key(value));
  }
  return keys;
}

/** The keys of one value, in a unit that may carry a scale ("EUR million"). */
export function valueKeys(value: number, unit = ''): Set<string> {
  const scale = clueWords(unit).reduce((found, word) => SCALES.get(word) ?? found, 1);
  return new Set([key(value), key(value * scale)]);
}

/** Whether `words` holds `phrase` as consecutive words. */
export function hasPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length === 0) return false;
  outer: for (let start = 0; start + phrase.length <= words.length; start += 1) {
    for (let offset = 0; offset < phrase.length; offset += 1) {
      if (words[start + offset] !== phrase[offset]) continue outer;
    }
    return true;
  }
  return false;
}
