import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ContentContext } from '@/hooks/use-content';
import { keepSeat, readSeat } from '@/features/classroom/live/live-client';
import { LiveDispute, LiveDisputeList, useOwnLiveDisputes } from '@/features/classroom/live/live-dispute';
import { sendWaitingDisputes } from '@/features/classroom/live/live-dispute-queue';
import type { QuestionOfType } from '@/domain/question';
import { gradeAnswer } from '@/engine/grade-answer';
import { attemptSchema } from '@/features/classroom/server/api-responses';
import { useStudentAttemptStore } from '@/features/classroom/server/student-attempt-store';
import { useTeacherSessionStore } from '@/features/classroom/server/teacher-session';
import { captureDownloads, textOf } from '../../kit/downloads';
import { useFakeServer } from '../../kit/fake-server';
import { fixtureAccess, fixtureQuestion } from '../../kit/fixture-content';
import { renderApp, renderPage } from '../../kit/render-app';

const network = useFakeServer();

const ASSIGNMENT_ID = 'AbCdEfGhIjKlMnOpQrStUv';
const ATTEMPT_ID = 'AtTeMpTiDaTtEmPtIdAtTe';
const DISPUTE_ID = 'DiSpUtEiDdIsPuTeIdDiSp';
const attemptPath = `/api/student/attempts/${ATTEMPT_ID}`;
const PASSAGE = 'The lighthouse at Kell Point was built in 1862 by the engineer Ada Morrow.';

const engineer = fixtureQuestion('kp-engineer') as QuestionOfType<'single'>;
const [rightChoice, wrongChoice, thirdChoice] = engineer.choices.map((choice) => choice.id);
const presented = { question: engineer, choiceOrder: engineer.choices.map((c) => c.id), leftOrder: [] };
const response = { type: 'single' as const, choice: wrongChoice ?? null };
const grade = gradeAnswer(presented, response);

const finished = {
  id: ATTEMPT_ID,
  student: 'Ada Lovelace',
  number: 1,
  assignment: { id: ASSIGNMENT_ID, title: 'Week 4', mode: 'test', minutes: 0 },
  startedAt: '2026-03-01T09:00:00.000Z',
  endsAt: null,
  finishedAt: '2026-03-01T09:10:00.000Z',
  questions: [
    {
      index: 0,
      type: 'single',
      prompt: engineer.prompt,
      topics: engineer.topics,
      difficulty: 1,
      choices: engineer.choices.map((choice, at) => ({ id: `c${at + 1}`, text: choice.text })),
      left: [],
    },
  ],
  answers: [],
  result: { points: 0, maxPoints: 1, percent: 0, results: [{ presented, response, grade }] },
};

const filed = {
  id: DISPUTE_ID,
  disputeId: 'made-by-the-device',
  index: 0,
  kind: 'key',
  message: 'The passage names him.',
  selection: { source: 'kell-point', passage: 'built', start: 63, end: 73 },
  status: 'open',
  reply: null,
  createdAt: '2026-03-01T09:12:00.000Z',
  answeredAt: null,
};

/** Selects the given words of the passage on the page, as a mouse drag would. */
function selectInPassage(words: string) {
  const passage = screen.getByText(PASSAGE);
  const text = passage.firstChild;
  if (!text) throw new Error('the passage has no text');
  const range = document.createRange();
  range.setStart(text, PASSAGE.indexOf(words));
  range.setEnd(text, PASSAGE.indexOf(words) + words.length);
  const selection = document.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  fireEvent.mouseUp(passage);
}

