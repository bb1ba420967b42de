import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QuestionExplanation } from '@/components/grade-feedback';
import { ContentContext } from '@/hooks/use-content';
import { fixtureAccess } from '../kit/fixture-content';
import { makeQuestion } from '../kit/factories';

// Several questions of the banks quote one passage twice (a trade figure and its direction, say).
const quoting = (n: number, quotes: string[]) =>
  makeQuestion(n, { citations: quotes.map((quote) => ({ source: 'kell-point', passage: 'built', quote })) });

const explain = (question: ReturnType<typeof makeQuestion>) => (
  <ContentContext value={fixtureAccess()}>
    <MemoryRouter>
      <QuestionExplanation question={question} backTo="/quiz" />
    </MemoryRouter>
  </ContentContext>
);

afterEach(() => {
  vi.restoreAllMocks();
});

describe("a question's explanation", () => {
  it('shows every quote once, two from the same passage too, from one question to the next', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { rerender } = render(explain(quoting(1, ['The lighthouse at Kell Point', 'built in 1862'])));
    expect(screen.getAllByRole('blockquote').map((quote) => quote.textContent)).toEqual([
      'The lighthouse at Kell Point',
      'built in 1862',
    ]);
    rerender(explain(quoting(2, ['built in 1862', 'by the engineer Ada Morrow'])));
    expect(screen.getAllByRole('blockquote').map((quote) => quote.textContent)).toEqual([
      'built in 1862',
      'by the engineer Ada Morrow',
    ]);
    expect(screen.getAllByRole('link', { name: 'Read it in “The Kell Point lighthouse”' })).toHaveLength(2);
    // React says so when two children share a key, and may then drop or repeat one of them.
    expect(errors.mock.calls.map(([message]) => String(message))).toEqual([]);
  });
});
