import { describe, expect, it } from 'vitest';
import { builtInContent } from '@/app/built-in-content';
import { apiPathsFor, renderOnRequest } from '@/app/render-on-request';
import { gradeAnswer } from '@/engine/grade-answer';
import { presentQuestion } from '@/engine/present-question';
import { currentQuestion, startQuiz } from '@/engine/quiz-session';
import { createRandom } from '@/engine/random';
import { toStudentQuestion } from '@/server/content/student-question';
import { drawSettingsOf, settingsFromParams } from '@/features/quiz/quiz-settings';

const topics = builtInContent.catalog.topics.map((topic) => topic.id);

/** The first question the browser draws for a quiz's address, as its store does. */
async function firstQuestionAt(search: string) {
  const parsed = settingsFromParams(new URLSearchParams(search), topics);
  if (!parsed.ok) throw new Error(parsed.problem);
  const { settings } = parsed;
  const session = startQuiz({
    pool: await builtInContent.loadQuestions(settings.banks),
    settings: drawSettingsOf(settings),
    seed: settings.seed,
    mode: settings.mode,
    startedAt: Date.now(),
  });
  const presented = currentQuestion(session);
  if (!presented) throw new Error(`no question at ${search}`);
  return presented;
}

const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe("the server's render of a quiz's first question", () => {
  it('shows the question the browser draws for the same address, with its choices', async () => {
    for (const search of [
      '?types=single&count=5&mode=practice&seed=first1',
      '?types=multiple,true-false&count=10&mode=test&seed=first2',
      '?count=all&mode=practice&seed=zz9',
    ]) {
      const page = await renderOnRequest('/quiz/play', search);
      const presented = await firstQuestionAt(search);
      expect(page?.title, search).toBe('Quiz · Source Quiz');
      expect(page?.markup, search).toContain(escaped(presented.question.prompt));
      expect(page?.markup, search).toMatch(/Question <!-- -->1<!-- --> of/);
      for (const choice of presented.question.type === 'single' || presented.question.type === 'multiple'
        ? presented.question.choices
        : [])
        expect(page?.markup, search).toContain(escaped(choice.text));
    }
  });

  it('renders its answer and buttons disabled: a choice made before the code runs would be lost', async () => {
    const page = await renderOnRequest('/quiz/play', '?types=single&count=3&mode=test&seed=first3');
    expect(page?.markup).toMatch(/<fieldset class="answer-choices"[^>]* disabled=""/);
    expect(page?.markup).toMatch(/<button type="submit" class="button" disabled="">Save and continue/);
    expect(page?.markup).toMatch(/disabled="">Finish the test now/);
  });

  it('leaves to the browser what only it can show, and any other address', async () => {
    for (const [path, search] of [
      // A timed quiz's clock starts in the browser; an assignment's questions come from its code.
      ['/quiz/play', '?count=5&minutes=10&seed=first4'],
      ['/quiz/play', '?assignment=AAAA&student=Ann&seed=first5'],
      // "My questions" are on the device only.
      ['/quiz/play', '?banks=my-questions&count=5&seed=first6'],
      // A damaged link gets its error from the browser; no question matches an unknown id.
      ['/quiz/play', '?count=5&seed=NOT-A-SEED'],
      ['/quiz/play', '?ids=no-such-question&count=all&seed=first7'],
      ['/review', ''],
      ['/quiz', '?count=5&seed=first8'],
    ]) {
      expect(await renderOnRequest(path ?? '', search ?? ''), `${path}${search}`).toBeNull();
    }
  });
});