describe('a student disputing a question of a finished attempt', () => {
  beforeEach(() => {
    useStudentAttemptStore.getState().attemptStarted(ASSIGNMENT_ID, attemptSchema.parse(finished), 'CODE');
  });
  afterEach(() => useStudentAttemptStore.setState({ attempts: {} }));

  it('sends the kind, the line and the words selected in the passage, as offsets in it', async () => {
    network.routes = [
      { method: 'GET', path: attemptPath, status: 200, body: { attempt: finished } },
      { method: 'GET', path: `${attemptPath}/disputes`, status: 200, body: { disputes: [] } },
      { method: 'POST', path: `${attemptPath}/disputes`, status: 201, body: { dispute: filed } },
    ];
    const user = userEvent.setup();
    await renderPage(`/s/${ASSIGNMENT_ID}`, { content: fixtureAccess() });
    await user.click(await screen.findByRole('button', { name: 'Dispute this question' }));
    const form = await screen.findByRole('form', { name: 'Dispute this question' });
    await user.click(within(form).getByRole('radio', { name: 'The key (the right answer) is wrong' }));
    await user.type(within(form).getByLabelText('In a line, why'), 'The passage names <b>him</b>.');
    selectInPassage('Ada Morrow');
    await user.click(within(form).getByRole('button', { name: 'Use the words I selected' }));
    expect(within(form).getByLabelText('Words from the passage as evidence (optional)')).toHaveValue(
      'Ada Morrow',
    );
    await user.click(within(form).getByRole('button', { name: 'Send to my teacher' }));

    expect(
      await screen.findByText('Your dispute is with your teacher. Their reply appears here.'),
    ).toBeInTheDocument();
    const sent = network.requests.find((request) => request.method === 'POST');
    expect(sent?.body).toEqual({
      disputeId: expect.stringMatching(/^[0-9a-f]{24}$/),
      index: 0,
      kind: 'key',
      message: 'The passage names <b>him</b>.',
      selection: { source: 'kell-point', passage: 'built', start: 63, end: 73 },
    });
  });

  it('says so when the quoted words are not in the passage, and shows the server’s refusal', async () => {
    network.routes = [
      { method: 'GET', path: attemptPath, status: 200, body: { attempt: finished } },
      { method: 'GET', path: `${attemptPath}/disputes`, status: 200, body: { disputes: [] } },
      {
        method: 'POST',
        path: `${attemptPath}/disputes`,
        status: 409,
        body: { error: 'you have already filed 3 disputes on this question; your teacher will answer them' },
      },
    ];
    const user = userEvent.setup();
    await renderPage(`/s/${ASSIGNMENT_ID}`, { content: fixtureAccess() });
    await user.click(await screen.findByRole('button', { name: 'Dispute this question' }));
    const form = await screen.findByRole('form', { name: 'Dispute this question' });
    await user.click(within(form).getByRole('button', { name: 'Use the words I selected' }));
    expect(
      within(form).getByText('Select some words in the passage first, or type them below.'),
    ).toBeInTheDocument();
    await user.type(within(form).getByLabelText('In a line, why'), 'Wrong.');
    await user.type(
      within(form).getByLabelText('Words from the passage as evidence (optional)'),
      'built in 1863',
    );
    await user.click(within(form).getByRole('button', { name: 'Send to my teacher' }));
    expect(
      within(form).getByText('These words are not in the passage: copy them exactly, or select them.'),
    ).toBeInTheDocument();
    expect(network.requests.filter((request) => request.method === 'POST')).toEqual([]);

    await user.clear(within(form).getByLabelText('Words from the passage as evidence (optional)'));
    await user.click(within(form).getByRole('button', { name: 'Send to my teacher' }));
    expect(
      await within(form).findByText(
        'You have already filed 3 disputes on this question; your teacher will answer them.',
      ),
    ).toBeInTheDocument();
  });

  it('keeps a dispute filed offline on the device and sends it when the network is back', async () => {
    network.routes = [
      { method: 'GET', path: attemptPath, status: 200, body: { attempt: finished } },
      { method: 'GET', path: `${attemptPath}/disputes`, status: 200, body: { disputes: [] } },
      { method: 'POST', path: `${attemptPath}/disputes`, status: 201, body: { dispute: filed } },
    ];
    const user = userEvent.setup();
    await renderPage(`/s/${ASSIGNMENT_ID}`, { content: fixtureAccess() });
    await user.click(await screen.findByRole('button', { name: 'Dispute this question' }));
    const form = await screen.findByRole('form', { name: 'Dispute this question' });
    await user.type(within(form).getByLabelText('In a line, why'), 'The passage names him.');
    network.isOffline = true;
    await user.click(within(form).getByRole('button', { name: 'Send to my teacher' }));
    expect(
      await screen.findByText(
        'Your dispute is saved on this device: it goes to your teacher by itself when the connection is back.',
      ),
    ).toBeInTheDocument();
    const waiting = useStudentAttemptStore.getState().attempts[ASSIGNMENT_ID]?.pendingDisputes;
    expect(waiting).toEqual([
      expect.objectContaining({ index: 0, kind: 'key', message: 'The passage names him.', selection: null }),
    ]);
    const disputeId = waiting?.[0]?.disputeId;
    expect(disputeId).toMatch(/^[0-9a-f]{24}$/);
    expect(network.requests.filter((request) => request.method === 'POST')).toEqual([]);

    network.isOffline = false;
    await act(async () => {
      window.dispatchEvent(new Event('online'));
    });
    expect(
      await screen.findByText('Your dispute is with your teacher. Their reply appears here.'),
    ).toBeInTheDocument();
    const posts = network.requests.filter((request) => request.method === 'POST');
    expect(posts).toEqual([
      {
        method: 'POST',
        path: `${attemptPath}/disputes`,
        body: { disputeId, index: 0, kind: 'key', message: 'The passage names him.', selection: null },
      },
    ]);
    expect(useStudentAttemptStore.getState().attempts[ASSIGNMENT_ID]?.pendingDisputes).toEqual([]);
  });

  it('sends a dispute whose reply was lost again with the same id, so the server files it once', async () => {
    network.routes = [
      { method: 'GET', path: attemptPath, status: 200, body: { attempt: finished } },
      { method: 'GET', path: `${attemptPath}/disputes`, status: 200, body: { disputes: [] } },
      { method: 'POST', path: `${attemptPath}/disputes`, status: 503, body: { error: 'busy' } },
    ];
    const user = userEvent.setup();
    await renderPage(`/s/${ASSIGNMENT_ID}`, { content: fixtureAccess() });
    await user.click(await screen.findByRole('button', { name: 'Dispute this question' }));
    const form = await screen.findByRole('form', { name: 'Dispute this question' });
    await user.type(within(form).getByLabelText('In a line, why'), 'The passage names him.');
    await user.click(within(form).getByRole('button', { name: 'Send to my teacher' }));
    expect(
      await screen.findByText(
        'Your dispute is saved on this device: it goes to your teacher by itself when the connection is back.',
      ),
    ).toBeInTheDocument();
    network.routes = network.routes.map((route) =>
      route.method === 'POST' ? { ...route, status: 201, body: { dispute: filed } } : route,
    );
    await act(async () => {
      window.dispatchEvent(new Event('online'));
    });
    expect(
      await screen.findByText('Your dispute is with your teacher. Their reply appears here.'),
    ).toBeInTheDocument();
    const ids = network.requests
      .filter((request) => request.method === 'POST')
      .map((request) => (request.body as { disputeId?: unknown }).disputeId);
    expect(ids).toHaveLength(2);
    expect(typeof ids[0]).toBe('string');
    expect(ids[1]).toBe(ids[0]);
  });

  it('shows the teacher’s reply beside the question', async () => {
    network.routes = [
      { method: 'GET', path: attemptPath, status: 200, body: { attempt: finished } },
      {
        method: 'GET',
        path: `${attemptPath}/disputes`,
        status: 200,
        body: { disputes: [{ ...filed, status: 'accepted', reply: 'You are right.' }] },
      },
    ];
    renderApp(`/s/${ASSIGNMENT_ID}`);
    expect(
      await screen.findByText(
        'Your dispute (the key (the right answer) is wrong): accepted. “You are right.”',
      ),
    ).toBeInTheDocument();
  });
});

