import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../kit/render-app';

describe('a link whose code has a malformed % escape', () => {
  it.each(['/classroom/projector', '/classroom/assignment', '/a', '/classroom/print'])(
    'says the link does not work on %s, never a blank or error page',
    async (path) => {
      renderApp(`${path}#%`);
      expect(
        await screen.findByRole(
          'heading',
          { name: 'This assignment link does not work' },
          { timeout: 15_000 },
        ),
      ).toBeInTheDocument();
      expect(screen.getByRole('alert')).toHaveTextContent('this is not an assignment link.');
    },
  );

  it('tells a student to ask their teacher, and a teacher how to make it again', async () => {
    renderApp('/a#%E0%A4');
    expect(await screen.findByRole('alert', {}, { timeout: 15_000 })).toHaveTextContent(/Ask your teacher/);
    renderApp('/classroom/assignment#%E0%A4');
    const alerts = await screen.findAllByRole('alert');
    expect(alerts.at(-1)).toHaveTextContent(/make the assignment again/);
    expect(alerts.at(-1)).not.toHaveTextContent(/teacher/);
  });

  it('keeps the class report usable, with the text as it was', async () => {
    renderApp('/classroom/report#R1.%zz');
    expect(await screen.findByRole('textbox', { name: 'Result codes' }, { timeout: 15_000 })).toHaveValue(
      'R1.%zz',
    );
  });
});
