import type { QuestionOfType } from '@/domain/question';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { useQuizStore } from '@/stores/quiz-store';
import { renderApp } from '../../kit/render-app';

const renderAt = (path: string) => renderApp(path);

/** The single-choice question on screen, read from the quiz in progress, to know right from wrong. */
function currentSingleChoice(): QuestionOfType<'single'> {
  const { session } = useQuizStore.getState();
  const question = session?.questions[session.currentIndex]?.question;
  if (question?.type !== 'single')
    throw new Error(`expected a single-choice question, got ${question?.type}`);
  return question;
}
const textOf = (question: QuestionOfType<'single'>, isRight: boolean) =>
  question.choices.find((choice) => (choice.id === question.answer) === isRight)?.text ?? '';

beforeEach(() => {
  localStorage.clear();
  useQuizStore.setState({ session: null, sessionKey: null, timer: null });
});

describe('a number question', () => {
  it('names its answer field with the unit once, as a screen reader announces it', async () => {
    renderAt('/quiz/play?types=numeric&count=1&mode=practice&seed=unit1');
    expect(await screen.findByText('Question 1 of 1', {}, { timeout: 10_000 })).toBeInTheDocument();
    const { session } = useQuizStore.getState();
    const question = session?.questions[0]?.question;
    if (question?.type !== 'numeric') throw new Error(`expected a number question, got ${question?.type}`);
    const unit = question.answer.unit;
    expect(screen.getByRole('textbox', { name: `Your answer, in ${unit}` })).toBeInTheDocument();
  });
});

describe('taking a quiz in practice mode', () => {
  it('gives feedback after each answer, then the results', async () => {
    const user = userEvent.setup();
    renderAt('/quiz/play?types=single&count=2&mode=practice&seed=practice1');
    // The first quiz of a run also waits for the content plugin to check every bank.
    expect(await screen.findByText('Question 1 of 2', {}, { timeout: 10_000 })).toBeInTheDocument();

    const first = currentSingleChoice();
    await user.click(screen.getByRole('radio', { name: new RegExp(escape(textOf(first, false))) }));
    expect(screen.queryByText('Not right')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Check answer' }));

    const feedback = screen.getByRole('region', { name: 'Feedback' });
    expect(within(feedback).getByText('Not right')).toBeInTheDocument();
    expect(within(feedback).getByText('Correct answer').nextSibling).toHaveTextContent(textOf(first, true));
    expect(within(feedback).getByText(first.explanation)).toBeInTheDocument();
    const source = within(feedback).getAllByRole('link', { name: /Read it in/ })[0];
    expect(source).toHaveAttribute('href', expect.stringMatching(/^\/sources\/[a-z-]+\/[a-z0-9-]+\?quote=/));

    await user.click(screen.getByRole('button', { name: 'Next question' }));
    expect(screen.getByText('Question 2 of 2')).toBeInTheDocument();
    const second = currentSingleChoice();
    await user.click(screen.getByRole('radio', { name: new RegExp(escape(textOf(second, true))) }));
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(within(screen.getByRole('region', { name: 'Feedback' })).getByText('Correct')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'See your results' }));
    expect(await screen.findByRole('heading', { name: 'Your results' })).toBeInTheDocument();
    expect(screen.getByText('50%')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Practise the one I missed' })).toBeInTheDocument();
  });

  it('asks for an answer rather than grading a blank one', async () => {
    const user = userEvent.setup();
    renderAt('/quiz/play?types=single&count=1&mode=practice&seed=blank1');
    await screen.findByText('Question 1 of 1');
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(screen.getByText('Choose or type an answer first.')).toBeInTheDocument();
    expect(useQuizStore.getState().session?.submissions).toEqual({});
  });

  it('chooses with number keys and submits with Enter', async () => {
    const user = userEvent.setup();
    renderAt('/quiz/play?types=true-false&count=1&mode=practice&seed=keys1');
    await screen.findByText('Question 1 of 1');
    await user.keyboard('2');
    expect(screen.getByRole('radio', { name: /False/ })).toBeChecked();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('region', { name: 'Feedback' })).toBeInTheDocument();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { name: 'Your results' })).toBeInTheDocument();
  });
});

describe('taking a quiz in test mode', () => {
  it('shows no feedback until the end, then every answer with its explanation', async () => {
    const user = userEvent.setup();
    renderAt('/quiz/play?types=single&count=2&mode=test&seed=test1');
    await screen.findByText('Question 1 of 2');
    const first = currentSingleChoice();
    await user.click(screen.getByRole('radio', { name: new RegExp(escape(textOf(first, true))) }));
    await user.click(screen.getByRole('button', { name: 'Save and continue' }));
    expect(screen.queryByRole('region', { name: 'Feedback' })).toBeNull();

    const second = currentSingleChoice();
    await user.click(screen.getByRole('radio', { name: new RegExp(escape(textOf(second, false))) }));
    await user.click(screen.getByRole('button', { name: 'Save and finish' }));

    expect(await screen.findByRole('heading', { name: 'Your results' })).toBeInTheDocument();
    expect(screen.getByText('50%')).toBeInTheDocument();
    expect(screen.getByText(first.explanation)).toBeInTheDocument();
    expect(screen.getByText(second.explanation)).toBeInTheDocument();
  });

  it('rejects a tampered link with a message', async () => {
    renderAt('/quiz/play?count=-3&seed=x');
    expect(await screen.findByRole('alert')).toHaveTextContent(/count must be a number from 1 to 500/);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
