import type { Question } from '@/domain/question';
import { useHistoryStore } from './history-store';

/**
 * Once the saved history is read, loads the banks (only when there is an answer to look at) and
 * hands their questions to the history, which regrades the answers whose question has changed since
 * they were graded: so a correction reaches the learner's own history the next time the app starts
 * with the new banks, whatever page it opens on. Never throws: a bank that fails to load regrades
 * nothing, and the next start tries again.
 */
export async function regradeWithBanks(
  loadQuestions: () => Promise<Question[]>,
  now: () => number,
): Promise<void> {
  try {
    await useHistoryStore.saving.ready;
    if (useHistoryStore.getState().history.answers.length === 0) return;
    const questions = await loadQuestions();
    useHistoryStore.getState().questionsLoaded(questions, now());
  } catch {
    // Nothing regraded: the answers keep the grades they had.
  }
}
