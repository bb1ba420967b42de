import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { QuestionOfType } from '@/domain/question';
import { gradeAnswer } from '@/engine/grade-answer';
import { presentQuestion } from '@/engine/present-question';
import { emptyProgress } from '@/engine/progress';
import { createRandom } from '@/engine/random';
import { keepSeat, readSeat, type PlayerView } from '@/features/classroom/live/live-client';
import { recordLiveView } from '@/features/classroom/live/live-history';
import { historyRecorded } from '@/stores/history-later';
import { useHistoryStore } from '@/stores/history-store';
import { singleChoiceQuestions } from '../history-helpers';
import { renderPage } from '../../kit/render-app';

// After a live session the student's answers are in the device's history, as the server revealed
// them: Review lists what they missed. Views are built the way the server sends them.

const SESSION_ID = 'LiVeSeSsIoNiDlIvEsEsS0';
const JOINED_AT = Date.parse('2026-03-02T09:00:00Z');

function revealView(index: number, question: QuestionOfType<'single'>, isRight: boolean | null): PlayerView {
  const presented = presentQuestion(question, createRandom(`live/${question.id}`));
  const choice = question.choices.find((option) => (option.id === question.answer) === isRight);
  const response = { type: 'single' as const, choice: isRight === null ? null : (choice?.id ?? null) };
  return {
    sessionId: SESSION_ID,
    title: 'Week 5, live',
    phase: 'reveal',
    index,
    questionCount: 3,
    locked: false,
    question: null,
    countdown: null,
    distribution: null,
    leaderboard: null,
    me: {
      playerId: 'p1',
      name: 'Zed',
      hasAnswered: isRight !== null,
      feedback: { presented, response, grade: gradeAnswer(presented, response) },
      points: 0,
    },
  };
}

beforeEach(() => {
  useHistoryStore.setState(emptyProgress());
  keepSeat({ sessionId: SESSION_ID, token: 'secret', pin: '123456', joinedAt: JOINED_AT });
});

describe('a live session in the device history', () => {
  it('records each revealed answer once, whatever the reloads, and Review lists the one missed', async () => {
    const [missed, known, skipped] = await singleChoiceQuestions();
    if (!missed || !known || !skipped) throw new Error('the banks need three single-choice questions');
    const start = JOINED_AT + 60_000;

    recordLiveView(revealView(0, missed, false), start);
    // The same reveal again: another view from the server, then a reload of the page.
    recordLiveView(revealView(0, missed, false), start + 1_000);
    recordLiveView(revealView(0, missed, false), start + 30_000);
    recordLiveView(revealView(1, known, true), start + 60_000);
    recordLiveView(revealView(2, skipped, null), start + 90_000);
    recordLiveView({ ...revealView(2, skipped, null), phase: 'ended' }, start + 120_000);
    recordLiveView({ ...revealView(2, skipped, null), phase: 'ended' }, start + 150_000);
    await historyRecorded();

    const { history } = useHistoryStore.getState();
    expect(history.answers.map((answer) => [answer.questionId, answer.grade.isCorrect])).toEqual([
      [missed.id, false],
      [known.id, true],
    ]);
    expect(history.answers.map((answer) => answer.answeredAt)).toEqual([start, start + 60_000]);
    expect(history.attempts).toHaveLength(1);
    expect(history.attempts[0]).toMatchObject({ startedAt: JOINED_AT, finishedAt: start + 120_000 });
    expect(useHistoryStore.getState().schedules[missed.id]).toBeDefined();

    await renderPage('/review');
    const list = await screen.findByRole('region', { name: 'Questions you get wrong' });
    expect(within(list).getByRole('heading', { level: 4, name: missed.prompt })).toBeInTheDocument();
    expect(within(list).queryByRole('heading', { level: 4, name: known.prompt })).toBeNull();
    expect(within(list).queryByRole('heading', { level: 4, name: skipped.prompt })).toBeNull();
  });

  it('records nothing for another session than the seat’s, or with no seat at all', async () => {
    const [question] = await singleChoiceQuestions();
    if (!question) throw new Error('the banks need a single-choice question');
    recordLiveView({ ...revealView(0, question, false), sessionId: 'AnOtHeRsEsSiOnIdAnOtHe' }, Date.now());
    keepSeat(null);
    recordLiveView(revealView(0, question, false), Date.now());
    await historyRecorded();
    expect(useHistoryStore.getState().history.answers).toEqual([]);
    expect(readSeat()).toBeNull();
  });
});
