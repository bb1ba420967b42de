import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNumber } from '@/engine/parse-number';

function valueOf(text: string, unit: string): number | string {
  const parsed = parseNumber(text, unit);
  return parsed.ok ? parsed.value : parsed.reason;
}

describe('parseNumber', () => {
  it.each([
    ['46.35', 'EUR million', 46.35],
    ['46,35', 'EUR million', 46.35],
    ['€46.35 million', 'EUR million', 46.35],
    ['EUR 46.35m', 'EUR million', 46.35],
    ['€ 46,35 mln', 'EUR million', 46.35],
    ['1,1', 'EUR billion', 1.1],
    ['1.1', 'EUR billion', 1.1],
    ['€1.1 billion', 'EUR billion', 1.1],
    ['USD 1.1bn', 'USD billion', 1.1],
    ['1 100 million', 'EUR billion', 1.1],
    ['1,100 million', 'EUR billion', 1.1],
    ['1100 million', 'EUR billion', 1.1],
    ['4,000', 'students', 4000],
    ['4 000', 'students', 4000],
    ['4000', 'students', 4000],
    ['4000 students', 'students', 4000],
    ['about 4,000 students', 'students', 4000],
    ['45.6%', '%', 45.6],
    ['45,6 %', '%', 45.6],
    ['45.6 percent', '%', 45.6],
    ['6th', 'rank', 6],
    ['over 15', 'NGOs', 15],
    ['more than 15 NGOs', 'NGOs', 15],
    ['15+', 'NGOs', 15],
    ['131 countries', 'countries', 131],
    ['1,234,567', 'projects', 1234567],
    ['1.234.567', 'projects', 1234567],
    ['1,234.5', 'EUR', 1234.5],
    ['1.234,5', 'EUR', 1234.5],
    ['1 234,5', 'EUR', 1234.5],
    ['.5', '%', 0.5],
    ['-3,5', '%', -3.5],
    ['−3.5', '%', -3.5],
    ['  12  ', 'EUR million', 12],
    ['12.', 'EUR million', 12],
    ['4,000.', 'students', 4000],
    ['４６.３５', 'EUR million', 46.35],
    ['46\u00a0350', 'students', 46350],
  ])('reads %j in %s as %d', (text, unit, value) => {
    expect(valueOf(text, unit)).toBe(value);
  });

  describe('a single separator followed by exactly three digits', () => {
    it('is a thousands separator for counts (a unit without a scale word, not a percentage)', () => {
      expect(valueOf('2.500', 'students')).toBe(2500);
      expect(valueOf('2,500', 'projects')).toBe(2500);
      expect(valueOf('2.500', 'EUR')).toBe(2500);
    });
    it('is a decimal mark for amounts in a scale and for percentages', () => {
      expect(valueOf('2.500', 'EUR million')).toBe(2.5);
      expect(valueOf('2,500', 'EUR billion')).toBe(2.5);
      expect(valueOf('2,500', '%')).toBe(2.5);
    });
    it('is a thousands separator when the learner writes in a smaller scale than the unit', () => {
      expect(valueOf('2,500 million', 'EUR billion')).toBe(2.5);
      expect(valueOf('2,500 thousand', 'EUR million')).toBe(2.5);
    });
    it('is a decimal mark when it cannot group thousands', () => {
      expect(valueOf('0,500', 'students')).toBe(0.5);
      expect(valueOf('1234,567', 'students')).toBe(1234.567);
    });
  });

  it('converts scale words the learner types into the unit', () => {
    expect(valueOf('1.1 billion', 'EUR million')).toBe(1100);
    expect(valueOf('46.35 million', 'EUR')).toBe(46350000);
    expect(valueOf('4k', 'students')).toBe(4000);
  });

  it('reads a full amount typed for a unit in millions or billions', () => {
    expect(valueOf('€46,350,000', 'EUR million')).toBe(46.35);
    expect(valueOf('1100000000', 'EUR billion')).toBe(1.1);
    // A unit in thousands keeps large numbers as they are: 2,500 thousand is plausible.
    expect(valueOf('2500', 'EUR thousand')).toBe(2500);
  });

  it('explains what it cannot read', () => {
    expect(parseNumber('', 'EUR million')).toEqual({ ok: false, reason: 'Type a number, such as 46.35.' });
    expect(valueOf('forty', 'students')).toBe('Type a number, such as 46.35.');
    expect(valueOf('20-25', 'EUR million')).toBe('Type one number only, not a range or a list.');
    expect(valueOf('46 35', 'EUR million')).toBe('Type one number only, not a range or a list.');
    expect(valueOf('1,2,3', 'students')).toMatch(/^Check the separators/);
    expect(valueOf('1,234.5.6', 'EUR')).toMatch(/^Check the separators/);
    expect(valueOf('2 million billion', 'EUR')).toBe('Use one scale word at most, such as "million".');
    expect(valueOf('4,000 Vietnamese students', 'students')).toBe(
      'Type only the number and its unit: "vietnamese" is not something we can read.',
    );
    expect(valueOf('9'.repeat(400), 'students')).toBe('That number is too large to read.');
  });

  it('never throws, and reads every finite result as a number', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string(), (text, unit) => {
        const parsed = parseNumber(text, unit);
        if (parsed.ok) expect(Number.isFinite(parsed.value)).toBe(true);
        else expect(parsed.reason.length).toBeGreaterThan(0);
      }),
    );
    fc.assert(
      fc.property(
        fc.stringMatching(/^[-\d.,' €%a-z]{0,20}$/),
        fc.constantFrom('EUR million', 'students', '%', ''),
        (text, unit) => {
          expect(() => parseNumber(text, unit)).not.toThrow();
        },
      ),
    );
  });

  it('reads back any amount written with a point or a comma as the decimal mark', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const text = `${whole}.${String(cents).padStart(2, '0')}`;
        const expected = Number(text);
        expect(valueOf(text, 'EUR million')).toBe(expected);
        expect(valueOf(text.replace('.', ','), 'EUR million')).toBe(expected);
        expect(
          valueOf(
            `€${whole.toLocaleString('en-US')}.${String(cents).padStart(2, '0')} million`,
            'EUR million',
          ),
        ).toBe(expected);
      }),
    );
  });
});
