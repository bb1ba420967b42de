import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { emptyProgress } from '@/engine/progress';
import { useQuizStore } from '@/stores/quiz-store';
import { useHistoryStore } from '@/stores/history-store';
import { renderApp } from '../../kit/render-app';

beforeEach(() => {
  localStorage.clear();
  useQuizStore.setState({ session: null, sessionKey: null, timer: null });
  useHistoryStore.setState(emptyProgress());
});

const session = () => useQuizStore.getState().session;
const enter = (repeat: boolean) =>
  fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Enter', repeat });

describe('finishing a test with unanswered questions', () => {
  it('asks first, says how many, and lets the learner go back', async () => {
    const user = userEvent.setup();
    renderApp('/quiz/play?types=single&count=3&mode=test&seed=confirm1');
    await screen.findByText('Question 1 of 3', {}, { timeout: 10_000 });
    await user.click(screen.getAllByRole('radio')[0] as HTMLElement);
    await user.click(screen.getByRole('button', { name: 'Finish the test now' }));

    expect(screen.getByRole('heading', { name: '2 questions have no answer yet' })).toHaveFocus();
    expect(session()?.finishedAt).toBeUndefined();
    await user.click(screen.getByRole('button', { name: 'Keep answering' }));
    expect(screen.queryByRole('heading', { name: /no answer yet/ })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Finish the test now' }));
    await user.click(screen.getByRole('button', { name: 'Finish the test' }));
    expect(await screen.findByRole('heading', { name: 'Your results' })).toBeInTheDocument();
  });

  it('finishes without asking when every question is answered', async () => {
    const user = userEvent.setup();
    renderApp('/quiz/play?types=single&count=2&mode=test&seed=confirm2');
    await screen.findByText('Question 1 of 2', {}, { timeout: 10_000 });
    await user.click(screen.getAllByRole('radio')[0] as HTMLElement);
    await user.click(screen.getByRole('button', { name: 'Save and continue' }));
    await user.click(screen.getAllByRole('radio')[1] as HTMLElement);
    await user.click(screen.getByRole('button', { name: 'Save and finish' }));
    expect(await screen.findByRole('heading', { name: 'Your results' })).toBeInTheDocument();
  });
});

describe('holding Enter in test mode', () => {
  it('goes on once per press, saves no blank answers, and never finishes without asking', async () => {
    renderApp('/quiz/play?types=single&count=3&mode=test&seed=hold1');
    await screen.findByText('Question 1 of 3', {}, { timeout: 10_000 });
    enter(false);
    // The key is still down: the browser repeats it.
    for (let repeat = 0; repeat < 20; repeat += 1) enter(true);
    expect(screen.getByText('Question 2 of 3')).toBeInTheDocument();
    enter(false);
    enter(false); // the last question: asks instead of finishing
    for (let repeat = 0; repeat < 20; repeat += 1) enter(true);
    enter(false);
    expect(screen.getByRole('heading', { name: '3 questions have no answer yet' })).toBeInTheDocument();
    expect(session()?.finishedAt).toBeUndefined();
    expect(session()?.submissions).toEqual({});
    expect(useHistoryStore.getState().history.answers).toEqual([]);
  });
});

describe('holding Enter in practice mode', () => {
  it('checks an answer once and does not skip its feedback', async () => {
    const user = userEvent.setup();
    renderApp('/quiz/play?types=single&count=2&mode=practice&seed=hold2');
    await screen.findByText('Question 1 of 2', {}, { timeout: 10_000 });
    await user.click(screen.getAllByRole('radio')[0] as HTMLElement);
    (screen.getByRole('heading', { level: 2 }) as HTMLElement).focus();
    enter(false);
    for (let repeat = 0; repeat < 10; repeat += 1) enter(true);
    expect(screen.getByRole('region', { name: 'Feedback' })).toBeInTheDocument();
    expect(screen.getByText('Question 1 of 2')).toBeInTheDocument();
  });
});