const teacherDispute = {
  ...filed,
  student: 'Ada Lovelace',
  assignment: { id: ASSIGNMENT_ID, title: 'Week 4' },
  live: null,
  isBuiltIn: true,
  asked: presented,
  current: null,
  response,
  grade,
  passage: { source: 'kell-point', passage: 'built', text: PASSAGE },
  rightCount: { right: 4, answered: 9 },
  change: null,
};

describe('the teacher’s disputes page', () => {
  beforeEach(() => useTeacherSessionStore.setState({ status: 'unknown', teacher: null }));
  afterEach(() => useTeacherSessionStore.setState({ status: 'unknown', teacher: null }));

  const routes = (disputes: unknown[]) => [
    {
      method: 'GET',
      path: '/api/auth/session',
      status: 200,
      body: { teacher: { id: 't1', email: 'ada@school.example' } },
    },
    { method: 'GET', path: '/api/disputes', status: 200, body: { disputes } },
  ];

  it('shows each dispute with the question, the response, the selection marked and the count of right answers', async () => {
    network.routes = routes([teacherDispute]);
    renderApp('/teacher/disputes');
    const card = await screen.findByRole('article', { name: 'Ada Lovelace · Week 4' });
    expect(within(card).getByText(engineer.prompt)).toBeInTheDocument();
    expect(within(card).getByText(`${grade.given} (wrong)`)).toBeInTheDocument();
    expect(within(card).getByText('4 of 9 answers in this assignment are right')).toBeInTheDocument();
    expect(within(card).getByText('Ada Morrow', { selector: 'mark' })).toBeInTheDocument();
    expect(within(card).getByText('The key (the right answer) is wrong')).toBeInTheDocument();
  });

  it('asks for the change first, then accepts a new key with the reply', async () => {
    network.routes = [
      ...routes([teacherDispute]),
      {
        method: 'POST',
        path: `/api/disputes/${DISPUTE_ID}/accept`,
        status: 200,
        body: { dispute: { ...filed, status: 'accepted', reply: 'Right.' }, regraded: 9, changed: 2 },
      },
    ];
    const user = userEvent.setup();
    renderApp('/teacher/disputes');
    const card = await screen.findByRole('article', { name: 'Ada Lovelace · Week 4' });
    await user.click(within(card).getByRole('button', { name: 'Accept and regrade everyone' }));
    expect(within(card).getByText('Choose the change to accept first.')).toBeInTheDocument();
    const third = engineer.choices.find((choice) => choice.id === thirdChoice);
    await user.selectOptions(within(card).getByLabelText('Change the right answer to'), third?.text ?? '');
    await user.type(within(card).getByLabelText('Your reply to the learner'), 'Right.');
    await user.click(within(card).getByRole('button', { name: 'Accept and regrade everyone' }));
    const accepted = network.requests.find((request) => request.path.endsWith('/accept'));
    expect(accepted?.body).toEqual({ reply: 'Right.', change: { kind: 'change-key', key: thirdChoice } });
    expect(rightChoice).not.toBe(thirdChoice);
  });

  it('rejects with the reply typed', async () => {
    network.routes = [
      ...routes([teacherDispute]),
      {
        method: 'POST',
        path: `/api/disputes/${DISPUTE_ID}/reject`,
        status: 200,
        body: { dispute: { ...filed, status: 'rejected', reply: 'The key follows the passage.' } },
      },
    ];
    const user = userEvent.setup();
    renderApp('/teacher/disputes');
    const card = await screen.findByRole('article', { name: 'Ada Lovelace · Week 4' });
    await user.type(within(card).getByLabelText('Your reply to the learner'), 'The key follows the passage.');
    await user.click(within(card).getByRole('button', { name: 'Reject with this reply' }));
    const rejected = network.requests.find((request) => request.path.endsWith('/reject'));
    expect(rejected?.body).toEqual({ reply: 'The key follows the passage.' });
  });

  it('lists a live player’s dispute under the session it came from', async () => {
    network.routes = routes([
      {
        ...teacherDispute,
        student: 'Zed',
        assignment: null,
        live: { id: 'LiVeSeSsIoNiDlIvEsEsS0', title: 'Friday quiz' },
        rightCount: { right: 3, answered: 20 },
      },
    ]);
    renderApp('/teacher/disputes');
    const card = await screen.findByRole('article', { name: 'Zed · Friday quiz (live session)' });
    expect(within(card).getByText('3 of 20 answers in this live session are right')).toBeInTheDocument();
    expect(within(card).getByText(`${grade.given} (wrong)`)).toBeInTheDocument();
    expect(within(card).getByText('Ada Morrow', { selector: 'mark' })).toBeInTheDocument();
  });

  it('offers an accepted change to a built-in question as a YAML patch for the bank’s authors', async () => {
    const revised = { ...engineer, answer: thirdChoice ?? '' };
    network.routes = routes([
      {
        ...teacherDispute,
        status: 'accepted',
        reply: 'Right.',
        answeredAt: '2026-03-01T09:20:00.000Z',
        current: revised,
        change: {
          change: { kind: 'change-key', key: thirdChoice },
          changedBy: 'ada@school.example',
          changedAt: '2026-03-01T09:20:00.000Z',
        },
      },
      // The teacher's own question (not from a built-in bank) has nothing to send anyone.
      {
        ...teacherDispute,
        id: 'OtHeRdIsPuTeIdOtHeRdI0',
        student: 'Bo',
        isBuiltIn: false,
        status: 'accepted',
        reply: 'Fixed.',
        current: revised,
        change: { change: { kind: 'change-key', key: thirdChoice }, changedBy: 'me', changedAt: 'now' },
      },
    ]);
    const downloads = captureDownloads();
    const user = userEvent.setup();
    renderApp('/teacher/disputes');
    const own = await screen.findByRole('article', { name: 'Bo · Week 4' });
    expect(within(own).queryByRole('button', { name: /YAML patch/ })).toBeNull();
    const card = screen.getByRole('article', { name: 'Ada Lovelace · Week 4' });
    await user.click(
      within(card).getByRole('button', { name: 'Download the YAML patch for the bank’s authors' }),
    );
    await waitFor(() => expect(downloads.map((file) => file.name)).toEqual([`patch-${engineer.id}.yaml`]));
    const patch: unknown = parse(await textOf(downloads[0]!.blob));
    expect(patch).toEqual({
      question: engineer.id,
      bank: engineer.bank,
      change: { kind: 'change-key', key: thirdChoice },
      fields: [{ field: 'answer', old: rightChoice, new: thirdChoice }],
      dispute: {
        kind: 'key',
        note: 'The passage names him.',
        quote: { source: 'kell-point', passage: 'built', words: 'Ada Morrow' },
      },
      reply: 'Right.',
      accepted: { by: 'ada@school.example', at: '2026-03-01T09:20:00.000Z' },
    });
  });
});

