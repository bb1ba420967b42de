import { describe, expect, it } from 'vitest';
import { attemptAsSession } from '@/features/classroom/server/attempt-as-session';
import type { ServerAttempt } from '@/features/classroom/server/api-responses';
import {
  newAnswerId,
  withAnswerQueued,
  withAnswerSettled,
} from '@/features/classroom/server/pending-answers';
import { probeServer } from '@/app/probe-server';
import { useServerInfoStore } from '@/stores/server-info-store';
import type { Question } from '@/domain/question';

const question: Question = {
  id: 'q-year',
  bank: 'starter',
  type: 'year',
  prompt: 'In which year?',
  answer: 1973,
  explanation: 'Because the document says so.',
  citations: [{ source: 'doc', passage: 'p1', quote: 'in 1973' }],
  topics: ['dates'],
  difficulty: 1,
} as const satisfies Question;
const other: Question = { ...question, id: 'q-other', prompt: 'And this one?' };

function finishedAttempt(): ServerAttempt {
  const grade = {
    questionId: 'q-year',
    points: 1,
    maxPoints: 1 as const,
    verdict: 'correct' as const,
    isCorrect: true,
    given: '1973',
    expected: '1973',
  };
  return {
    id: 'A'.repeat(22),
    student: 'Ada',
    number: 1,
    assignment: { id: 'B'.repeat(22), title: 'Week 4', mode: 'test', minutes: 0 },
    startedAt: '2026-03-01T08:00:00.000Z',
    endsAt: null,
    finishedAt: '2026-03-01T08:10:00.000Z',
    questions: [],
    answers: [{ index: 0, answerId: 'x1x2x3x4', response: {}, receivedAt: '2026-03-01T08:05:00.000Z' }],
    result: {
      points: 1,
      maxPoints: 2,
      percent: 50,
      results: [
        {
          presented: { question, choiceOrder: [], leftOrder: [] },
          response: { type: 'year', text: '1973' },
          grade,
        },
        {
          presented: { question: other, choiceOrder: [], leftOrder: [] },
          response: { type: 'single', choice: null },
          grade: { ...grade, questionId: 'q-other', points: 0, verdict: 'unanswered', isCorrect: false },
        },
      ],
    },
  };
}

describe('a finished server attempt as a session for the history', () => {
  it('keeps the answered questions with the server’s grade and time, and leaves the others unanswered', () => {
    const session = attemptAsSession(finishedAttempt());
    expect(session?.questions.map((presented) => presented.question.id)).toEqual(['q-year', 'q-other']);
    expect(Object.keys(session?.submissions ?? {})).toEqual(['q-year']);
    expect(session?.submissions['q-year']).toMatchObject({
      response: { type: 'year', text: '1973' },
      grade: { points: 1, verdict: 'correct' },
      submittedAt: Date.parse('2026-03-01T08:05:00.000Z'),
    });
    expect(session?.finishedAt).toBe(Date.parse('2026-03-01T08:10:00.000Z'));
  });

  it('is nothing until the server has sent the result', () => {
    expect(attemptAsSession({ ...finishedAttempt(), result: null, finishedAt: null })).toBeUndefined();
  });
});

describe('answers waiting to be sent', () => {
  const first = { answerId: 'aaaaaaaa', index: 0, response: { type: 'year', text: '1972' } } as const;
  const again = { answerId: 'bbbbbbbb', index: 0, response: { type: 'year', text: '1973' } } as const;
  const second = { answerId: 'cccccccc', index: 1, response: { type: 'year', text: '1990' } } as const;

  it('keeps one unsent answer per question, the latest, in the order given', () => {
    expect(withAnswerQueued(withAnswerQueued([first, second], again), second).map((a) => a.answerId)).toEqual(
      ['bbbbbbbb', 'cccccccc'],
    );
  });

  it('drops only the answer the server settled', () => {
    expect(withAnswerSettled([first, second], 'aaaaaaaa')).toEqual([second]);
  });

  it('makes ids the server accepts (8 to 64 of A-Z a-z 0-9 _ -), different for different bytes', () => {
    const one = newAnswerId(new Uint8Array(12).fill(1));
    expect(one).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(newAnswerId(new Uint8Array(12).fill(2))).not.toBe(one);
  });
});

describe('finding out whether a server is there', () => {
  const answering = (status: number, body: unknown) => () =>
    Promise.resolve(new Response(JSON.stringify(body), { status }));

  it('shows the server features when /api/info answers as our server', async () => {
    await probeServer(
      answering(200, {
        server: 'source-quiz',
        version: '1',
        allowSignup: true,
        publicUrl: null,
        features: [],
      }),
    );
    expect(useServerInfoStore.getState().status).toBe('present');
  });

  it('keeps to links and codes on static hosting (the app page, a 404) or offline', async () => {
    for (const fetchImpl of [
      () => Promise.resolve(new Response('<!doctype html><title>x</title>', { status: 200 })),
      answering(404, { error: 'not found' }),
      answering(200, { server: 'someone-else' }),
      answering(200, { server: 'source-quiz', version: 2, allowSignup: true, publicUrl: null, features: [] }),
      answering(200, {
        server: 'source-quiz',
        version: '2',
        allowSignup: 'yes',
        publicUrl: null,
        features: [],
      }),
      () => Promise.reject(new TypeError('Failed to fetch')),
    ]) {
      useServerInfoStore.setState({ status: 'checking', info: null });
      await probeServer(fetchImpl);
      expect(useServerInfoStore.getState().status).toBe('absent');
    }
  });
});
