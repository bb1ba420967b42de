// @vitest-environment jsdom
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { goToNext, startQuiz, submitAnswer, type QuizSession } from '@/engine/quiz-session';
import { createHistoryStore } from '@/stores/history-store';
import { progressSchema } from '@/stores/history-schema';
import { resetSavedWrites } from '@/stores/saved-writes';
import { storageNotices } from '@/stores/storage-notices';
import { drawPool } from '../engine/fixtures';

const KEY = 'source-quiz:history';
const T0 = Date.UTC(2025, 0, 6, 9);

beforeEach(() => {
  localStorage.clear();
  storageNotices.setState({ notices: [] });
  resetSavedWrites();
});

/** One tab: its own history store (as a page has) and its own quiz. */
function openTab(seed: string) {
  const store = createHistoryStore();
  let session: QuizSession = startQuiz({
    pool: drawPool,
    settings: { count: 6, types: ['single', 'true-false'] },
    seed,
    mode: 'test',
    startedAt: T0,
  });
  store.getState().attemptStarted(session);
  let answered = 0;
  return {
    store,
    answerNext(at: number): boolean {
      const presented = session.questions[session.currentIndex];
      if (!presented || answered >= session.questions.length) return false;
      const { question } = presented;
      const response =
        question.type === 'true-false'
          ? { type: 'true-false' as const, value: true }
          : {
              type: 'single' as const,
              choice: question.type === 'single' ? (question.choices[0]?.id ?? '') : '',
            };
      session = submitAnswer(session, response, at);
      store.getState().answerRecorded(session, question.id);
      session = goToNext(session);
      answered += 1;
      return true;
    },
    get answered() {
      return answered;
    },
  };
}

function savedAnswers(): number {
  const saved = progressSchema.parse(JSON.parse(localStorage.getItem(KEY) ?? '{}').state);
  return saved.history.answers.length;
}

describe('two tabs recording answers into one saved history', () => {
  it('in turn: six answers given, six kept, and each tab sees the other’s', async () => {
    const first = openTab('tab-a');
    const second = openTab('tab-b');
    for (let turn = 0; turn < 3; turn += 1) {
      first.answerNext(T0 + turn * 2000);
      second.answerNext(T0 + turn * 2000 + 1000);
    }
    expect(savedAnswers()).toBe(6);
    await first.store.persist.rehydrate(); // what the storage event does
    expect(first.store.getState().history.answers).toHaveLength(6);
    expect(first.store.getState().history.attempts).toHaveLength(2);
  });

  it('in any interleaving, with other tabs’ writes read late or never, no answer is lost', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ tab: fc.nat(1), readsOthers: fc.boolean() }), { minLength: 1, maxLength: 14 }),
        async (steps) => {
          localStorage.clear();
          const tabs = [openTab('tab-a'), openTab('tab-b')];
          let time = T0;
          for (const { tab, readsOthers } of steps) {
            const acting = tabs[tab];
            if (!acting) continue;
            if (readsOthers) await acting.store.persist.rehydrate();
            time += 1000;
            acting.answerNext(time);
          }
          const given = tabs.reduce((total, tab) => total + tab.answered, 0);
          expect(savedAnswers()).toBe(given);
          expect(storageNotices.getState().notices).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
