import { describe, expect, it } from 'vitest';
import { useStudentNameStore } from '@/features/classroom/student-name-store';
import { useQuizStore } from '@/stores/quiz-store';
import { useHistoryStore } from '@/stores/history-store';
import { useMyQuestionsStore } from '@/stores/my-questions-store';
import { reportStorageNotice, storageNotices } from '@/stores/storage-notices';
import { useSoloDisputeStore } from '@/stores/solo-dispute-store';
import { WITH_EVIDENCE } from '../fixtures/disputes/solo-disputes';
import { makeHistory, makeQuestion } from './factories';
import { trackedStoreCount } from './store-reset';

const question = makeQuestion(1);

// The two tests run in order: the first leaves every store and the saved data changed, the second
// sees them as a fresh page would. Run alone, the second still passes; it fails only if the reset
// in tests/setup.ts stops working.
describe('the store reset between tests', () => {
  it('tracks every store the app makes, persisted or not', () => {
    // history, my questions, quiz, student name, solo disputes and storage notices.
    expect(trackedStoreCount()).toBe(6);
  });

  it('starts from a changed state (this test changes everything)', () => {
    useHistoryStore.setState(makeHistory([{ question, isRight: true, at: Date.UTC(2026, 0, 1) }]));
    useMyQuestionsStore.getState().questionAccepted(question);
    useStudentNameStore.getState().nameEntered('Ada');
    expect(useSoloDisputeStore.getState().disputeFiled(WITH_EVIDENCE).ok).toBe(true);
    useQuizStore.setState({ sessionKey: 'left-over' });
    reportStorageNotice({ kind: 'not-saved', key: 'k', message: 'left over' });
    expect(useHistoryStore.getState().history.answers).toHaveLength(1);
    expect(Object.keys(localStorage)).toEqual(
      expect.arrayContaining([
        'source-quiz:history',
        'source-quiz:my-questions',
        'source-quiz:student',
        'source-quiz:disputes',
      ]),
    );
  });

  it('hands the next test every store at its initial state and nothing saved', () => {
    expect(useHistoryStore.getState().history.answers).toEqual([]);
    expect(useHistoryStore.getState().history.attempts).toEqual([]);
    expect(useMyQuestionsStore.getState().questions).toEqual([]);
    expect(useStudentNameStore.getState().name).toBe('');
    expect(useSoloDisputeStore.getState().disputes).toEqual([]);
    expect(useQuizStore.getState().sessionKey).toBeNull();
    expect(storageNotices.getState().notices).toEqual([]);
    expect(localStorage).toHaveLength(0);
  });
});
