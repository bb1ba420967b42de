// @vitest-environment jsdom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyProgress } from '@/engine/progress';
import { progressSchema } from '@/stores/history-schema';
import { progressOf, useHistoryStore } from '@/stores/history-store';
import { readBackupFile } from '@/stores/progress-backup';
import { storageNotices } from '@/stores/storage-notices';
import { CASES, fuzzAsync } from './fuzz-kit';

const KEY = 'source-quiz:history';
const json = fc.jsonValue({ maxDepth: 5 });
/** What may sit in storage or a backup file: any text, any JSON, and envelopes with any state. */
const savedText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 500 }),
  json.map((value) => JSON.stringify(value)),
  fc
    .record({ state: json, version: fc.oneof(fc.integer(), fc.constant(1), fc.constant(0)) })
    .map((envelope) => JSON.stringify(envelope)),
  fc
    .record({
      state: fc.record(
        { history: json, schedules: json, resets: json, settings: json },
        { requiredKeys: [] },
      ),
      version: fc.constant(1),
    })
    .map((envelope) => JSON.stringify(envelope)),
);

describe(`fuzz: ${CASES} cases of saved data, no crash, no case over 2 s`, () => {
  it('the saved history on start-up, and a backup file imported', { timeout: 600_000 }, async () => {
    const runs = await fuzzAsync(savedText, async (raw) => {
      localStorage.clear();
      storageNotices.setState({ notices: [] });
      useHistoryStore.setState(emptyProgress());
      localStorage.setItem(KEY, raw);
      await useHistoryStore.persist.rehydrate();
      // Whatever was saved, the app runs on valid data, and an unusable value is kept, not wiped.
      expect(progressSchema.safeParse(progressOf(useHistoryStore.getState())).success).toBe(true);
      const kept = Object.keys(localStorage).some((key) => key.startsWith(`${KEY}:backup:`));
      const isInUse = localStorage.getItem(KEY) !== null;
      expect(kept || isInUse || storageNotices.getState().notices.length > 0).toBe(true);
      const read = readBackupFile(raw);
      if (!read.ok) expect(read.problem).toMatch(/\.$/);
    });
    expect(runs).toBe(CASES);
  });
});
