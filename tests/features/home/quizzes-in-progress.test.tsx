import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useQuizStore } from '@/stores/quiz-store';
import { renderApp } from '../../kit/render-app';

const FIRST = '/quiz/play?types=true-false&count=4&mode=practice&seed=first1';
const SECOND = '/quiz/play?types=true-false&count=3&mode=test&seed=second1';

/** What a reload does: the page forgets everything but what is saved. */
async function reload() {
  useQuizStore.setState({ attempts: {}, currentId: null, session: null, sessionKey: null, timer: null });
  await useQuizStore.getState().savedAttemptsRead();
}

async function takeTwoQuizzes() {
  const user = userEvent.setup();
  const first = renderApp(FIRST);
  await screen.findByText('Question 1 of 4');
  for (let answered = 0; answered < 3; answered += 1) {
    await user.keyboard('1');
    await user.keyboard('{Enter}'); // check the answer
    await user.keyboard('{Enter}'); // next question
  }
  expect(screen.getByText('Question 4 of 4')).toBeInTheDocument();
  first.unmount();

  const second = renderApp(SECOND);
  await screen.findByText('Question 1 of 3');
  await user.click(screen.getByRole('radio', { name: /True/ }));
  await user.click(screen.getByRole('button', { name: 'Save and continue' }));
  expect(screen.getByText('Question 2 of 3')).toBeInTheDocument();
  second.unmount();
  await reload();
  return user;
}

describe('quizzes in progress on the home page', () => {
  it('on a first visit shows nothing saved, and lists a quiz started since when the learner comes back', async () => {
    const user = userEvent.setup();
    renderApp('/');
    await screen.findByRole('heading', { name: 'The documents' });
    await user.click(screen.getByRole('link', { name: 'Start a quiz' }));
    expect(screen.queryByRole('region', { name: 'Continue where you left off' })).toBeNull();
    await user.click(await screen.findByRole('button', { name: 'Start the quiz' }));
    await screen.findByText(/^Question 1 of/);

    await user.click(
      within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Home' }),
    );
    const list = await screen.findByRole('region', { name: 'Continue where you left off' });
    expect(
      await within(list).findByRole('link', {
        name: 'Continue Practice quiz: all question banks, question 1 of 10',
      }),
    ).toBeInTheDocument();
  });

  it('lists each with how far along it is, and continues the first where it was, answers kept', async () => {
    const user = await takeTwoQuizzes();
    renderApp('/');
    const list = await screen.findByRole('region', { name: 'Continue where you left off' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringMatching(/^Test: all question banksQuestion 2 of 3 · 1 answer given/),
      expect.stringMatching(/^Practice quiz: all question banksQuestion 4 of 4 · 3 answers given/),
    ]);

    await user.click(
      within(list).getByRole('link', { name: 'Continue Practice quiz: all question banks, question 4 of 4' }),
    );
    expect(await screen.findByText('Question 4 of 4')).toBeInTheDocument();
    expect(Object.keys(useQuizStore.getState().session?.submissions ?? {})).toHaveLength(3);
    await user.keyboard('1');
    await user.keyboard('{Enter}');
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { name: 'Your results' })).toBeInTheDocument();
    expect(Object.keys(useQuizStore.getState().session?.submissions ?? {})).toHaveLength(4);
  });

  it('discards one only after the learner confirms, and says so', async () => {
    const user = await takeTwoQuizzes();
    renderApp('/');
    const list = await screen.findByRole('region', { name: 'Continue where you left off' });
    const discard = within(list).getByRole('button', { name: 'Discard Test: all question banks…' });

    await user.click(discard);
    const question = within(list).getByRole('group', { name: /Discard this quiz\?/ });
    expect(within(question).getByRole('button', { name: 'Keep it' })).toHaveFocus();
    await user.click(within(question).getByRole('button', { name: 'Keep it' }));
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(within(list).getByRole('button', { name: 'Discard Test: all question banks…' })).toHaveFocus();

    await user.click(within(list).getByRole('button', { name: 'Discard Test: all question banks…' }));
    await user.click(within(list).getByRole('button', { name: 'Discard quiz' }));
    expect(within(list).getByRole('status')).toHaveTextContent(
      'Discarded Test: all question banks. Its answers stay in your history.',
    );
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);

    // Gone from what is saved too: a reload does not bring it back.
    await reload();
    expect(Object.values(useQuizStore.getState().attempts).map((attempt) => attempt.title)).toEqual([
      'Practice quiz: all question banks',
    ]);
  });

  it('shows nothing when no quiz is in progress', async () => {
    renderApp('/');
    await screen.findByRole('heading', { name: 'The documents' });
    expect(screen.queryByRole('region', { name: 'Continue where you left off' })).toBeNull();
  });
});