describe("the server's render of a teacher's assignment", () => {
  const id = 'Asg1Asg1Asg1Asg1Asg1Ag';
  const path = `/teacher/assignments/${id}`;
  const assignment = {
    id,
    classId: null,
    title: 'Trade & aid <2020>',
    ids: ['q1', 'q2', 'q3'],
    mode: 'test',
    minutes: 0,
    sameOrder: true,
    seed: 'seed1',
    opensAt: null,
    closesAt: null,
    attemptsAllowed: 2,
    createdAt: '2026-12-01T08:00:00.000Z',
  };
  const attempt = {
    student: 'Ana',
    number: 1,
    startedAt: '2026-12-01T09:00:00.000Z',
    finishedAt: '2026-12-01T09:10:00.000Z',
    questionCount: 3,
    answered: 3,
    points: 2,
  };
  const [assignmentPath = '', progressPath = ''] = apiPathsFor(path);
  const answers = {
    [assignmentPath]: { status: 200, body: { assignment } },
    [progressPath]: {
      status: 200,
      body: { attempts: [attempt, { ...attempt, student: 'Bo', finishedAt: null, points: null }] },
    },
  };
  const origin = 'https://quiz.example.school';

  it('asks the API for the assignment and its students, and only on that page', () => {
    expect(apiPathsFor(path)).toEqual([`/api/assignments/${id}`, `/api/assignments/${id}/progress`]);
    for (const other of [
      '/teacher/assignments/new',
      '/teacher',
      '/quiz/play',
      `${path}/report`,
      '/teacher/assignments/',
    ])
      expect(apiPathsFor(other), other).toEqual([]);
  });

  it('shows the assignment as its page does: title, link and code for students, who started and who finished', async () => {
    const page = await renderOnRequest(path, '', { answers, origin });
    expect(page?.title).toBe('Assignment: Trade & aid <2020> · Source Quiz');
    expect(page?.markup).toContain('<h1>Trade &amp; aid &lt;2020&gt;</h1>');
    expect(page?.markup).toContain(`value="${origin}/s/${id}"`);
    expect(page?.markup).toContain('aria-label="QR code of the link to “Trade &amp; aid &lt;2020&gt;”"');
    expect(page?.markup).toMatch(/2 attempts<!-- --> started, <!-- -->1<!-- --> finished/);
    expect(page?.markup).toMatch(/<th scope="row">Ana<\/th>.*<td>Finished<\/td><td>2 of 3<\/td>/);
    expect(page?.markup).toMatch(/<th scope="row">Bo<\/th>.*<td>Working<\/td>/);
  });

  it('renders its controls disabled: the app replaces the page, and a choice made before would be lost', async () => {
    const markup = (await renderOnRequest(path, '', { answers, origin }))?.markup ?? '';
    for (const control of [
      'Copy the link',
      'Run it live in class',
      'Close it now',
      'Delete this assignment…',
    ])
      expect(markup, control).toMatch(new RegExp(`disabled="">${control}</button>`));
    expect(markup).toMatch(/<select disabled="">/);
    expect(markup.match(/<input type="checkbox" disabled=""\/>/g)).toHaveLength(2);
  });

  it('leaves to the browser a teacher signed out, an assignment not theirs, and an answer it cannot read', async () => {
    const cases: [string, Record<string, { status: number; body: unknown }>][] = [
      ['signed out', { ...answers, [assignmentPath]: { status: 401, body: { error: 'sign in first' } } }],
      [
        'not theirs',
        { ...answers, [assignmentPath]: { status: 404, body: { error: 'no such assignment' } } },
      ],
      ['unreadable', { ...answers, [assignmentPath]: { status: 200, body: { assignment: { id } } } }],
      ['nothing asked', {}],
    ];
    for (const [name, given] of cases)
      expect(await renderOnRequest(path, '', { answers: given, origin }), name).toBeNull();
  });

  it('still shows the assignment when its students cannot be read; the page asks for them itself', async () => {
    const page = await renderOnRequest(path, '', {
      answers: { ...answers, [progressPath]: { status: 500, body: { error: 'database down' } } },
      origin,
    });
    expect(page?.markup).toContain('<h1>Trade &amp; aid &lt;2020&gt;</h1>');
    expect(page?.markup).not.toContain('Students');
  });
});

