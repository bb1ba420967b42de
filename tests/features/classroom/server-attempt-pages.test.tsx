import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attemptSchema } from '@/features/classroom/server/api-responses';
import { useStudentAttemptStore } from '@/features/classroom/server/student-attempt-store';
import { useFakeServer } from '../../kit/fake-server';
import { renderApp } from '../../kit/render-app';

// A student's attempt against a stand-in for the network that can go offline: each test says what
// the server answers, and `network.isOffline` makes every request fail as a dropped connection does.
const network = useFakeServer();

const ASSIGNMENT_ID = 'AbCdEfGhIjKlMnOpQrStUv';
const ATTEMPT_ID = 'AtTeMpTiDaTtEmPtIdAtTe';

const question = (index: number, prompt: string) => ({
  index,
  type: 'single',
  prompt,
  topics: ['starter'],
  difficulty: 1,
  choices: [
    { id: 'a', text: 'Paris' },
    { id: 'b', text: 'Lyon' },
  ],
  left: [],
});

const attempt = {
  id: ATTEMPT_ID,
  student: 'Ada Lovelace',
  number: 1,
  assignment: { id: ASSIGNMENT_ID, title: 'Week 4', mode: 'test', minutes: 0 },
  startedAt: '2026-03-01T09:00:00.000Z',
  endsAt: null,
  finishedAt: null,
  questions: [question(0, 'Which city is the capital?'), question(1, 'Which city is on the Rhône?')],
  answers: [],
  result: null,
};

const finished = {
  ...attempt,
  finishedAt: '2026-03-01T09:10:00.000Z',
  result: { points: 1, maxPoints: 2, percent: 50, results: [] },
};

const studentAssignment = {
  id: ASSIGNMENT_ID,
  title: 'Week 4',
  mode: 'test',
  minutes: 0,
  questionCount: 2,
  opensAt: null,
  closesAt: null,
  attemptsAllowed: 1,
  isOpen: true,
  whyClosed: null,
  roster: [],
};

const recorded = (index: number) => ({
  recorded: { answerId: 'x', index, receivedAt: '2026-03-01T09:05:00.000Z' },
});

beforeEach(() => {
  useStudentAttemptStore.setState({ attempts: {} });
});
afterEach(() => {
  useStudentAttemptStore.setState({ attempts: {} });
});

const attemptPath = `/api/student/attempts/${ATTEMPT_ID}`;

