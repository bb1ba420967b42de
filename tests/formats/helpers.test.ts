import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIdGiver, idFromPrompt } from '@/formats/draft-id';
import { importFormatOf } from '@/formats/formats';
import { htmlToText } from '@/formats/html-to-text';
import { decimalText } from '@/formats/number-text';
import { ordinal, parseOrdinal, presentationOrder } from '@/formats/positions';

describe('format helpers', () => {
  it('writes and reads ordinal positions', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '101st',
      '111th',
    ]);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999 }),
        (position) => parseOrdinal(ordinal(position)) === position,
      ),
    );
    expect(['2st', '1', 'first', '11st'].map(parseOrdinal)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('never lists ordering items in their right order', () => {
    const items = ['a', 'b', 'c'].map((text) => ({ text }));
    expect(presentationOrder(items).map((item) => item.text)).toEqual(['c', 'b', 'a']);
    expect(presentationOrder([{ text: 'b' }, { text: 'a' }]).map((item) => item.text)).toEqual(['a', 'b']);
  });

  it('writes numbers without exponents, exactly', () => {
    expect([1e21, 1.5e-7, -2.5e-10, 123.456, 0].map(decimalText)).toEqual([
      '1000000000000000000000',
      '0.00000015',
      '-0.00000000025',
      '123.456',
      '0',
    ]);
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        (value) => Number(decimalText(value)) === value,
      ),
    );
  });

  it('turns HTML into text', () => {
    expect(
      htmlToText('<p>One &amp; <b>two</b></p><p>three<br/>four &#8364; &lt;5&gt;</p><!-- gone -->'),
    ).toBe('One & two\nthree\nfour € <5>');
  });

  it('decodes every named entity, not a handful', () => {
    expect(htmlToText('Caf&eacute; &hellip; na&iuml;ve &euro;5 &rarr; &zzz;')).toBe(
      'Café … naïve €5 → &zzz;',
    );
  });

  it('never lets script or style content into the text', () => {
    expect(
      htmlToText(
        '<style>p { color: red }</style><p>Visible</p><script>alert("x")</script><SCRIPT>x()</SCRIPT>',
      ),
    ).toBe('Visible');
  });

  it('puts list items and blocks on lines of their own', () => {
    expect(htmlToText('<p>Line one</p>Line two<ul><li>item 1</li><li>item 2</li></ul>after')).toBe(
      'Line one\nLine two\nitem 1\nitem 2\nafter',
    );
    expect(htmlToText('one\ntwo <pre>a\n  b</pre>')).toBe('one two\na\nb');
  });

  it('makes kebab-case ids from prompts, unique within an import', () => {
    expect(idFromPrompt("Who's buried in Grant's tomb?")).toBe('who-s-buried-in-grant-s-tomb');
    expect(idFromPrompt('Écoles à Hà Nội')).toBe('ecoles-a-ha-noi');
    expect(idFromPrompt('??? 中文')).toBe('question');
    const give = createIdGiver();
    expect([give('Bad Id', 'Same'), give(undefined, 'Same'), give('same', 'x')]).toEqual([
      'same',
      'same-2',
      'same-3',
    ]);
  });

  it('tells the import format from the file name, and Aiken from GIFT in a .txt file', () => {
    expect(importFormatOf('a.GIFT', '')).toBe('gift');
    expect(importFormatOf('a.txt', 'Q?\nA. x\nB. y\nANSWER: A')).toBe('aiken');
    expect(importFormatOf('a.txt', 'Q? {=x ~y}')).toBe('gift');
    expect(importFormatOf('a.xml', '')).toBeUndefined();
  });
});
