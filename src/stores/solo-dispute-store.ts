import { z } from 'zod';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { SoloDispute } from '@/domain/dispute';
import { disputeLimitProblem } from '@/engine/dispute-checks';
import { safePersist } from './safe-persist';
import { listenToOtherTabs } from './other-tabs';
import { soloDisputesSchema } from './solo-dispute-schema';

type SoloDisputeState = {
  /** Oldest first. */
  disputes: SoloDispute[];
  /** Keeps a dispute the form checked; refused (with the reason) past the limit per question. */
  disputeFiled(dispute: SoloDispute): { ok: true } | { ok: false; problem: string };
  disputeDeleted(id: string): void;
  /** Adds the disputes of a backup that are not here yet (by id); returns how many it added. */
  disputesImported(disputes: readonly SoloDispute[]): number;
  /** The learner reset all progress: the disputes go with it. */
  disputesCleared(): void;
};

/** The disputes of `incoming` this device does not have yet. */
export function newDisputes(
  current: readonly SoloDispute[],
  incoming: readonly SoloDispute[],
): SoloDispute[] {
  const ids = new Set(current.map((dispute) => dispute.id));
  return incoming.filter((dispute) => {
    if (ids.has(dispute.id)) return false;
    ids.add(dispute.id);
    return true;
  });
}

function byFilingTime(left: SoloDispute, right: SoloDispute): number {
  return left.filedAt - right.filedAt || (left.id < right.id ? -1 : left.id > right.id ? 1 : 0);
}

/**
 * Disputes the learner filed in solo practice, for the bank's authors: there is no server to send
 * them to, so they stay on this device (and in its backups) until the learner exports or deletes them.
 */
export const useSoloDisputeStore = create<SoloDisputeState>()(
  persist(
    (set, get) => ({
      disputes: [],
      disputeFiled: (dispute) => {
        const { disputes } = get();
        const problem = disputeLimitProblem(
          disputes.filter((filed) => filed.questionId === dispute.questionId).length,
        );
        if (problem) return { ok: false, problem };
        set({
          disputes: [...disputes.filter((filed) => filed.id !== dispute.id), dispute].sort(byFilingTime),
        });
        return { ok: true };
      },
      disputeDeleted: (id) =>
        set(({ disputes }) => ({ disputes: disputes.filter((filed) => filed.id !== id) })),
      disputesImported: (incoming) => {
        const added = newDisputes(get().disputes, incoming);
        if (added.length > 0)
          set(({ disputes }) => ({ disputes: [...disputes, ...added].sort(byFilingTime) }));
        return added.length;
      },
      disputesCleared: () => set({ disputes: [] }),
    }),
    safePersist({
      name: 'disputes',
      describedAs: 'disputes',
      version: 1,
      schema: z.object({ disputes: soloDisputesSchema }),
      partialize: ({ disputes }) => ({ disputes }),
    }),
  ),
);

// Another tab filed or deleted one: read the list it saved, so this tab does not write over it.
// Another tab reset all progress, which deletes the disputes: forget them here too, so that this
// tab's next write does not bring them back.
listenToOtherTabs({
  key: 'source-quiz:disputes',
  onSaved: () => void useSoloDisputeStore.persist.rehydrate(),
  onReset: () => useSoloDisputeStore.setState({ disputes: [] }),
});
