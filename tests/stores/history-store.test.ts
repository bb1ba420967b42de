// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { quizEvents } from '@/features/quiz/quiz-events';
import { historyRecorded } from '@/stores/history-later';
import { useQuizStore } from '@/stores/quiz-store';
import { emptyProgress } from '@/engine/progress';
import { resetSavedWrites } from '@/stores/saved-writes';
import { storageNotices } from '@/stores/storage-notices';
import { progressOf, useHistoryStore } from '@/stores/history-store';
import { backupFileText } from '@/stores/progress-backup';
import { drawPool } from '../engine/fixtures';

const KEY = 'source-quiz:history';
const fixture = readFileSync('tests/fixtures/saved-state/history-v1.json', 'utf8');
const saved: unknown = JSON.parse(fixture);
const T0 = Date.UTC(2025, 0, 6, 9);

const backups = () => Object.keys(localStorage).filter((key) => key.startsWith(`${KEY}:backup:`));
const progress = () => progressOf(useHistoryStore.getState());

async function startWith(raw: string) {
  localStorage.setItem(KEY, raw);
  await useHistoryStore.persist.rehydrate();
}

beforeEach(async () => {
  // What the last test recorded reaches the history before it is emptied, not during this test.
  await historyRecorded();
  useHistoryStore.setState(emptyProgress());
  useQuizStore.setState({ session: null, sessionKey: null, timer: null });
  localStorage.clear();
  storageNotices.setState({ notices: [] });
  resetSavedWrites();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('the saved history', () => {
  it('loads the version 1 shape (fixture) unchanged', async () => {
    await startWith(fixture);
    expect({ state: progress(), version: 1 }).toEqual(saved);
    expect(progress().history.answers.map((answer) => answer.grade.verdict)).toEqual(['wrong', 'correct']);
    expect(storageNotices.getState().notices).toEqual([]);
  });

  it('keeps unreadable saved text aside, starts afresh and says so', async () => {
    await startWith('{"state": {"history": ');
    expect(progress()).toEqual(emptyProgress());
    expect(backups().map((key) => localStorage.getItem(key))).toEqual(['{"state": {"history": ']);
    const [notice] = storageNotices.getState().notices;
    expect(notice).toMatchObject({ kind: 'corrupt', keptValue: '{"state": {"history": ' });
    expect(notice?.message).toMatch(/saved answers and progress could not be read/);
  });

  it('keeps aside a history whose answer names a question it does not hold', async () => {
    const broken = fixture.replace('"asked": "capital-city@8ff28765"', '"asked": "capital-city@00000000"');
    await startWith(broken);
    expect(progress()).toEqual(emptyProgress());
    expect(backups().map((key) => localStorage.getItem(key))).toEqual([broken]);
  });

  it('keeps aside, unused, a history saved by a newer version', async () => {
    const future = fixture.replace(/"version": 1\n}\n$/, '"version": 2\n}\n');
    expect(future).not.toBe(fixture);
    await startWith(future);
    expect(progress()).toEqual(emptyProgress());
    expect(backups()).toHaveLength(1);
    expect(storageNotices.getState().notices[0]?.message).toMatch(/newer version/);
  });

  it('keeps recording in memory and warns once when the storage is full', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    useHistoryStore.getState().targetRetentionChanged(0.85);
    useHistoryStore.getState().scheduleReset('q01', T0);
    expect(progress().settings.targetRetention).toBe(0.85);
    expect(progress().schedules.q01?.due).toBe(T0);
    expect(storageNotices.getState().notices).toHaveLength(1);
    expect(storageNotices.getState().notices[0]).toMatchObject({ kind: 'not-saved' });
  });
});

describe('recording from the quiz', () => {
  it('keeps the attempt, each answer and the finish, and schedules each question answered', async () => {
    const quiz = useQuizStore.getState();
    quizEvents.started({
      key: 'k',
      title: 'Practice quiz',
      pool: drawPool.slice(0, 2),
      settings: { count: 'all' },
      seed: 'rec1',
      mode: 'practice',
      minutes: 0,
      now: T0,
    });
    const first = useQuizStore.getState().session?.questions[0]?.question.id;
    quizEvents.answered({ type: 'true-false', value: false }, T0 + 1000);
    quizEvents.answered({ type: 'true-false', value: true }, T0 + 2000); // practice: the first answer stands
    quiz.nextRequested();
    quizEvents.finished(T0 + 3000);
    await historyRecorded();

    const { history, schedules } = progress();
    expect(history.attempts).toEqual([
      expect.objectContaining({ seed: 'rec1', startedAt: T0, finishedAt: T0 + 3000 }),
    ]);
    expect(history.answers.map((answer) => [answer.questionId, answer.answeredAt])).toEqual([
      [first, T0 + 1000],
    ]);
    expect(Object.keys(schedules)).toEqual([first]);
    expect(JSON.parse(localStorage.getItem(KEY) ?? '{}')).toMatchObject({ version: 1, state: { schedules } });
  });
});

describe('importing a backup', () => {
  const file = backupFileText(JSON.parse(fixture).state, T0 + 86_400_000);

  it('merges a valid file, says what it added, and adds nothing the second time', async () => {
    const first = useHistoryStore.getState().backupImported(file);
    expect(first).toEqual({
      ok: true,
      added: { attempts: 1, answers: 2 },
      tookSettings: true,
      addedDisputes: 0,
    });
    expect({ state: progress(), version: 1 }).toEqual(saved);
    const second = useHistoryStore.getState().backupImported(file);
    expect(second).toMatchObject({ ok: true, added: { attempts: 0, answers: 0 } });
    expect(progress().history.answers).toHaveLength(2);
  });

  it.each([
    ['text that is not JSON', 'not json at all', /not JSON text/],
    ['a JSON file of something else', '{"hello": "world"}', /not a Source Quiz progress backup/],
    [
      'a file from a newer version',
      file.replace('"version": 2,', '"version": 3,'),
      /newer version of Source Quiz \(backup format 3\)/,
    ],
    [
      'a damaged file',
      file.replace('"points": 0,', '"points": "none",'),
      /damaged .*progress\.history\.answers\[0\]\.grade\.points/,
    ],
  ])('rejects %s with a clear message and changes nothing', async (_, text, problem) => {
    useHistoryStore.getState().targetRetentionChanged(0.8);
    const before = progress();
    const savedBefore = localStorage.getItem(KEY);
    const outcome = useHistoryStore.getState().backupImported(text);
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? '' : outcome.problem).toMatch(problem);
    expect(progress()).toEqual(before);
    expect(localStorage.getItem(KEY)).toBe(savedBefore);
  });
});
