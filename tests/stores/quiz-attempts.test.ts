// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { LearnerResponse } from '@/domain/learner-response';
import { emptyProgress } from '@/engine/progress';
import { quizEvents } from '@/features/quiz/quiz-events';
import { historyRecorded } from '@/stores/history-later';
import { unfinishedAttempts } from '@/engine/quizzes-in-progress';
import { useHistoryStore } from '@/stores/history-store';
import { useQuizStore, type QuizStartInput } from '@/stores/quiz-store';
import { attemptStorageKey, ATTEMPT_PREFIX } from '@/stores/saved-attempt-keys';
import { resetSavedWrites } from '@/stores/saved-writes';
import { storageNotices } from '@/stores/storage-notices';
import { drawPool } from '../engine/fixtures';

const legacyFixture = readFileSync('tests/fixtures/saved-state/quiz-v1.json', 'utf8');
const T0 = Date.UTC(2026, 0, 6, 9);
const pool = drawPool.filter((question) => question.type === 'true-false').slice(0, 5);
const yes: LearnerResponse = { type: 'true-false', value: true };

const input = (key: string, seed: string): QuizStartInput => ({
  key,
  title: `Quiz ${key}`,
  pool,
  settings: { count: 'all' },
  seed,
  mode: 'practice',
  minutes: 0,
  now: T0,
});

/** Answers the question on screen and moves on, as the quiz page does. */
function answerAndGoOn(times: number) {
  for (let i = 0; i < times; i += 1) {
    quizEvents.answered(yes, T0 + i * 1000);
    useQuizStore.getState().nextRequested();
  }
}

/** What a new page sees: nothing in memory, everything read from storage. */
async function reload() {
  useQuizStore.setState({ attempts: {}, currentId: null, session: null, sessionKey: null, timer: null });
  await useQuizStore.getState().savedAttemptsRead();
}

const savedAttemptKeys = () => Object.keys(localStorage).filter((key) => key.startsWith(ATTEMPT_PREFIX));

beforeEach(async () => {
  // What the last test recorded reaches the history before it is emptied, not during this test.
  await historyRecorded();
  localStorage.clear();
  useHistoryStore.setState(emptyProgress());
  useQuizStore.setState({ attempts: {}, currentId: null, session: null, sessionKey: null, timer: null });
  resetSavedWrites();
  storageNotices.setState({ notices: [] });
});

describe('every quiz in progress has its own record', () => {
  it('keeps the first quiz whole while another is taken, and resumes it at the same question', async () => {
    quizEvents.opened(input('assignment', 'a1'));
    answerAndGoOn(3);
    quizEvents.opened(input('practice', 'p1'));
    answerAndGoOn(1);
    expect(savedAttemptKeys()).toHaveLength(2);

    await reload();
    quizEvents.opened(input('assignment', 'a1'));
    const { session } = useQuizStore.getState();
    expect(session?.currentIndex).toBe(3);
    expect(Object.keys(session?.submissions ?? {})).toHaveLength(3);
    expect(unfinishedAttempts(useQuizStore.getState().attempts).map((attempt) => attempt.key)).toEqual([
      'practice',
      'assignment',
    ]);
  });

  it('starts a new attempt when asked (try again), dropping the finished one it replaces', () => {
    quizEvents.opened(input('k', 's1'));
    answerAndGoOn(5);
    quizEvents.finished(T0 + 10_000);
    const finishedId = useQuizStore.getState().currentId;
    quizEvents.started(input('k', 's1'));
    expect(useQuizStore.getState().currentId).not.toBe(finishedId);
    expect(useQuizStore.getState().session?.submissions).toEqual({});
    expect(savedAttemptKeys()).toEqual([attemptStorageKey(useQuizStore.getState().currentId ?? '')]);
  });

  it('drops an attempt only when the learner discards it, keeping its answers in the history', async () => {
    quizEvents.opened(input('k', 's1'));
    answerAndGoOn(2);
    const id = useQuizStore.getState().currentId ?? '';
    quizEvents.opened(input('other', 's2'));
    useQuizStore.getState().attemptDiscarded(id);
    expect(localStorage.getItem(attemptStorageKey(id))).toBeNull();
    expect(useQuizStore.getState().attempts[id]).toBeUndefined();
    await historyRecorded();
    expect(useHistoryStore.getState().history.answers).toHaveLength(2);
  });
});

