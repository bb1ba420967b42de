import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { QuestionOfType } from '@/domain/question';
import { emptyProgress } from '@/engine/progress';
import { questionKeyOf } from '@/engine/history';
import { useHistoryStore } from '@/stores/history-store';
import { useQuizStore } from '@/stores/quiz-store';
import { useSoloDisputeStore } from '@/stores/solo-dispute-store';
import { captureDownloads, textOf } from '../../kit/downloads';
import { fixtureAccess, fixtureQuestion } from '../../kit/fixture-content';
import { renderPage } from '../../kit/render-app';
import { recordAnswers } from '../history-helpers';

const engineer = fixtureQuestion('kp-engineer') as QuestionOfType<'single'>;
const WRONG = 'Tomas Verey';

beforeEach(() => {
  localStorage.clear();
  useHistoryStore.setState(emptyProgress());
  useSoloDisputeStore.setState({ disputes: [] });
  useQuizStore.setState({ session: null, sessionKey: null, timer: null });
});

/** Presses Tab until `name` has the focus, as a keyboard user would. */
async function tabTo(user: UserEvent, name: string | RegExp) {
  for (let presses = 0; presses < 30; presses += 1) {
    await user.tab();
    const focused = document.activeElement;
    if (
      focused &&
      within(focused.parentElement ?? document.body).queryByRole('button', { name }) === focused
    ) {
      return;
    }
  }
  throw new Error(`Tab never reached ${String(name)}`);
}

async function answerWrongly(user: UserEvent) {
  await renderPage('/quiz/play?ids=kp-engineer&count=all&mode=practice&seed=dispute1', {
    content: fixtureAccess(),
  });
  await user.click(await screen.findByRole('radio', { name: new RegExp(WRONG) }));
  await user.click(screen.getByRole('button', { name: 'Check answer' }));
  expect(within(screen.getByRole('region', { name: 'Feedback' })).getByText('Not right')).toBeInTheDocument();
}