describe('handing in with no network', () => {
  it('keeps the hand-in on the device, says so, and sends it by itself when the network is back', async () => {
    network.routes = [
      { method: 'GET', path: attemptPath, status: 200, body: { attempt } },
      { method: 'POST', path: `${attemptPath}/answers`, status: 200, body: recorded(0) },
      { method: 'POST', path: `${attemptPath}/submit`, status: 200, body: { attempt: finished } },
    ];
    useStudentAttemptStore
      .getState()
      .attemptStarted(ASSIGNMENT_ID, attemptSchema.parse(attempt), 'RESUME-CODE');
    const user = userEvent.setup();
    renderApp(`/s/${ASSIGNMENT_ID}`);
    expect(await screen.findByText('Question 1 of 2')).toBeInTheDocument();

    network.isOffline = true;
    await user.click(screen.getByRole('radio', { name: 'Paris' }));
    await user.click(screen.getByRole('button', { name: 'Hand in now' }));

    expect(await screen.findByRole('heading', { name: 'Handed in, not sent yet' })).toBeInTheDocument();
    expect(await screen.findByText(/you seem to be offline\. It goes out by itself/)).toBeInTheDocument();
    expect(
      screen.getByText(
        '1 answer saved on this device, waiting to be sent: you seem to be offline. They go out by themselves when the connection is back.',
      ),
    ).toBeInTheDocument();
    expect(network.requests.filter((request) => request.method === 'POST')).toEqual([]);
    expect(useStudentAttemptStore.getState().attempts[ASSIGNMENT_ID]?.isHandInPending).toBe(true);

    network.isOffline = false;
    await act(async () => {
      window.dispatchEvent(new Event('online'));
    });

    expect(await screen.findByRole('heading', { name: 'Your results' })).toBeInTheDocument();
    expect(screen.getByText('50%')).toBeInTheDocument();
    const posts = network.requests
      .filter((request) => request.method === 'POST')
      .map((request) => request.path);
    expect(posts).toEqual([`${attemptPath}/answers`, `${attemptPath}/submit`]);
    expect(useStudentAttemptStore.getState().attempts[ASSIGNMENT_ID]?.isHandInPending).toBe(false);
  });

  it('sends a hand-in left waiting when the page is opened again', async () => {
    network.routes = [
      { method: 'GET', path: attemptPath, status: 200, body: { attempt } },
      { method: 'POST', path: `${attemptPath}/submit`, status: 200, body: { attempt: finished } },
    ];
    const store = useStudentAttemptStore.getState();
    store.attemptStarted(ASSIGNMENT_ID, attemptSchema.parse(attempt), null);
    store.handInRequested(ASSIGNMENT_ID);
    renderApp(`/s/${ASSIGNMENT_ID}`);
    expect(await screen.findByRole('heading', { name: 'Your results' })).toBeInTheDocument();
    // The results page also asks for the learner's disputes (issue 18); the hand-in goes once.
    const attemptRequests = network.requests.filter(
      (request) => request.path.startsWith(attemptPath) && request.path !== `${attemptPath}/disputes`,
    );
    expect(attemptRequests.map((request) => `${request.method} ${request.path}`)).toEqual([
      `GET ${attemptPath}`,
      `POST ${attemptPath}/submit`,
    ]);
  });
});

