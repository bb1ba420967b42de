import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { decodeAssignment } from '@/content/classroom-codes';
import { ASSIGNMENT_LIMITS } from '@/domain/assignment';
import { makeQuestions } from '../../kit/factories';
import { fixtureAccess, fixtureContent } from '../../kit/fixture-content';
import { renderPage } from '../../kit/render-app';

const KEEPERS = fixtureContent().questions.filter((question) => question.bank === 'keepers');

/** The assignment in the link the assignment page offers students. */
async function sharedAssignment() {
  const link = await screen.findByRole('textbox', { name: 'Link for students' });
  const decoded = decodeAssignment(decodeURIComponent((link as HTMLInputElement).value.split('#')[1] ?? ''));
  if (!decoded.ok) throw new Error(`the shared link does not open: ${decoded.problem}`);
  return decoded.value;
}

describe('the assignment builder', () => {
  it('turns the choices into a link that holds exactly them', async () => {
    const user = userEvent.setup();
    await renderPage('/classroom/new', { content: fixtureAccess() });
    await user.type(await screen.findByRole('textbox', { name: 'Title' }), '  Keepers quiz ');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Bank' }), 'Keepers');
    expect(screen.getByText('3 questions shown')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Choose all shown' }));
    await user.click(screen.getByRole('checkbox', { name: 'Every student gets the same order' }));
    await user.click(screen.getByRole('radio', { name: 'Practice: feedback after each answer' }));
    const minutes = screen.getByRole('spinbutton', { name: 'Time limit in minutes (0 = none)' });
    await user.clear(minutes);
    await user.type(minutes, '15');
    await user.click(screen.getByRole('button', { name: 'Create the assignment' }));

    expect(await sharedAssignment()).toMatchObject({
      title: 'Keepers quiz',
      ids: KEEPERS.map((question) => question.id),
      mode: 'practice',
      minutes: 15,
      sameOrder: false,
    });
    expect(screen.getByRole('heading', { level: 1, name: 'Keepers quiz' })).toBeInTheDocument();
    expect(
      screen.getByText('3 questions · practice · 15 minutes · each student their own order'),
    ).toBeInTheDocument();
  });

  it('draws the number of questions per student from the chosen ones', async () => {
    const user = userEvent.setup();
    await renderPage('/classroom/new', { content: fixtureAccess() });
    await user.type(await screen.findByRole('textbox', { name: 'Title' }), 'Two of six');
    await user.click(screen.getByRole('button', { name: 'Choose all shown' }));
    const count = screen.getByRole('spinbutton', { name: 'Questions per student (0 = all chosen)' });
    await user.clear(count);
    await user.type(count, '2');
    await user.click(screen.getByRole('button', { name: 'Create the assignment' }));
    const assignment = await sharedAssignment();
    expect(assignment.ids).toHaveLength(2);
    const fixtureIds = fixtureContent().questions.map((question) => question.id);
    expect(fixtureIds).toEqual(expect.arrayContaining(assignment.ids));
  });

  it('keeps the time limit to whole minutes within what the link accepts', async () => {
    const user = userEvent.setup();
    await renderPage('/classroom/new', { content: fixtureAccess() });
    await user.type(await screen.findByRole('textbox', { name: 'Title' }), 'Limits');
    await user.click(screen.getByRole('button', { name: 'Choose all shown' }));
    const minutes = screen.getByRole('spinbutton', { name: 'Time limit in minutes (0 = none)' });
    await user.clear(minutes);
    await user.type(minutes, '999');
    expect(minutes).toHaveValue(ASSIGNMENT_LIMITS.minutes);
    await user.clear(minutes);
    await user.type(minutes, '2.5');
    await user.click(screen.getByRole('button', { name: 'Create the assignment' }));
    expect((await sharedAssignment()).minutes).toBe(2);
  });

  it('says what is missing instead of making a link without a title or questions', async () => {
    const user = userEvent.setup();
    await renderPage('/classroom/new', { content: fixtureAccess() });
    const create = await screen.findByRole('button', { name: 'Create the assignment' });
    await user.click(create);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Give the assignment a title, so students know what they are doing.',
    );
    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Empty');
    await user.click(create);
    expect(screen.getByRole('alert')).toHaveTextContent('Choose at least one question.');
    expect(screen.queryByRole('textbox', { name: 'Link for students' })).not.toBeInTheDocument();
  });

  it(
    'stops at the number of questions a link can hold, and the link it makes opens',
    { timeout: 60_000 },
    async () => {
      const limit = ASSIGNMENT_LIMITS.questions;
      const user = userEvent.setup();
      // The six fixture questions and enough made ones to pass the limit by eleven.
      await renderPage('/classroom/new', { content: fixtureAccess({ questions: makeQuestions(limit + 5) }) });
      await user.type(await screen.findByRole('textbox', { name: 'Title' }), 'Everything');
      await user.click(screen.getByRole('button', { name: 'Choose all shown' }));
      const questions = screen.getByRole('group', { name: /^Questions/ });
      expect(
        within(questions).getByText(`(${limit} questions chosen, at most ${limit})`),
      ).toBeInTheDocument();
      expect(
        screen.getByText(
          `11 more questions not added: An assignment holds at most ${limit} questions; remove one to choose another.`,
        ),
      ).toBeInTheDocument();

      const last = screen.getByRole('checkbox', { name: `Made question number ${limit + 5}?` });
      await user.click(last);
      expect(last).not.toBeChecked();
      expect(screen.getByText(/^Not added: An assignment holds at most/)).toBeInTheDocument();

      await user.click(screen.getByRole('button', { name: 'Create the assignment' }));
      expect((await sharedAssignment()).ids).toHaveLength(limit);
    },
  );
});
