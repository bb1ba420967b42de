import { useHistoryStore } from './history-store';
import { useSoloDisputeStore } from './solo-dispute-store';

/**
 * "Reset all progress": everything the learner kept on this device goes, the history (answers,
 * schedules, settings) and the solo disputes, which the backup offered before carries too. One
 * function outside both stores, so that neither calls the other's actions.
 */
export function resetAllProgress(): void {
  useSoloDisputeStore.getState().disputesCleared();
  useHistoryStore.getState().progressReset();
}
