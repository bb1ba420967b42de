import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ServerAttempt } from '@/features/classroom/server/api-responses';

// The network as the student's device meets it: every request waits until the test lets it through,
// so answers can be given and handed in while an earlier answer is still on its way.
const requests: { kind: 'answer' | 'submit'; index?: number; release: () => void }[] = [];

vi.mock('@/features/classroom/server/api-client', () => ({
  api: {
    answer: (_attemptId: string, answer: { answerId: string; index: number }) =>
      new Promise((resolve) => {
        requests.push({
          kind: 'answer',
          index: answer.index,
          release: () =>
            resolve({
              ok: true,
              data: { answerId: answer.answerId, index: answer.index, receivedAt: '2026-03-01T08:05:00Z' },
            }),
        });
      }),
    submit: () =>
      new Promise((resolve) => {
        requests.push({
          kind: 'submit',
          release: () => resolve({ ok: false, status: 409, isOffline: false, message: 'handed in' }),
        });
      }),
    attempt: () => Promise.resolve({ ok: false, status: 0, isOffline: true, message: 'offline' }),
  },
}));

const { giveAnswer, handIn } = await import('@/features/classroom/server/attempt-sync');
const { useStudentAttemptStore } = await import('@/features/classroom/server/student-attempt-store');

const ASSIGNMENT = 'B'.repeat(22);
const attempt: ServerAttempt = {
  id: 'A'.repeat(22),
  student: 'Ada',
  number: 1,
  assignment: { id: ASSIGNMENT, title: 'Week 4', mode: 'test', minutes: 0 },
  startedAt: '2026-03-01T08:00:00.000Z',
  endsAt: null,
  finishedAt: null,
  questions: [],
  answers: [],
  result: null,
};

/** Lets the oldest waiting request through, then lets the promises that follow it run. */
async function releaseNext(): Promise<void> {
  requests.shift()?.release();
  for (let turn = 0; turn < 10; turn += 1) await Promise.resolve();
}

const year = (text: string) => ({ type: 'year', text }) as const;

beforeEach(() => {
  requests.length = 0;
  useStudentAttemptStore.setState({ attempts: {} });
  useStudentAttemptStore.getState().attemptStarted(ASSIGNMENT, attempt, null);
});

describe('answers sent from a student’s device', () => {
  it('sends an answer given while the one before is still on its way', async () => {
    void giveAnswer(ASSIGNMENT, 0, year('1973'));
    const second = giveAnswer(ASSIGNMENT, 1, year('1974'));
    expect(requests.map((request) => request.index)).toEqual([0]);
    await releaseNext();
    expect(requests.map((request) => request.index)).toEqual([1]);
    await releaseNext();
    await second;
    expect(useStudentAttemptStore.getState().attempts[ASSIGNMENT]?.pending).toEqual([]);
  });

  it('hands in only after every answer given before it has reached the server', async () => {
    void giveAnswer(ASSIGNMENT, 0, year('1973'));
    void giveAnswer(ASSIGNMENT, 1, year('1974'));
    const handedIn = handIn(ASSIGNMENT);
    await releaseNext();
    expect(requests.map((request) => request.kind)).toEqual(['answer']);
    await releaseNext();
    expect(requests.map((request) => request.kind)).toEqual(['submit']);
    await releaseNext();
    await handedIn;
  });
});