describe('disputing a question in solo practice', () => {
  it('files a dispute by keyboard beside the feedback, with words of the passage, kept on the device', async () => {
    const user = userEvent.setup();
    await answerWrongly(user);

    await tabTo(user, 'Dispute this question');
    await user.keyboard('{Enter}');
    const form = await screen.findByRole('form', { name: 'Dispute this question' });
    expect(within(form).getByRole('heading', { name: 'Dispute this question' })).toHaveFocus();
    await within(form).findByText(/The lighthouse at Kell Point was built in 1862/);

    await user.tab();
    expect(within(form).getByRole('radio', { name: 'The key (the right answer) is wrong' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(within(form).getByRole('radio', { name: 'The wording is unclear or misleading' })).toBeChecked();
    // Enter in an empty form says what is missing, and does not go on to the results.
    await user.keyboard('{Enter}');
    expect(
      await within(form).findByText('Your line is empty: say in a line what is wrong.'),
    ).toBeInTheDocument();

    await user.tab();
    expect(within(form).getByLabelText('In a line, why')).toHaveFocus();
    await user.keyboard('Engineer or <i>architect</i>?');
    expect(within(form).getByText(/Kept as plain text/)).toBeInTheDocument();
    await user.tab(); // "Use the words I selected"
    await user.tab();
    expect(within(form).getByLabelText('Words from the passage as evidence (optional)')).toHaveFocus();
    await user.keyboard('the engineer Ada Morow{Enter}');
    expect(
      await within(form).findByText('These words are not in the passage: copy them exactly, or select them.'),
    ).toBeInTheDocument();
    await user.keyboard('{Backspace}{Backspace}{Backspace}rrow{Enter}');

    expect(await screen.findByText(/Your dispute is saved on this device/)).toHaveFocus();
    expect(screen.queryByRole('heading', { name: 'Your results' })).toBeNull();
    expect(useSoloDisputeStore.getState().disputes).toEqual([
      expect.objectContaining({
        questionId: 'kp-engineer',
        bank: engineer.bank,
        asked: questionKeyOf(engineer),
        prompt: engineer.prompt,
        response: { type: 'single', choice: engineer.choices.find((choice) => choice.text === WRONG)?.id },
        given: WRONG,
        kind: 'wording',
        note: 'Engineer or <i>architect</i>?',
        selection: {
          source: 'kell-point',
          passage: 'built',
          start: 50,
          end: 73,
          quote: 'the engineer Ada Morrow',
        },
      }),
    ]);
    expect(JSON.parse(localStorage.getItem('source-quiz:disputes') ?? '{}')).toMatchObject({
      version: 1,
      state: { disputes: [expect.objectContaining({ questionId: 'kp-engineer' })] },
    });
  });

  it('lists it under My disputes, downloads it as text for the authors, and deletes it', async () => {
    const user = userEvent.setup();
    await answerWrongly(user);
    await user.click(screen.getByRole('button', { name: 'Dispute this question' }));
    const form = await screen.findByRole('form', { name: 'Dispute this question' });
    await user.type(within(form).getByLabelText('In a line, why'), 'The key should be Tomas Verey.');
    await user.click(within(form).getByRole('button', { name: 'Save on this device' }));
    await user.click(await screen.findByRole('link', { name: 'My disputes' }));

    const section = await screen.findByRole('region', { name: 'My disputes' });
    await waitFor(() => expect(within(section).getByRole('heading', { name: 'My disputes' })).toHaveFocus());
    const item = within(section).getByRole('listitem');
    expect(within(item).getByText(engineer.prompt)).toBeInTheDocument();
    expect(item).toHaveTextContent('The key (the right answer) is wrong — “The key should be Tomas Verey.”');
    const downloads = captureDownloads();
    await user.click(within(section).getByRole('button', { name: 'Download as text' }));
    expect(downloads.map((file) => file.name)).toEqual([
      expect.stringMatching(/^source-quiz-disputes-\d{4}-\d{2}-\d{2}\.txt$/),
    ]);
    const text = await textOf(downloads[0]?.blob ?? new Blob());
    expect(text).toContain(
      `1. Question kp-engineer in bank ${engineer.bank} (version ${questionKeyOf(engineer)})`,
    );
    expect(text).toContain('   What is wrong: The key (the right answer) is wrong');
    expect(text).toContain('   Why: The key should be Tomas Verey.');
    expect(within(section).getByLabelText('Text for the bank’s authors')).toHaveValue(text);
    await user.click(within(section).getByRole('button', { name: 'Copy the text' }));
    expect(await navigator.clipboard.readText()).toBe(text);
    expect(within(section).getByText(/^Copied: paste it into a message/)).toBeInTheDocument();

    await user.click(
      within(section).getByRole('button', { name: `Delete the dispute on “${engineer.prompt}”` }),
    );
    expect(within(section).getByText(/^No disputes yet/)).toBeInTheDocument();
    expect(useSoloDisputeStore.getState().disputes).toEqual([]);
  });

  it('is offered beside each question the review lists as got wrong', async () => {
    const user = userEvent.setup();
    recordAnswers([{ question: engineer, isRight: false, at: Date.now() - 86_400_000 }]);
    await renderPage('/review', { content: fixtureAccess() });
    const list = await screen.findByRole('region', { name: 'Questions you get wrong' });
    await user.click(within(list).getByRole('button', { name: 'Dispute this question' }));
    const form = await within(list).findByRole('form', { name: 'Dispute this question' });
    await user.click(within(form).getByRole('radio', { name: 'Another answer is right too' }));
    await user.type(within(form).getByLabelText('In a line, why'), 'Both built it.');
    await user.click(within(form).getByRole('button', { name: 'Save on this device' }));
    expect(await within(list).findByText(/Your dispute is saved on this device/)).toBeInTheDocument();
    expect(useSoloDisputeStore.getState().disputes).toEqual([
      expect.objectContaining({
        questionId: 'kp-engineer',
        kind: 'second-answer',
        given: WRONG,
        selection: null,
      }),
    ]);
  });
});
