import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '../../kit/render-app';
import { describe, expect, it } from 'vitest';

const renderBuilder = () => renderApp('/classroom/new');

const YEAR = 'In which year did Belgium and Vietnam officially establish diplomatic relations?';
const MATCHING = 'Match each year with what the development cooperation document says happened in it.';

describe('building an assignment', () => {
  it(
    'refuses a question related to one already chosen, and says which and why',
    { timeout: 30_000 },
    async () => {
      const user = userEvent.setup();
      renderBuilder();
      await user.type(
        await screen.findByRole('searchbox', { name: 'Search' }, { timeout: 15_000 }),
        'diplomatic relations',
      );
      await user.click(screen.getByRole('checkbox', { name: YEAR }));
      await user.clear(screen.getByRole('searchbox', { name: 'Search' }));
      await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'Match each year');
      const matching = screen.getByRole('checkbox', { name: MATCHING });
      await user.click(matching);
      expect(matching).not.toBeChecked();
      expect(screen.getByText(/^Not added: “Match each year/)).toHaveTextContent(
        `Not added: “${MATCHING}” asks the same fact as “${YEAR}”, already chosen, or one of them gives the other’s answer away. Remove that one first to choose this one instead.`,
      );
      expect(screen.getByText(/1 question chosen/)).toBeInTheDocument();
    },
  );

  it('leaves related questions out of "Choose all shown", and counts them', { timeout: 30_000 }, async () => {
    const user = userEvent.setup();
    renderBuilder();
    await user.selectOptions(
      await screen.findByRole('combobox', { name: 'Bank' }, { timeout: 15_000 }),
      'Milestones',
    );
    await user.click(screen.getByRole('button', { name: 'Choose all shown' }));
    const notice = screen.getByText(/not added: each asks the same fact as a chosen question/);
    const leftOut = Number(/^(\d+)/.exec(notice.textContent ?? '')?.[1]);
    const chosen = Number(
      /(\d+) questions chosen/.exec(screen.getByRole('group', { name: /Questions/ }).textContent ?? '')?.[1],
    );
    const shown = Number(
      /^(\d+) questions? shown$/.exec(screen.getByText(/questions? shown$/).textContent ?? '')?.[1],
    );
    expect(leftOut).toBeGreaterThan(0);
    expect(chosen + leftOut).toBe(shown);
  });
});
