import { describe, expect, it } from 'vitest';
import {
  checkDisputeDraft,
  disputeLimitProblem,
  disputeTextProblem,
  locateQuote,
  looksLikeMarkup,
  MAX_DISPUTE_TEXT,
  MAX_DISPUTES_PER_QUESTION,
  selectionProblem,
  tidyDisputeText,
} from '@/engine/dispute-checks';

const PASSAGE = 'The lighthouse at Kell Point was built in 1862 by the engineer Ada Morrow.';
const passages = [
  { source: 'kell-point', passage: 'tower', text: 'Its tower is 38 metres tall and has 212 steps.' },
  { source: 'kell-point', passage: 'built', text: PASSAGE },
];

describe('the line a learner writes', () => {
  it('is kept on one line, composed, without spaces at either end', () => {
    expect(tidyDisputeText('  The key\n\tis   wrong  ')).toBe('The key is wrong');
    expect(tidyDisputeText('Cafe\u0301')).toBe('Café');
  });

  it('is refused empty, over the limit, or with control characters, each with a sentence', () => {
    expect(disputeTextProblem(tidyDisputeText('   \n '))).toBe(
      'Your line is empty: say in a line what is wrong.',
    );
    expect(disputeTextProblem('x'.repeat(MAX_DISPUTE_TEXT))).toBeNull();
    expect(disputeTextProblem('x'.repeat(250_000))).toBe(
      'Your line is 250,000 characters long; keep it to 1,000.',
    );
    expect(disputeTextProblem('bell\u0007')).toMatch(/control characters/);
    expect(disputeTextProblem('half \ud83d')).toMatch(/control characters/);
    expect(disputeTextProblem('a whole 🙂')).toBeNull();
  });

  it('keeps markup as the characters typed, and says it looks like markup', () => {
    const typed = '<b>Key</b> is wrong <script>alert(1)</script>';
    expect(disputeTextProblem(tidyDisputeText(typed))).toBeNull();
    expect(looksLikeMarkup(typed)).toBe(true);
    expect(looksLikeMarkup('3 < 4 and 5 > 2')).toBe(false);
  });
});

describe('the words quoted as evidence', () => {
  it('are found in the passages shown, as offsets into the one that holds them', () => {
    expect(locateQuote(passages, '  Ada Morrow ')).toEqual({
      source: 'kell-point',
      passage: 'built',
      start: 63,
      end: 73,
      quote: 'Ada Morrow',
    });
    expect(PASSAGE.slice(63, 73)).toBe('Ada Morrow');
    expect(locateQuote(passages, '')).toBeNull();
    expect(locateQuote(passages, 'Ada Morow')).toBe('not-found');
  });

  it('must lie inside the passage and cover at least a word', () => {
    const at = (start: number, end: number) => ({ source: 'kell-point', passage: 'built', start, end });
    expect(selectionProblem(at(63, 73), PASSAGE)).toBeNull();
    expect(selectionProblem(at(0, PASSAGE.length), PASSAGE)).toBeNull();
    expect(selectionProblem(at(63, PASSAGE.length + 1), PASSAGE)).toBe(
      'The selected words are outside the passage: select them in the passage shown.',
    );
    expect(selectionProblem(at(-1, 5), PASSAGE)).toMatch(/outside the passage/);
    expect(selectionProblem(at(1.5, 5), PASSAGE)).toMatch(/outside the passage/);
    expect(selectionProblem(at(10, 10), PASSAGE)).toMatch(/selection is empty/);
    expect(selectionProblem(at(3, 4), PASSAGE)).toMatch(/selection is empty/); // a space
  });
});

describe('a dispute as the form checks it', () => {
  it('gives the tidied line and the selection, or the first problem', () => {
    expect(checkDisputeDraft({ note: ' It was 1863. ', words: 'in 1862' }, passages)).toEqual({
      ok: true,
      note: 'It was 1863.',
      selection: { source: 'kell-point', passage: 'built', start: 39, end: 46, quote: 'in 1862' },
    });
    expect(checkDisputeDraft({ note: 'It was 1863.', words: '' }, passages)).toEqual({
      ok: true,
      note: 'It was 1863.',
      selection: null,
    });
    expect(checkDisputeDraft({ note: 'It was 1863.', words: 'in 1863' }, passages)).toEqual({
      ok: false,
      problem: 'These words are not in the passage: copy them exactly, or select them.',
    });
    expect(checkDisputeDraft({ note: '', words: 'in 1862' }, [])).toMatchObject({ ok: false });
  });

  it(`allows ${MAX_DISPUTES_PER_QUESTION} disputes per question, then says how to file another`, () => {
    expect(disputeLimitProblem(MAX_DISPUTES_PER_QUESTION - 1)).toBeNull();
    expect(disputeLimitProblem(MAX_DISPUTES_PER_QUESTION)).toBe(
      'You have already filed 3 disputes on this question; delete one under My disputes to file another.',
    );
  });
});