describe("the server's render of a live player returning to the join page", () => {
  const player = async () => {
    const pool = await builtInContent.loadQuestions([]);
    const question = pool.find((entry) => entry.type === 'single');
    if (!question) throw new Error('the banks need a single-choice question');
    const presented = presentQuestion(question, createRandom('live'));
    const view = {
      sessionId: 'LiVeSeSsIoNiDlIvEsEsS0',
      title: 'Week 5 <live>',
      phase: 'question',
      index: 0,
      questionCount: 3,
      locked: false,
      question: toStudentQuestion(presented, 0),
      countdown: null,
      distribution: null,
      leaderboard: null,
      me: { playerId: 'p1', name: 'Zed', hasAnswered: false, feedback: null, points: 0 },
    };
    return { question, view };
  };

  it('asks the API for the player in the seat cookie, only on the join page', () => {
    expect(apiPathsFor('/live')).toEqual(['/api/live/player']);
    expect(apiPathsFor('/live/other')).toEqual([]);
  });

  it('shows the question as the player sees it, its choices and button disabled until the app has rejoined', async () => {
    const { question, view } = await player();
    const page = await renderOnRequest('/live', '', {
      answers: { '/api/live/player': { status: 200, body: { view, pin: '123456' } } },
      origin: '',
    });
    expect(page?.title).toBe('Week 5 <live> · Source Quiz');
    const markup = page?.markup ?? '';
    expect(markup).toContain(`>${escaped(question.prompt)}</h1>`);
    expect(markup).toContain('Question <!-- -->1<!-- --> of <!-- -->3');
    expect(markup).toContain('<strong>Zed</strong>');
    expect(markup).toMatch(/<fieldset class="answer-choices"[^>]* disabled="">/);
    expect(markup).toMatch(/<button type="submit" class="button" disabled="">Send answer<\/button>/);
    expect(markup).not.toContain('Join a live session');
  });

  it("shows the reveal with the player's grade and the passage, and the end with the score", async () => {
    const { question, view } = await player();
    const presented = presentQuestion(question, createRandom('live'));
    const response = { type: 'single' as const, choice: null };
    const revealed = {
      ...view,
      phase: 'reveal',
      me: { ...view.me, feedback: { presented, response, grade: gradeAnswer(presented, response) } },
    };
    const render = async (shown: unknown) =>
      (
        await renderOnRequest('/live', '', {
          answers: { '/api/live/player': { status: 200, body: { view: shown, pin: '123456' } } },
          origin: '',
        })
      )?.markup ?? '';
    const reveal = await render(revealed);
    expect(reveal).toContain('aria-label="Feedback"');
    expect(reveal).toContain(escaped(question.citations[0]?.quote ?? 'a quote'));
    expect(reveal).toContain('Wait for the next question.');
    const ended = await render({ ...view, phase: 'ended', question: null, me: { ...view.me, points: 2 } });
    expect(ended).toContain('The session has ended');
    expect(ended).toContain('You scored <!-- -->2<!-- --> of <!-- -->3 points');
    expect(ended).toMatch(/disabled="">Join another session<\/button>/);
  });

  it('leaves the join page as built for a device with no seat, a seat the server refuses, or an answer it cannot read', async () => {
    const { view } = await player();
    for (const answer of [
      undefined,
      { status: 401, body: { error: 'this device has not joined a live session' } },
      { status: 404, body: { error: 'this device is not part of that session' } },
      { status: 200, body: { view: { ...view, me: undefined }, pin: '123456' } },
      { status: 200, body: { view } },
    ]) {
      const answers: Record<string, { status: number; body: unknown }> = answer
        ? { '/api/live/player': answer }
        : {};
      expect(await renderOnRequest('/live', '', { answers, origin: '' }), JSON.stringify(answer)).toBeNull();
    }
  });

  it("renders the seat at an address with its session's PIN, not at one with another's", async () => {
    const { view } = await player();
    const answers = { '/api/live/player': { status: 200, body: { view, pin: '123456' } } };
    expect(await renderOnRequest('/live', '?pin=123456', { answers, origin: '' })).not.toBeNull();
    expect(await renderOnRequest('/live', '?pin=654321', { answers, origin: '' })).toBeNull();
    expect(await renderOnRequest('/live', '?pin=', { answers, origin: '' })).toBeNull();
  });
});
