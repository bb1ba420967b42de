import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useTeacherSessionStore } from '@/features/classroom/server/teacher-session';
import { paths } from '@/navigation/paths';
import { useServerInfoStore } from '@/stores/server-info-store';
import { useFakeServer, type FakeRoute } from '../../kit/fake-server';
import { renderApp } from '../../kit/render-app';

// The server's pages against a stand-in for the network: each test says what the server answers.
const network = useFakeServer();

const ASSIGNMENT_ID = 'AbCdEfGhIjKlMnOpQrStUv';

/** The server's answer to "who is signed in?" for a signed-in teacher. */
const TEACHER = { teacher: { id: 't1', email: 'ada@school.example' } };
/** One of that teacher's assignments, as `GET /api/assignments/:id` answers it. */
const TEACHER_ASSIGNMENT = {
  id: ASSIGNMENT_ID,
  classId: null,
  title: 'Week 4',
  ids: ['a', 'b'],
  mode: 'test',
  minutes: 0,
  sameOrder: false,
  seed: 's',
  opensAt: null,
  closesAt: null,
  attemptsAllowed: 1,
  createdAt: '2026-03-01T09:00:00.000Z',
};

/** What a signed-in teacher's assignment page asks for: who is signed in, the assignment, its students. */
function assignmentPageRoutes(assignment: object, attempts: unknown[] = []): FakeRoute[] {
  return [
    { method: 'GET', path: '/api/auth/session', status: 200, body: TEACHER },
    { method: 'GET', path: `/api/assignments/${ASSIGNMENT_ID}`, status: 200, body: { assignment } },
    { method: 'GET', path: `/api/assignments/${ASSIGNMENT_ID}/progress`, status: 200, body: { attempts } },
  ];
}

describe('teacher sign-in', () => {
  it('shows the server’s words for a wrong email or password, and keeps what was typed', async () => {
    network.routes = [
      { method: 'GET', path: '/api/auth/session', status: 200, body: { teacher: null } },
      { method: 'POST', path: '/api/auth/signin', status: 401, body: { error: 'wrong email or password' } },
    ];
    const user = userEvent.setup();
    renderApp('/teacher/sign-in');
    await user.type(await screen.findByLabelText('Email'), 'ada@school.example');
    await user.type(screen.getByLabelText('Password'), 'not it at all');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Wrong email or password.')).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveValue('ada@school.example');
    expect(network.requests.at(-1)).toEqual({
      method: 'POST',
      path: '/api/auth/signin',
      body: { email: 'ada@school.example', password: 'not it at all' },
    });
  });

  it('says there is no server on static hosting instead of showing a form', async () => {
    useServerInfoStore.setState({ status: 'absent', info: null });
    renderApp('/teacher/sign-in');
    expect(await screen.findByRole('heading', { name: 'No classroom server here' })).toBeInTheDocument();
    expect(screen.queryByLabelText('Password')).not.toBeInTheDocument();
  });
});

describe('the student’s start', () => {
  const assignment = {
    id: ASSIGNMENT_ID,
    title: 'Week 4',
    mode: 'test',
    minutes: 0,
    questionCount: 3,
    opensAt: null,
    closesAt: '2026-03-01T09:00:00.000Z',
    attemptsAllowed: 1,
    isOpen: false,
    whyClosed: 'this assignment is closed',
    roster: ['Ada Lovelace'],
  };

  it('tells a student the assignment has closed, with no way to start', async () => {
    network.routes = [
      { method: 'GET', path: `/api/student/assignments/${ASSIGNMENT_ID}`, status: 200, body: { assignment } },
    ];
    renderApp(`/s/${ASSIGNMENT_ID}`);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /^This assignment closed on .*2026.*; it no longer takes answers\. Ask your teacher/,
    );
    expect(screen.queryByRole('button', { name: 'Start' })).not.toBeInTheDocument();
  });

  it('asks for a name from the roster, or a typed one when it is not there', async () => {
    network.routes = [
      {
        method: 'GET',
        path: `/api/student/assignments/${ASSIGNMENT_ID}`,
        status: 200,
        body: { assignment: { ...assignment, isOpen: true, whyClosed: null } },
      },
      {
        method: 'POST',
        path: `/api/student/assignments/${ASSIGNMENT_ID}/attempts`,
        status: 403,
        body: { error: 'you have used the 1 attempt this assignment allows' },
      },
    ];
    const user = userEvent.setup();
    renderApp(`/s/${ASSIGNMENT_ID}`);
    await user.click(await screen.findByRole('button', { name: 'Start' }));
    expect(screen.getByText('Choose your name first.')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Your name'), 'My name is not on the list');
    await user.type(screen.getByLabelText('Type your name'), 'Zed');
    await user.click(screen.getByRole('button', { name: 'Start' }));
    expect(
      await screen.findByText('You have used the 1 attempt this assignment allows.'),
    ).toBeInTheDocument();
    expect(network.requests.at(-1)?.body).toEqual({ name: 'Zed' });
  });
});

