import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../kit/render-app';

const renderAt = (path: string) => renderApp(path);

describe('the source reader', () => {
  it('shows a document by section, with a table of contents', async () => {
    renderAt('/sources/belgium-vietnam-relations');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Belgium-Vietnam relations' }),
    ).toBeInTheDocument();
    const contents = screen.getByRole('navigation', { name: 'Contents' });
    expect(
      within(contents)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Bilateral Relations', 'Economic relations', 'Bilateral trade relations']);
    expect(screen.getByText(/ranking 23rd among 131 countries/)).toBeInTheDocument();
  });

  it('marks the quoted words of a linked passage and focuses it', async () => {
    renderAt('/sources/belgium-vietnam-relations/investment-projects?quote=78%20investment%20projects');
    const passage = await screen.findByRole('region', { name: 'Cited passage' });
    expect(within(passage).getByText('78 investment projects').tagName).toBe('MARK');
    expect(passage).toHaveFocus();
  });

  it('shows the passage without a mark when the quote is not in it', async () => {
    renderAt('/sources/belgium-vietnam-relations/investment-projects?quote=99%20projects');
    const passage = await screen.findByRole('region', { name: 'Cited passage' });
    expect(passage.querySelector('mark')).toBeNull();
    expect(within(passage).getByRole('status')).toHaveTextContent(/quoted words are not in this passage/);
  });

  it('says which passage is missing rather than failing', async () => {
    renderAt('/sources/belgium-vietnam-relations/no-such-passage');
    expect(await screen.findByRole('alert')).toHaveTextContent('no passage “no-such-passage”');
  });
});

describe('the way back from the reader', () => {
  it.each([
    ['/review', 'Review'],
    ['/quiz/play?types=single&count=2&seed=abc', 'the quiz'],
    ['/progress', 'Progress'],
  ])('names the place it goes back to (%s)', async (back, place) => {
    renderAt(`/sources/belgium-vietnam-relations/investment-projects?back=${encodeURIComponent(back)}`);
    const link = await screen.findByRole('link', { name: `← Back to ${place}` });
    expect(link).toHaveAttribute('href', back);
  });

  it('offers no way back to another site, only the list of documents', async () => {
    renderAt(
      `/sources/belgium-vietnam-relations/investment-projects?back=${encodeURIComponent('/\t/evil.example')}`,
    );
    await screen.findByRole('region', { name: 'Cited passage' });
    expect(screen.queryByRole('link', { name: /Back to/ })).toBeNull();
    for (const link of screen.getAllByRole('link')) {
      expect(link.getAttribute('href')).toMatch(/^(\/(?!\/)|#)/);
    }
  });

  it('says the quote is not there, rather than failing, for a quote of thousands of words', async () => {
    const quote = Array.from({ length: 5000 }, (_, i) => `word${i}(`).join(' ');
    renderAt(`/sources/belgium-vietnam-relations/investment-projects?quote=${encodeURIComponent(quote)}`);
    const passage = await screen.findByRole('region', { name: 'Cited passage' });
    expect(within(passage).getByRole('status')).toHaveTextContent(/quoted words are not in this passage/);
    expect(screen.queryByRole('heading', { name: 'Something went wrong' })).toBeNull();
  });
});
