import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { emptyProgress } from '@/engine/progress';
import { newSchedule } from '@/engine/schedule';
import { finishQuiz, startQuiz, submitAnswer } from '@/engine/quiz-session';
import type { QuestionOfType } from '@/domain/question';
import { useQuizStore } from '@/stores/quiz-store';
import { useHistoryStore } from '@/stores/history-store';
import { DAY, recordAnswers, singleChoiceQuestions, textOf } from '../history-helpers';
import { renderApp } from '../../kit/render-app';

const renderAt = (path: string) => renderApp(path);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

beforeEach(() => {
  localStorage.clear();
  useHistoryStore.setState(emptyProgress());
  useQuizStore.setState({ session: null, sessionKey: null, timer: null });
});

describe('the review page', () => {
  it('says there is nothing to review before any answer', async () => {
    renderAt('/review');
    expect(await screen.findByRole('heading', { level: 1, name: 'Review' })).toBeInTheDocument();
    expect(screen.getByText(/You have not answered any questions yet/)).toBeInTheDocument();
    expect(screen.getByText(/Nothing is due today/)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Review due questions' })).toBeNull();
  });

  it('lists a question answered wrongly with both answers, why, and the passage; practising it right removes it', async () => {
    const user = userEvent.setup();
    const [question] = await singleChoiceQuestions();
    if (!question) throw new Error('no single-choice question in the banks');
    recordAnswers([{ question, isRight: false, at: Date.now() - DAY }]);

    renderAt('/review');
    const list = await screen.findByRole('region', { name: 'Questions you get wrong' });
    const item = within(list).getByRole('heading', { level: 4, name: question.prompt }).closest('li');
    if (!item) throw new Error('the question is not listed');
    expect(within(item).getByText('Not right')).toBeInTheDocument();
    expect(within(item).getByText('Your answer').nextSibling).toHaveTextContent(textOf(question, false));
    expect(within(item).getByText('Correct answer').nextSibling).toHaveTextContent(textOf(question, true));
    expect(within(item).getByText(question.explanation)).toBeInTheDocument();
    expect(within(item).getAllByRole('link', { name: /Read it in/ })[0]).toHaveAttribute(
      'href',
      expect.stringMatching(/^\/sources\/[a-z-]+\/[a-z0-9-]+\?quote=.*&back=%2Freview$/),
    );

    const practise = within(list).getByRole('link', { name: 'Practise this one' });
    expect(practise).toHaveAttribute(
      'href',
      expect.stringContaining(`ids=${question.id}&count=all&mode=practice`),
    );
    await user.click(practise);
    expect(await screen.findByText('Question 1 of 1')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: new RegExp(escape(textOf(question, true))) }));
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    await user.click(screen.getByRole('button', { name: 'See your results' }));
    await screen.findByRole('heading', { name: 'Your results' });

    await user.click(screen.getByRole('link', { name: 'Review' }));
    expect(await screen.findByText(/Nothing to review: your latest answer/)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 4, name: question.prompt })).toBeNull();
  });

  it('groups mistakes by topic or by source section', async () => {
    const user = userEvent.setup();
    const questions = await singleChoiceQuestions();
    const first = questions[0];
    const second = questions.find(
      (question) =>
        question.topics[0] !== first?.topics[0] &&
        question.citations[0]?.source !== first?.citations[0]?.source,
    );
    if (!first || !second)
      throw new Error('the banks lack two single-choice questions on different topics and sources');
    recordAnswers([
      { question: first, isRight: false, at: Date.now() - 2 * DAY },
      { question: second, isRight: false, at: Date.now() - DAY },
    ]);
    renderAt('/review');
    const list = await screen.findByRole('region', { name: 'Questions you get wrong' });
    const groupHeadings = () =>
      within(list)
        .getAllByRole('heading', { level: 3 })
        .map((heading) => heading.textContent);
    const capital = (topic = '') => topic.charAt(0).toUpperCase() + topic.slice(1);
    expect(groupHeadings()).toEqual(
      expect.arrayContaining([`${capital(first.topics[0])} (1)`, `${capital(second.topics[0])} (1)`]),
    );
    expect(within(list).getByRole('link', { name: 'Practise these 2' })).toBeInTheDocument();

    await user.click(within(list).getByRole('radio', { name: 'Source section' }));
    expect(within(list).getByRole('radio', { name: 'Source section' })).toBeChecked();
    const headings = groupHeadings();
    expect(headings).toHaveLength(2);
    expect(headings.join(' | ')).toMatch(/Belgium-Vietnam relations/);
    expect(headings.join(' | ')).toMatch(/Development cooperation/);
  });

  it('offers the due questions, most overdue first, leaving out those no longer in the banks', async () => {
    const [older, newer] = await singleChoiceQuestions();
    if (!older || !newer) throw new Error('need two single-choice questions');
    const now = Date.now();
    recordAnswers([
      { question: newer, isRight: false, at: now - 2 * DAY },
      { question: older, isRight: false, at: now - 5 * DAY },
    ]);
    const { schedules } = useHistoryStore.getState();
    useHistoryStore.setState({
      schedules: { ...schedules, 'a-removed-question': newSchedule(now - 9 * DAY) },
    });

    renderAt('/review');
    const due = await screen.findByRole('region', { name: 'Due today' });
    expect(within(due).getByText(/2 questions are due for review today/)).toBeInTheDocument();
    const link = within(due).getByRole('link', { name: 'Review due questions' });
    const params = new URL(link.getAttribute('href') ?? '', 'http://x').searchParams;
    expect(params.get('ids')).toBe(`${older.id},${newer.id}`);
    expect(params.get('order')).toBe('listed');
    expect(params.get('mode')).toBe('practice');
  });

  it('sets the target retention and resets one question’s schedule, saying so', async () => {
    const user = userEvent.setup();
    const [question] = await singleChoiceQuestions();
    if (!question) throw new Error('need a single-choice question');
    recordAnswers([{ question, isRight: true, at: Date.now() - DAY }]);
    const dueBefore = useHistoryStore.getState().schedules[question.id]?.due ?? 0;
    expect(dueBefore).toBeGreaterThan(Date.now());

    renderAt('/review');
    const schedule = await screen.findByRole('region', { name: 'Your schedule' });
    const retention = within(schedule).getByRole('combobox', { name: 'Target retention' });
    expect(retention).toHaveValue('90');
    await user.selectOptions(retention, '80');
    expect(useHistoryStore.getState().settings.targetRetention).toBe(0.8);
    expect(within(schedule).getByRole('status')).toHaveTextContent('Target retention set to 80%.');
    expect(useHistoryStore.getState().schedules[question.id]?.due).toBeGreaterThan(dueBefore);

    await user.click(within(schedule).getByText(/Every scheduled question \(1\)/));
    await user.click(within(schedule).getByRole('button', { name: `Start again: ${question.prompt}` }));
    expect(useHistoryStore.getState().schedules[question.id]?.due).toBeLessThanOrEqual(Date.now());
    expect(within(schedule).getByRole('status')).toHaveTextContent('starts again: it is due now');
    expect(screen.getByText(/1 question is due for review today/)).toBeInTheDocument();
    expect(useHistoryStore.getState().history.answers).toHaveLength(1);
  });

  it('regrades an answer once the banks hold a corrected version of its question, keeping the first grade in sight', async () => {
    const [keyNowRight, keyNowWrong] = await singleChoiceQuestions();
    if (!keyNowRight || !keyNowWrong) throw new Error('two single-choice questions needed');
    const otherChoice = (question: QuestionOfType<'single'>) =>
      question.choices.find((choice) => choice.id !== question.answer)?.id ?? '';
    // Answered when the banks held other keys: the first learner's pick (today's key) was marked
    // wrong; the second's (today a wrong choice) was marked right.
    const answers = [
      { asked: { ...keyNowRight, answer: otherChoice(keyNowRight) }, choice: keyNowRight.answer },
      { asked: { ...keyNowWrong, answer: otherChoice(keyNowWrong) }, choice: otherChoice(keyNowWrong) },
    ];
    const history = useHistoryStore.getState();
    answers.forEach(({ asked, choice }, index) => {
      const at = Date.now() - (2 - index) * DAY;
      const session = startQuiz({
        pool: [asked],
        settings: { count: 'all' },
        seed: `old${index}`,
        mode: 'practice',
        startedAt: at,
      });
      const answered = submitAnswer(session, { type: 'single', choice }, at + 1000);
      history.attemptStarted(session);
      history.answerRecorded(answered, asked.id);
      history.attemptFinished(finishQuiz(answered, at + 2000));
    });
    expect(useHistoryStore.getState().history.answers.map((answer) => answer.grade.verdict)).toEqual([
      'wrong',
      'correct',
    ]);

    renderAt('/review');
    const regraded = await screen.findByRole('region', { name: 'Regraded answers' });
    expect(within(regraded).getByText(/2 answers were graded again/)).toBeInTheDocument();
    const item = (prompt: string) => within(regraded).getByRole('heading', { name: prompt }).closest('li');
    expect(item(keyNowRight.prompt)).toHaveTextContent(
      'Regraded after the question was corrected: was not right, now right.',
    );
    expect(item(keyNowWrong.prompt)).toHaveTextContent(
      'Regraded after the question was corrected: was right, now not right.',
    );

    // Review counts the new grades: only the answer now wrong is a mistake, shown with the corrected key.
    const list = screen.getByRole('region', { name: 'Questions you get wrong' });
    expect(within(list).queryByRole('heading', { name: keyNowRight.prompt })).toBeNull();
    const mistake = within(list).getByRole('heading', { level: 4, name: keyNowWrong.prompt }).closest('li');
    if (!mistake) throw new Error('the question now wrong is not listed');
    expect(mistake).toHaveTextContent('Regraded after the question was corrected: was right, now not right.');
    expect(within(mistake).getByText('Correct answer').nextSibling).toHaveTextContent(
      textOf(keyNowWrong, true),
    );
    // The answers themselves are as they were given and first graded.
    expect(useHistoryStore.getState().history.answers.map((answer) => answer.grade.verdict)).toEqual([
      'wrong',
      'correct',
    ]);
  });
});
