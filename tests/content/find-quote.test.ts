import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findQuote } from '@/content/find-quote';

/** What the reader did before: one regular expression, the words joined by `\s+`. */
function findWithPattern(text: string, quote: string) {
  const words = quote.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  const match = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+')).exec(
    text,
  );
  return match ? { start: match.index, end: match.index + match[0].length } : undefined;
}

describe('findQuote', () => {
  it('finds a quote across different white space', () => {
    const text = 'Cooperation  evolved from the old aid paradigm';
    expect(findQuote(text, 'Cooperation evolved\nfrom')).toEqual({ start: 0, end: 25 });
  });
  it('finds nothing for words that are not there', () => {
    expect(findQuote('debt relief totalling EUR 46.35 million', 'EUR 46.5 million')).toBeUndefined();
  });
  it('answers a quote of thousands of words at once, without building a pattern from it', () => {
    const text = 'Belgium and Vietnam officially established diplomatic relations on March 22, 1973.';
    const quote = Array.from({ length: 20_000 }, (_, i) => `word${i}(`).join(' ');
    const started = performance.now();
    expect(findQuote(text, quote)).toBeUndefined();
    expect(findQuote(`${quote} tail`, quote)).toEqual({ start: 0, end: quote.length });
    expect(performance.now() - started).toBeLessThan(2000);
  });
  it('finds exactly what the regular expression found, on any text and quote', () => {
    const spaced = fc.stringMatching(/^[ab \t\n\u00a0.()*]{0,40}$/);
    fc.assert(
      fc.property(spaced, spaced, (text, quote) => {
        expect(findQuote(text, quote)).toEqual(findWithPattern(text, quote));
      }),
      { numRuns: 5000 },
    );
  });
  it('never throws on any quote from a link, and a found span is the quote', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ unit: 'binary' }), (text, quote) => {
        const found = findQuote(text, quote);
        if (found)
          expect(text.slice(found.start, found.end).replace(/\s+/g, ' ')).toBe(
            quote.trim().split(/\s+/).join(' '),
          );
      }),
      { numRuns: 3000 },
    );
  });
});
