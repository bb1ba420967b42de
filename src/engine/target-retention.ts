/**
 * The share of due questions a learner wants to still remember when they come back; FSRS aims for it.
 * Apart from `schedule.ts` so that checking saved settings does not load the scheduling library.
 */
export const TARGET_RETENTION = { min: 0.8, max: 0.95, default: 0.9 } as const;