describe('the classroom page', () => {
  it('offers server classes only when a server answered', async () => {
    useServerInfoStore.setState({ status: 'absent', info: null });
    const { unmount } = renderApp('/classroom');
    expect(await screen.findByRole('heading', { name: 'Classroom' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Classes on this server' })).not.toBeInTheDocument();
    unmount();
    useServerInfoStore.setState({
      status: 'present',
      info: { server: 'source-quiz', version: '0', allowSignup: true, publicUrl: null, features: [] },
    });
    renderApp('/classroom');
    expect(await screen.findByRole('heading', { name: 'Classes on this server' })).toBeInTheDocument();
  });
});

describe('the administrator’s one-time link', () => {
  const token = 'a'.repeat(43);

  it('sets the password with the token from the link, then offers sign-in', async () => {
    network.routes = [{ method: 'POST', path: '/api/auth/reset-password', status: 204, body: null }];
    const user = userEvent.setup();
    renderApp(`/account/set-password#token=${token}`);
    await user.type(await screen.findByLabelText('New password'), 'violet kettle harbour 1973');
    await user.click(screen.getByRole('button', { name: 'Set the password' }));
    expect(await screen.findByRole('heading', { name: 'Password set' })).toBeInTheDocument();
    expect(network.requests.at(-1)?.body).toEqual({ token, password: 'violet kettle harbour 1973' });
  });

  it('says so when the link was used already', async () => {
    network.routes = [
      {
        method: 'POST',
        path: '/api/auth/reset-password',
        status: 400,
        body: { error: 'this link has expired or has already been used; ask for a new one' },
      },
    ];
    const user = userEvent.setup();
    renderApp(`/account/set-password#token=${token}`);
    await user.type(await screen.findByLabelText('New password'), 'violet kettle harbour 1973');
    await user.click(screen.getByRole('button', { name: 'Set the password' }));
    expect(
      await screen.findByText('This link has expired or has already been used; ask for a new one.'),
    ).toBeInTheDocument();
  });
});

describe('the main menu for a teacher', () => {
  beforeEach(() => useTeacherSessionStore.setState({ status: 'unknown', teacher: null }));
  afterEach(() => useTeacherSessionStore.setState({ status: 'unknown', teacher: null }));

  it('offers a signed-in teacher a link to their classes, reached by keyboard', async () => {
    network.routes = [
      {
        method: 'GET',
        path: '/api/auth/session',
        status: 200,
        body: { teacher: { id: 't1', email: 'ada@school.example' } },
      },
      { method: 'GET', path: '/api/classes', status: 200, body: { classes: [] } },
      { method: 'GET', path: '/api/assignments', status: 200, body: { assignments: [] } },
    ];
    const user = userEvent.setup();
    renderApp('/');
    const menu = screen.getByRole('navigation', { name: 'Main' });
    const link = await within(menu).findByRole('link', { name: 'My classes' });
    for (let presses = 0; presses < 20 && document.activeElement !== link; presses += 1) await user.tab();
    expect(link).toHaveFocus();
    // Following it loads the teacher's pages, which the browser test of the server walks through.
    expect(link).toHaveAttribute('href', paths.teacher());
  });

  it('shows no teacher link to someone not signed in, nor with no server', async () => {
    network.routes = [{ method: 'GET', path: '/api/auth/session', status: 200, body: { teacher: null } }];
    const { unmount } = renderApp('/');
    await waitFor(() => expect(useTeacherSessionStore.getState().status).toBe('signed-out'));
    expect(screen.queryByRole('link', { name: 'My classes' })).not.toBeInTheDocument();
    unmount();
    useTeacherSessionStore.setState({ status: 'unknown', teacher: null });
    useServerInfoStore.setState({ status: 'absent', info: null });
    network.requests.length = 0;
    renderApp('/');
    expect(await screen.findByRole('navigation', { name: 'Main' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'My classes' })).not.toBeInTheDocument();
    expect(network.requests.filter((request) => request.path === '/api/auth/session')).toEqual([]);
  });
});

describe('deleting, with a confirmation', () => {
  const klass = {
    id: 'ClAsSiDcLaSsIdClAsSiDc',
    name: 'Year 9',
    roster: [],
    createdAt: '2026-03-01T09:00:00.000Z',
  };
  const assignment = TEACHER_ASSIGNMENT;
  beforeEach(() => useTeacherSessionStore.setState({ status: 'signed-in', teacher: TEACHER.teacher }));
  afterEach(() => useTeacherSessionStore.setState({ status: 'unknown', teacher: null }));

  it('deletes an assignment only after the teacher confirms, then goes back to their classes', async () => {
    network.routes = [
      ...assignmentPageRoutes(assignment),
      { method: 'DELETE', path: `/api/assignments/${ASSIGNMENT_ID}`, status: 204, body: null },
      { method: 'GET', path: '/api/classes', status: 200, body: { classes: [] } },
      { method: 'GET', path: '/api/assignments', status: 200, body: { assignments: [] } },
    ];
    const user = userEvent.setup();
    renderApp(`/teacher/assignments/${ASSIGNMENT_ID}`);
    await user.click(await screen.findByRole('button', { name: 'Delete this assignment…' }));
    expect(screen.getByText(/^Delete “Week 4” with every student’s answers/)).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(network.requests.some((request) => request.method === 'DELETE')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Delete this assignment…' }));
    await user.click(screen.getByRole('button', { name: 'Yes, delete' }));
    expect(await screen.findByRole('heading', { name: 'My classes', level: 1 })).toBeInTheDocument();
    expect(
      network.requests.filter((request) => request.method === 'DELETE').map((request) => request.path),
    ).toEqual([`/api/assignments/${ASSIGNMENT_ID}`]);
  });

  it('deletes a class after confirmation, and shows the server’s refusal if there is one', async () => {
    network.routes = [
      { method: 'GET', path: '/api/auth/session', status: 200, body: TEACHER },
      { method: 'GET', path: '/api/classes', status: 200, body: { classes: [klass] } },
      { method: 'GET', path: '/api/assignments', status: 200, body: { assignments: [] } },
    ];
    const user = userEvent.setup();
    renderApp('/teacher');
    await user.click(await screen.findByRole('button', { name: 'Delete the class Year 9…' }));
    await user.click(screen.getByRole('button', { name: 'Yes, delete' }));
    expect(await screen.findByText('Not found.')).toBeInTheDocument();
    network.routes = [
      { method: 'DELETE', path: `/api/classes/${klass.id}`, status: 204, body: null },
      { method: 'GET', path: '/api/classes', status: 200, body: { classes: [] } },
    ];
    await user.click(screen.getByRole('button', { name: 'Yes, delete' }));
    expect(await screen.findByText('No classes yet: create one below.')).toBeInTheDocument();
  });
});

describe('starting a live session', () => {
  const assignment = { ...TEACHER_ASSIGNMENT, mode: 'practice', sameOrder: true };
  beforeEach(() => useTeacherSessionStore.setState({ status: 'signed-in', teacher: TEACHER.teacher }));
  afterEach(() => useTeacherSessionStore.setState({ status: 'unknown', teacher: null }));

  it('has no countdown, speed points or leaderboard unless the teacher chooses them', async () => {
    network.routes = [
      ...assignmentPageRoutes(assignment),
      { method: 'POST', path: '/api/live', status: 400, body: { error: 'stop here' } },
    ];
    const user = userEvent.setup();
    renderApp(`/teacher/assignments/${ASSIGNMENT_ID}`);
    const start = await screen.findByRole('button', { name: 'Run it live in class' });
    expect(screen.getByRole('combobox', { name: 'Countdown per question' })).toHaveValue('off');
    await user.click(start);
    expect(screen.getByRole('checkbox', { name: 'Bonus points for speed' })).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Show a leaderboard' })).not.toBeChecked();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Countdown per question' }), '1 minute');
    await user.click(start);
    await user.click(screen.getByRole('checkbox', { name: 'Bonus points for speed' }));
    await user.click(screen.getByRole('checkbox', { name: 'Show a leaderboard' }));
    await user.click(start);
    const sent = network.requests.filter((request) => request.path === '/api/live');
    expect(sent.map((request) => request.body)).toEqual([
      {
        assignmentId: ASSIGNMENT_ID,
        options: { countdownSeconds: null, speedPoints: false, leaderboard: false },
      },
      {
        assignmentId: ASSIGNMENT_ID,
        options: { countdownSeconds: 60, speedPoints: false, leaderboard: false },
      },
      {
        assignmentId: ASSIGNMENT_ID,
        options: { countdownSeconds: 60, speedPoints: true, leaderboard: true },
      },
    ]);
  });
});

describe("a teacher's assignment, on a first visit", () => {
  const assignment = { ...TEACHER_ASSIGNMENT, title: 'Week 5', mode: 'practice' };
  const attempt = {
    student: 'Grace Hopper',
    number: 1,
    startedAt: '2026-03-01T09:05:00.000Z',
    finishedAt: null,
    answered: 1,
    questionCount: 2,
    points: null,
  };
  afterEach(() => useTeacherSessionStore.setState({ status: 'unknown', teacher: null }));

  /** The fake server's fetch, with the answer to "who is signed in?" held until `release` is called. */
  function holdSessionAnswer(): () => void {
    const answer = globalThis.fetch;
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
      if (input === '/api/auth/session') await held;
      return answer(input, init);
    });
    return release;
  }

  it('asks for the assignment and its students while the sign-in is checked, once each', async () => {
    network.routes = assignmentPageRoutes(assignment, [attempt]);
    const release = holdSessionAnswer();
    renderApp(`/teacher/assignments/${ASSIGNMENT_ID}`);
    await waitFor(() =>
      expect(network.requests.map((request) => request.path)).toEqual(
        expect.arrayContaining([
          `/api/assignments/${ASSIGNMENT_ID}`,
          `/api/assignments/${ASSIGNMENT_ID}/progress`,
        ]),
      ),
    );
    expect(screen.queryByRole('heading', { name: 'Week 5' })).not.toBeInTheDocument();
    release();
    expect(await screen.findByRole('heading', { name: 'Week 5', level: 1 })).toBeInTheDocument();
    expect(await screen.findByRole('rowheader', { name: 'Grace Hopper' })).toBeInTheDocument();
    const paths = network.requests.map((request) => request.path);
    expect(paths.filter((path) => path.startsWith('/api/assignments/')).sort()).toEqual([
      `/api/assignments/${ASSIGNMENT_ID}`,
      `/api/assignments/${ASSIGNMENT_ID}/progress`,
    ]);
  });

  it('asks again after the sign-in when the early answer was a refusal', async () => {
    network.routes = [
      { method: 'GET', path: '/api/auth/session', status: 200, body: TEACHER },
      {
        method: 'GET',
        path: `/api/assignments/${ASSIGNMENT_ID}`,
        status: 401,
        body: { error: 'sign in first' },
      },
      {
        method: 'GET',
        path: `/api/assignments/${ASSIGNMENT_ID}/progress`,
        status: 401,
        body: { error: 'sign in first' },
      },
    ];
    const release = holdSessionAnswer();
    renderApp(`/teacher/assignments/${ASSIGNMENT_ID}`);
    // The session's answer is held, so only the two early requests have arrived.
    await waitFor(() => expect(network.requests).toHaveLength(2));
    // Signed in meanwhile (in another tab, say): the server now answers.
    network.routes[1] = { ...network.routes[1]!, status: 200, body: { assignment } };
    network.routes[2] = { ...network.routes[2]!, status: 200, body: { attempts: [attempt] } };
    release();
    expect(await screen.findByRole('heading', { name: 'Week 5', level: 1 })).toBeInTheDocument();
    expect(await screen.findByRole('rowheader', { name: 'Grace Hopper' })).toBeInTheDocument();
  });
});
