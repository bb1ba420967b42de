import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findQuote } from '@/content/find-quote';

describe('findQuote', () => {
  it('finds a quote across different white space', () => {
    const text = 'Cooperation  evolved from the old aid paradigm';
    expect(findQuote(text, 'Cooperation evolved\nfrom')).toEqual({ start: 0, end: 25 });
  });
  it('finds nothing for words that are not there', () => {
    expect(findQuote('debt relief totalling EUR 46.35 million', 'EUR 46.5 million')).toBeUndefined();
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
