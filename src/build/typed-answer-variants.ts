/**
 * The answers a learner who knows the fact would type for a numeric, year or short-text question:
 * the rules of docs/grading.md ("What a typed answer must accept") turned into examples, which the
 * checker grades with the engine. Each variant says why it is expected.
 */
export type Variant = { answer: string; why: string };

const NUMBER_AS_WRITTEN = /\d+(?:[.,]\d+)*/g;
const HEDGES = ['about', 'around', 'approximately', 'over', 'more than'] as const;
const SCALES: ReadonlyMap<string, { exponent: number; short: string }> = new Map([
  ['thousand', { exponent: 3, short: 'k' }],
  ['million', { exponent: 6, short: 'm' }],
  ['billion', { exponent: 9, short: 'bn' }],
]);
const CURRENCIES: ReadonlyMap<string, string> = new Map([
  ['eur', '€'],
  ['usd', '$'],
]);
const PRECISION_WORDS: ReadonlyMap<string, number> = new Map([
  ['one', 1],
  ['two', 2],
  ['three', 3],
]);

function decimalsOf(value: number): number {
  return String(value).split('.')[1]?.length ?? 0;
}

/** The number of decimals a prompt asks for ("to one decimal", "to the nearest whole number"), if any. */
export function precisionAsked(prompt: string): number | undefined {
  const decimals = /\bto (one|two|three|\d) decimals?\b/i.exec(prompt)?.[1]?.toLowerCase();
  if (decimals) return PRECISION_WORDS.get(decimals) ?? Number(decimals);
  return /\b(nearest whole|whole number)\b/i.test(prompt) ? 0 : undefined;
}

/** The value itself, and rounded half up and cut off at `decimals` when it has more. */
function roundings(value: number, decimals: number): { number: number; why: string }[] {
  const factor = 10 ** decimals;
  const places = `${decimals} decimal${decimals === 1 ? '' : 's'}`;
  const forms = [
    { number: value, why: 'the value' },
    { number: Math.round(value * factor + 1e-9) / factor, why: `the value rounded to ${places}` },
    { number: Math.trunc(value * factor + 1e-9) / factor, why: `the value cut off at ${places}` },
  ];
  return forms.filter((form, index) => forms.findIndex((other) => other.number === form.number) === index);
}

function grouped(value: number, separator: string): string {
  const [whole = '', fraction] = String(value).split('.');
  const groups = whole.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  return fraction === undefined ? groups : `${groups}.${fraction}`;
}

function ordinal(value: number): string {
  const tens = value % 100;
  if (tens >= 11 && tens <= 13) return `${value}th`;
  return `${value}${['th', 'st', 'nd', 'rd'][value % 10] ?? 'th'}`;
}

/** How the number appears in the quotes ("4,000", "2.500", "€34,420"), when it reads as the value. */
function writtenForms(value: number, quotes: readonly string[]): string[] {
  const forms = quotes.flatMap((quote) => quote.match(NUMBER_AS_WRITTEN) ?? []);
  return forms.filter((form) => {
    const plain = Number(form.replaceAll(',', ''));
    const european = Number(form.replaceAll('.', '').replace(',', '.'));
    return Math.abs(plain - value) < 1e-9 || Math.abs(european - value) < 1e-9;
  });
}