describe('a resume code on another device', () => {
  it('carries on the same attempt at the first question not answered yet', async () => {
    const answered = {
      ...attempt,
      answers: [
        {
          index: 0,
          answerId: 'first',
          response: { type: 'single', choice: 'a' },
          receivedAt: '2026-03-01T09:02:00.000Z',
        },
      ],
    };
    network.routes = [
      {
        method: 'GET',
        path: `/api/student/assignments/${ASSIGNMENT_ID}`,
        status: 200,
        body: { assignment: studentAssignment },
      },
      { method: 'POST', path: '/api/student/resume', status: 200, body: { attempt: answered } },
      { method: 'GET', path: attemptPath, status: 200, body: { attempt: answered } },
    ];
    const user = userEvent.setup();
    renderApp(`/s/${ASSIGNMENT_ID}`);
    await user.click(await screen.findByText('Started on another device? Carry on with your resume code'));
    await user.type(screen.getByLabelText('Resume code'), 'K7QD-9MXR');
    await user.click(screen.getByRole('button', { name: 'Carry on' }));

    expect(await screen.findByText('Question 2 of 2')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Which city is on the Rhône?' })).toBeInTheDocument();
    expect(screen.getByText(/Ada Lovelace/)).toBeInTheDocument();
    expect(network.requests.find((request) => request.path === '/api/student/resume')?.body).toEqual({
      assignmentId: ASSIGNMENT_ID,
      resumeCode: 'K7QD-9MXR',
    });
    // The answer given on the first device is there when the student goes back to it.
    await user.click(screen.getByRole('button', { name: 'Previous' }));
    expect(await screen.findByRole('radio', { name: 'Paris' })).toBeChecked();
    expect(useStudentAttemptStore.getState().attempts[ASSIGNMENT_ID]?.attemptId).toBe(ATTEMPT_ID);
  });

  it('says so when no attempt has the code, and stays on the start', async () => {
    network.routes = [
      {
        method: 'GET',
        path: `/api/student/assignments/${ASSIGNMENT_ID}`,
        status: 200,
        body: { assignment: studentAssignment },
      },
      { method: 'POST', path: '/api/student/resume', status: 404, body: { error: 'not found' } },
    ];
    const user = userEvent.setup();
    renderApp(`/s/${ASSIGNMENT_ID}`);
    await user.click(await screen.findByText('Started on another device? Carry on with your resume code'));
    await user.type(screen.getByLabelText('Resume code'), 'WRONG-CODE');
    await user.click(screen.getByRole('button', { name: 'Carry on' }));
    expect(
      await screen.findByText('No attempt has this resume code. Check it and try again.'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Resume code')).toHaveValue('WRONG-CODE');
  });
});

describe('a timed attempt', () => {
  const timed = (endsAt: number) => ({
    ...attempt,
    assignment: { ...attempt.assignment, minutes: 10 },
    endsAt: new Date(endsAt).toISOString(),
  });

  it('shows the time left, which the student can hide and show again', async () => {
    const running = timed(Date.now() + 5 * 60_000);
    network.routes = [{ method: 'GET', path: attemptPath, status: 200, body: { attempt: running } }];
    useStudentAttemptStore.getState().attemptStarted(ASSIGNMENT_ID, attemptSchema.parse(running), null);
    const user = userEvent.setup();
    renderApp(`/s/${ASSIGNMENT_ID}`);
    expect(await screen.findByText(/^(5:00|4:5\d)$/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Hide the timer' }));
    expect(screen.queryByText(/^(5:00|4:5\d)$/)).not.toBeInTheDocument();
    expect(screen.queryByText('Time left:')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show the timer' }));
    expect(screen.getByText(/^(5:00|4:5\d)$/)).toBeInTheDocument();
  });

  it('says politely when time is up, and shows the results once the server has ended the attempt', async () => {
    const running = timed(Date.now() + 1500);
    network.routes = [{ method: 'GET', path: attemptPath, status: 200, body: { attempt: running } }];
    useStudentAttemptStore.getState().attemptStarted(ASSIGNMENT_ID, attemptSchema.parse(running), null);
    renderApp(`/s/${ASSIGNMENT_ID}`);
    expect(await screen.findByText('Question 1 of 2')).toBeInTheDocument();
    network.routes = [{ method: 'GET', path: attemptPath, status: 200, body: { attempt: finished } }];
    expect(
      await screen.findByText('Time is up. The answers the server received before now count.', undefined, {
        timeout: 4000,
      }),
    ).toHaveAttribute('role', 'status');
    expect(await screen.findByRole('heading', { name: 'Your results' })).toBeInTheDocument();
  });

  it('shows the results when the server refuses an answer because time is up', async () => {
    const running = timed(Date.now() + 5 * 60_000);
    network.routes = [{ method: 'GET', path: attemptPath, status: 200, body: { attempt: running } }];
    useStudentAttemptStore.getState().attemptStarted(ASSIGNMENT_ID, attemptSchema.parse(running), null);
    const user = userEvent.setup();
    renderApp(`/s/${ASSIGNMENT_ID}`);
    expect(await screen.findByText('Question 1 of 2')).toBeInTheDocument();
    // The device's clock runs behind the server's: the server has ended the attempt already.
    network.routes = [
      {
        method: 'POST',
        path: `${attemptPath}/answers`,
        status: 409,
        body: { error: 'time is up: this answer came after the attempt ended' },
      },
      { method: 'GET', path: attemptPath, status: 200, body: { attempt: finished } },
    ];
    await user.click(screen.getByRole('radio', { name: 'Paris' }));
    await user.click(screen.getByRole('button', { name: 'Save and continue' }));
    expect(await screen.findByRole('heading', { name: 'Your results' })).toBeInTheDocument();
    expect(screen.getByText('Time is up: this answer came after the attempt ended.')).toBeInTheDocument();
    expect(screen.getByText('50%')).toBeInTheDocument();
    expect(useStudentAttemptStore.getState().attempts[ASSIGNMENT_ID]?.pending).toEqual([]);
  });
});
