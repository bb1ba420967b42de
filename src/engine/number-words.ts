/**
 * The words people write around a number in an answer, and what each means. Matching is on
 * lower-case words; `parse-number.ts` uses these to read the learner's text and the question's unit.
 */

/** Scale words as powers of ten. "m" and "b" are common shorthand for million and billion in amounts. */
export const SCALE_EXPONENTS: ReadonlyMap<string, number> = new Map([
  ['k', 3],
  ['thousand', 3],
  ['thousands', 3],
  ['m', 6],
  ['mn', 6],
  ['mln', 6],
  ['mio', 6],
  ['million', 6],
  ['millions', 6],
  ['b', 9],
  ['bn', 9],
  ['bln', 9],
  ['billion', 9],
  ['billions', 9],
  ['tn', 12],
  ['trillion', 12],
  ['trillions', 12],
]);

export const PERCENT_WORDS: ReadonlySet<string> = new Set(['%', 'percent', 'per', 'cent', 'pct']);

/** Currencies and hedges a learner may add; they do not change the value. */
export const IGNORED_WORDS: ReadonlySet<string> = new Set([
  '€',
  '$',
  '£',
  '₫',
  'eur',
  'euro',
  'euros',
  'usd',
  'us',
  'dollar',
  'dollars',
  'gbp',
  'vnd',
  'dong',
  'about',
  'approximately',
  'approx',
  'around',
  'roughly',
  'some',
  'nearly',
  'almost',
  'ca',
  'circa',
  // "over 15" and "more than 15", as the documents write a lower bound; "15+" likewise.
  'over',
  'more',
  'than',
  '+',
  'c',
  '~',
  '≈',
  '.',
  ':',
  '=',
  // Ordinal endings, so that a rank may be typed as "6th".
  'st',
  'nd',
  'rd',
  'th',
]);