/** Variants of a numeric answer: precision, separators, units, currency, scale and the quotes' hedges. */
export function numericVariants(
  answer: { value: number; unit: string },
  prompt: string,
  quotes: readonly string[],
): Variant[] {
  const unitWords = answer.unit.toLowerCase().split(/\s+/).filter(Boolean);
  const currency = unitWords.map((word) => CURRENCIES.get(word)).find(Boolean);
  const scaleWord = unitWords.find((word) => SCALES.has(word));
  const scale = scaleWord ? SCALES.get(scaleWord) : undefined;
  const isPercent = answer.unit.includes('%') || unitWords.includes('percent');
  const isCount = !scale && !isPercent && !currency;
  const asked = precisionAsked(prompt);
  const variants: Variant[] = [];
  const add = (text: string, why: string) => variants.push({ answer: text, why });

  for (const { number, why } of roundings(answer.value, asked ?? decimalsOf(answer.value))) {
    const plain = String(number);
    add(plain, why);
    if (plain.includes('.')) add(plain.replace('.', ','), `${why}, with a decimal comma`);
    if (Math.abs(number) >= 1000) {
      add(grouped(number, ','), `${why}, thousands grouped with commas`);
      add(grouped(number, ' '), `${why}, thousands grouped with spaces`);
      if (isCount && Number.isInteger(number))
        add(grouped(number, '.'), `${why}, thousands grouped with points`);
    }
    add(`${plain} ${answer.unit}`, `${why} with its unit`);
    if (isPercent) {
      add(`${plain}%`, `${why} with a percent sign`);
      add(`${plain} percent`, `${why} with "percent"`);
    }
    if (unitWords.includes('rank') && Number.isInteger(number)) add(ordinal(number), `${why} as an ordinal`);
    if (scaleWord && scale) {
      add(`${plain} ${scaleWord}`, `${why} with the scale word`);
      add(`${plain}${scale.short}`, `${why} with the short scale word`);
      if (currency) {
        add(`${currency}${plain} ${scaleWord}`, `${why} with the currency sign`);
        add(`${currency} ${plain} ${scaleWord}`, `${why} with the currency sign and a space`);
      }
      const full = number * 10 ** scale.exponent;
      if (Number.isInteger(Math.round(full * 1e6) / 1e6) && number === answer.value) {
        add(grouped(Math.round(full), ','), 'the full amount, without a scale word');
      }
    }
    for (const hedge of HEDGES) {
      if (quotes.some((quote) => new RegExp(`\\b${hedge}\\b`, 'i').test(quote))) {
        add(`${hedge} ${plain}`, `${why}, hedged with "${hedge}" as the document does`);
      }
    }
  }
  for (const form of writtenForms(answer.value, quotes)) add(form, 'the number as the document writes it');
  return variants;
}

/** Variants of a year: the bare year, and with the spaces or full stop a learner may leave. */
export function yearVariants(year: number): Variant[] {
  return [
    { answer: String(year), why: 'the year' },
    { answer: `${year}.`, why: 'the year with a full stop' },
    { answer: ` ${year} `, why: 'the year with spaces around it' },
  ];
}

const LEADING_ARTICLE = /^(?:the|a|an)\s+/i;

function withoutAccents(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '');
}

/**
 * Variants of each accepted short answer: case, accents, "&" and "and", hyphens, no leading article,
 * and "the" in front where the document itself writes "the" before it ("the Monterrey consensus",
 * but not "the Hanoi").
 */
export function shortTextVariants(accepted: readonly string[], passages: readonly string[] = []): Variant[] {
  const written = passages.map(
    (passage) =>
      ` ${withoutAccents(passage)
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')} `,
  );
  const writesThe = (name: string) => {
    const words = withoutAccents(name)
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
    return written.some((text) => text.includes(` the ${words} `));
  };
  return accepted.flatMap((answer) => {
    const bare = answer.replace(LEADING_ARTICLE, '');
    const forms: Variant[] = [
      { answer: answer.toLowerCase(), why: `"${answer}" in lower case` },
      { answer: answer.toUpperCase(), why: `"${answer}" in capitals` },
      { answer: withoutAccents(answer), why: `"${answer}" without accents` },
      { answer: bare, why: `"${answer}" without an article` },
      { answer: answer.replace(/[-/]+/g, ' '), why: `"${answer}" with spaces for hyphens and slashes` },
    ];
    if (writesThe(bare))
      forms.push({ answer: `the ${bare}`, why: `"${answer}" with "the", as the document writes it` });
    if (/\band\b/i.test(answer))
      forms.push({ answer: answer.replace(/\band\b/gi, '&'), why: `"${answer}" with "&"` });
    if (answer.includes('&'))
      forms.push({ answer: answer.replaceAll('&', 'and'), why: `"${answer}" with "and"` });
    return forms;
  });
}