describe('the quiz in progress saved by older versions', () => {
  it('becomes an attempt of its own at first start, with every answer and its place', async () => {
    localStorage.setItem('source-quiz:quiz', legacyFixture);
    await reload();
    expect(localStorage.getItem('source-quiz:quiz')).toBeNull();
    const [attempt] = Object.values(useQuizStore.getState().attempts);
    const legacy = JSON.parse(legacyFixture);
    expect(attempt?.session).toEqual(legacy.state.session);
    expect(attempt?.key).toBe(legacy.state.sessionKey);
    quizEvents.opened(input(legacy.state.sessionKey, 'legacy1'));
    expect(useQuizStore.getState().session?.currentIndex).toBe(3);
    expect(storageNotices.getState().notices).toEqual([]);
  });

  it('is moved once: a second start never writes the old answers over newer ones', async () => {
    localStorage.setItem('source-quiz:quiz', legacyFixture);
    await reload();
    const legacy = JSON.parse(legacyFixture);
    quizEvents.opened(input(legacy.state.sessionKey, 'legacy1'));
    answerAndGoOn(1);
    // The old key came back (it could not be removed the first time).
    localStorage.setItem('source-quiz:quiz', legacyFixture);
    await reload();
    quizEvents.opened(input(legacy.state.sessionKey, 'legacy1'));
    expect(Object.keys(useQuizStore.getState().session?.submissions ?? {})).toHaveLength(4);
    expect(savedAttemptKeys()).toHaveLength(1);
  });

  it('is set aside and reported when damaged, never wiped', async () => {
    localStorage.setItem('source-quiz:quiz', legacyFixture.slice(0, 300));
    await reload();
    const [notice] = storageNotices.getState().notices;
    expect(notice).toMatchObject({ kind: 'corrupt', keptValue: legacyFixture.slice(0, 300) });
    const copies = Object.keys(localStorage).filter((key) => key.startsWith('source-quiz:quiz:backup:'));
    expect(copies.map((key) => localStorage.getItem(key))).toEqual([legacyFixture.slice(0, 300)]);
  });
});

describe('a damaged attempt', () => {
  it('is set aside and reported, and the others still load', async () => {
    quizEvents.opened(input('good', 'g1'));
    answerAndGoOn(1);
    const damagedKey = attemptStorageKey('damaged1');
    localStorage.setItem(damagedKey, '{"version":1,"id":"damaged1","session":');
    await reload();
    expect(Object.values(useQuizStore.getState().attempts).map((attempt) => attempt.key)).toEqual(['good']);
    expect(storageNotices.getState().notices).toEqual([
      expect.objectContaining({ kind: 'corrupt', key: damagedKey, message: expect.stringMatching(/quiz/) }),
    ]);
    expect(localStorage.getItem(damagedKey)).toBeNull();
    expect(Object.keys(localStorage).some((key) => key.startsWith(`${damagedKey}:backup:`))).toBe(true);
  });
});

describe('two tabs answering the same attempt', () => {
  it('keep the answers of both when one reads the other’s save', async () => {
    quizEvents.opened(input('k', 's1'));
    const id = useQuizStore.getState().currentId ?? '';
    const key = attemptStorageKey(id);
    const before = localStorage.getItem(key) ?? '';
    answerAndGoOn(1);
    // The other tab answered the second question from the same start, and saved after this tab.
    const theirs = JSON.parse(before);
    const second = theirs.session.questions[1].question.id;
    theirs.session.submissions[second] = {
      response: yes,
      grade: JSON.parse(localStorage.getItem(key) ?? '').session.submissions[
        theirs.session.questions[0].question.id
      ].grade,
      submittedAt: T0 + 5000,
    };
    theirs.session.submissions[second].grade.questionId = second;
    theirs.updatedAt = Date.now() + 60_000;
    localStorage.setItem(key, JSON.stringify(theirs));
    await useQuizStore.getState().savedAttemptChanged(key);
    const saved = JSON.parse(localStorage.getItem(key) ?? '');
    expect(Object.keys(saved.session.submissions)).toHaveLength(2);
    expect(Object.keys(useQuizStore.getState().session?.submissions ?? {})).toHaveLength(2);
  });
});