describe('a live player disputing a revealed question', () => {
  const SESSION_ID = 'LiVeSeSsIoNiDlIvEsEsS0';
  const TOKEN = 'T'.repeat(43);
  afterEach(() => keepSeat(null));

  it('sends the dispute with the seat’s rejoin token to the session, and says it reached the teacher', async () => {
    keepSeat({ sessionId: SESSION_ID, token: TOKEN, pin: '123456' });
    network.routes = [
      {
        method: 'POST',
        path: `/api/student/live/${SESSION_ID}/disputes`,
        status: 201,
        body: { dispute: filed },
      },
    ];
    const user = userEvent.setup();
    await act(async () => {
      render(
        <ContentContext value={fixtureAccess()}>
          <LiveDispute sessionId={SESSION_ID} index={2} question={engineer} disputes={[]} />
        </ContentContext>,
      );
    });
    await user.click(screen.getByRole('button', { name: 'Dispute this question' }));
    const form = await screen.findByRole('form', { name: 'Dispute this question' });
    await user.type(within(form).getByLabelText('In a line, why'), 'Two of these fit.');
    await user.click(within(form).getByRole('radio', { name: 'Another answer is right too' }));
    await user.click(within(form).getByRole('button', { name: 'Send to my teacher' }));
    expect(
      await screen.findByText('Your dispute is with your teacher. Their reply appears here.'),
    ).toBeInTheDocument();
    expect(network.requests).toEqual([
      {
        method: 'POST',
        path: `/api/student/live/${SESSION_ID}/disputes`,
        body: {
          token: TOKEN,
          disputeId: expect.stringMatching(/^[0-9a-f]{24}$/),
          index: 2,
          kind: 'second-answer',
          message: 'Two of these fit.',
          selection: null,
        },
      },
    ]);
  });

  it('keeps a dispute made offline in the seat with its id, and sends it when the network is back', async () => {
    keepSeat({ sessionId: SESSION_ID, token: TOKEN, pin: '123456' });
    network.routes = [
      {
        method: 'POST',
        path: `/api/student/live/${SESSION_ID}/disputes`,
        status: 201,
        body: { dispute: filed },
      },
    ];
    network.isOffline = true;
    const user = userEvent.setup();
    await act(async () => {
      render(
        <ContentContext value={fixtureAccess()}>
          <LiveDispute sessionId={SESSION_ID} index={2} question={engineer} disputes={[]} />
        </ContentContext>,
      );
    });
    await user.click(screen.getByRole('button', { name: 'Dispute this question' }));
    const form = await screen.findByRole('form', { name: 'Dispute this question' });
    await user.type(within(form).getByLabelText('In a line, why'), 'Two of these fit.');
    await user.click(within(form).getByRole('button', { name: 'Send to my teacher' }));
    expect(
      await screen.findByText(
        'Your dispute is saved on this device: it goes to your teacher by itself when the connection is back.',
      ),
    ).toBeInTheDocument();
    const waiting = readSeat()?.pendingDisputes ?? [];
    expect(waiting).toEqual([
      expect.objectContaining({ index: 2, kind: 'key', message: 'Two of these fit.', selection: null }),
    ]);
    network.isOffline = false;
    await act(async () => {
      expect(await sendWaitingDisputes(SESSION_ID)).toBeNull();
    });
    expect(network.requests).toEqual([
      {
        method: 'POST',
        path: `/api/student/live/${SESSION_ID}/disputes`,
        body: {
          token: TOKEN,
          disputeId: waiting[0]?.disputeId,
          index: 2,
          kind: 'key',
          message: 'Two of these fit.',
          selection: null,
        },
      },
    ]);
    expect(readSeat()?.pendingDisputes).toEqual([]);
    expect(
      await screen.findByText('Your dispute is with your teacher. Their reply appears here.'),
    ).toBeInTheDocument();
  });

  it('shows the teacher’s reply beside the revealed question and in the list at the end', async () => {
    keepSeat({ sessionId: SESSION_ID, token: TOKEN, pin: '123456', hasDisputes: true });
    const answered = { ...filed, index: 2, status: 'rejected', reply: 'The passage names only one.' };
    network.routes = [
      {
        method: 'POST',
        path: `/api/student/live/${SESSION_ID}/my-disputes`,
        status: 200,
        body: { disputes: [answered] },
      },
    ];
    function Reveal() {
      const disputes = useOwnLiveDisputes(SESSION_ID, 'reveal 0');
      return (
        <>
          <LiveDispute sessionId={SESSION_ID} index={2} question={engineer} disputes={disputes} />
          <LiveDisputeList sessionId={SESSION_ID} disputes={disputes} />
        </>
      );
    }
    await act(async () => {
      render(
        <ContentContext value={fixtureAccess()}>
          <Reveal />
        </ContentContext>,
      );
    });
    expect(
      await screen.findByText(
        'Your dispute (the key (the right answer) is wrong): not accepted. “The passage names only one.”',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Question 3 (the key (the right answer) is wrong): not accepted. “The passage names only one.”',
      ),
    ).toBeInTheDocument();
    expect(network.requests).toEqual([
      { method: 'POST', path: `/api/student/live/${SESSION_ID}/my-disputes`, body: { token: TOKEN } },
    ]);
  });

  it('offers nothing on a device that is not seated in that session', async () => {
    keepSeat({ sessionId: 'AnOtHeRsEsSiOnIdAnOtHe', token: TOKEN, pin: '123456' });
    await act(async () => {
      render(
        <ContentContext value={fixtureAccess()}>
          <LiveDispute sessionId={SESSION_ID} index={0} question={engineer} disputes={[]} />
        </ContentContext>,
      );
    });
    expect(screen.queryByRole('button', { name: 'Dispute this question' })).toBeNull();
  });
});
