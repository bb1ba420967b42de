import type { Question } from '@/domain/question';
import { describe, expect, it } from 'vitest';
import { checkAcceptedQuestion } from '@/content/check-accepted-question';
import { loadContent } from '@/build/load-content';
import { proposeCitations } from '@/content/propose-citations';
import { readContentFiles } from '@/build/read-content-files';

const { sources } = loadContent(readContentFiles(new URL('../..', import.meta.url).pathname)).content;
const draft: Question = {
  id: 'imported-debt',
  bank: 'imported',
  type: 'numeric',
  prompt: 'How much debt relief did Belgium grant Vietnam in the 1990s?',
  answer: { value: 46.35, tolerance: 0, unit: 'EUR million' },
  topics: ['amounts'],
  difficulty: 2,
  explanation: 'Four instalments between 1994 and 2000.',
  citations: [],
};

describe('proposing citations for an imported question', () => {
  it('puts the passage sharing its numbers and words first, with the best sentence as the quote', () => {
    const [best] = proposeCitations(draft, sources);
    expect(best).toMatchObject({ source: 'development-cooperation', passage: 'debt-relief' });
    expect(best?.quote).toBe('These amounts included debt relief totalling EUR 46.35 million.');
  });

  it('accepts the proposal as a citation, and refuses a quote that is not in the passage', () => {
    const [best] = proposeCitations(draft, sources);
    const citation = { source: best?.source ?? '', passage: best?.passage ?? '', quote: best?.quote ?? '' };
    expect(checkAcceptedQuestion({ ...draft, citations: [citation] }, sources).ok).toBe(true);
    expect(
      checkAcceptedQuestion({ ...draft, citations: [{ ...citation, quote: 'EUR 46.5 million' }] }, sources),
    ).toEqual({
      ok: false,
      problem: 'the quote is not word for word in the passage',
    });
    expect(checkAcceptedQuestion({ ...draft, topics: [], citations: [citation] }, sources)).toEqual({
      ok: false,
      problem: 'choose at least one topic',
    });
  });
});
