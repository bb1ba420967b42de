import { describe, expect, it } from 'vitest';
import { importGift } from '@/formats/import-gift';
import { acceptMoodleGift } from '@/formats/gift-moodle-syntax';

const messages = (text: string) => importGift(text).notes.map((note) => note.message);

/** GIFT that Moodle 4.1's qformat_gift reads, which gift-pegjs alone refuses. */
describe('GIFT import: what Moodle accepts comes in', () => {
  it('a numeric answer with feedback keeps its number, tolerance and feedback', () => {
    const result = importGift('What is pi to two decimals? {#3.14:0.01#Close enough}');
    expect(result.problems).toEqual([]);
    expect(result.drafts).toMatchObject([
      {
        type: 'numeric',
        answer: { value: 3.14, tolerance: 0.01 },
        explanation: 'Close enough',
      },
    ]);
  });

  it('numbers with exponents are read as Moodle reads them', () => {
    const result = importGift(
      'How many metres in a kilometre? {#1e3:1}\n\nAnd in a micrometre? {#1.5E-3..2.5e-3}',
    );
    expect(result.problems).toEqual([]);
    expect(result.drafts.map((draft) => draft.answer)).toEqual([
      { value: 1000, tolerance: 1, unit: '' },
      { value: 0.002, tolerance: 0.0005, unit: '' },
    ]);
  });

  it('an exponent in numeric feedback stays text', () => {
    expect(acceptMoodleGift('Q {#1e3#about 1e3}')).toBe('Q {#=1000#about 1e3}');
  });

  it('HTML entities and a "#" in the question text are text, as in Moodle', () => {
    const result = importGift('Is the Caf&#233; on &eacute;tage 2? {T}\n\nIs C# a language? {T}');
    expect(result.problems).toEqual([]);
    expect(result.drafts.map((draft) => draft.prompt)).toEqual([
      'Is the Café on étage 2?',
      'Is C# a language?',
    ]);
  });

  it('a "#" in an answer still starts its feedback, as in Moodle', () => {
    const [draft] = importGift('Which? {=yes#Right ~no#Wrong}').drafts;
    expect(draft).toMatchObject({ choices: [{ text: 'yes' }, { text: 'no' }], explanation: 'Right' });
  });

  it('comments and categories are left as they are', () => {
    const text = '// a # comment {\n$CATEGORY: $course$/A#1\n::t::Q C# {T}';
    expect(acceptMoodleGift(text)).toBe('// a # comment {\n$CATEGORY: $course$/A#1\n::t::Q C\\# {T}');
  });
});

describe('GIFT import: per-answer feedback and weights are never dropped silently', () => {
  it('feedback written for wrong choices is listed for that question', () => {
    const result = importGift('Capital of Belgium? {=Brussels#Yes ~Antwerp#No, a port ~Ghent}');
    expect(result.drafts[0]?.explanation).toBe('Yes');
    expect(messages('Capital of Belgium? {=Brussels#Yes ~Antwerp#No, a port ~Ghent}')).toEqual([
      'feedback for single answers left out (the app shows one explanation for every answer): "Antwerp" → "No, a port"',
    ]);
  });

  it('true/false: the feedback for the wrong answer is listed', () => {
    // Moodle: {T#shown after a wrong answer#shown after the right one}
    const result = importGift('The sky is blue. {T#Look again#Indeed}');
    expect(result.drafts[0]).toMatchObject({ answer: true, explanation: 'Indeed' });
    expect(result.notes.map((note) => note.message)).toEqual([
      'feedback for single answers left out (the app shows one explanation for every answer): "false" → "Look again"',
    ]);
  });

  it('a wrong choice at 0% (no penalty in Moodle) is named with the penalty it now has', () => {
    const result = importGift('Pick the primes {~%50%2 ~%50%3 ~%0%4 ~%-100%6}');
    expect(result.drafts[0]).toMatchObject({ type: 'multiple', answer: ['a', 'b'] });
    expect(result.notes.map((note) => note.message)).toEqual([
      'weights changed to the app\'s rule (right choices share 100%, wrong ones share −100%): "4" 0% → -50%, "6" -100% → -50%',
    ]);
  });

  it('weights that already follow the app rule give no note', () => {
    expect(messages('Pick the primes {~%50%2 ~%50%3 ~%-50%4 ~%-50%6}')).toEqual([]);
  });

  it('partial credit on a wrong choice of a single-answer question is named', () => {
    expect(messages('Largest? {=Asia ~%50%Africa ~Europe}')).toEqual([
      'weights on wrong choices left out ("Africa" 50%): a single-answer question here is right or wrong',
    ]);
  });
});
