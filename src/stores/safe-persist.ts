import type { PersistOptions, PersistStorage, StorageValue } from 'zustand/middleware';
import { z } from 'zod';
import { reportStorageNotice } from './storage-notices';

export const STORAGE_PREFIX = 'source-quiz:';

const envelopeSchema = z.object({ state: z.unknown(), version: z.number().int().nonnegative() });

function browserStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/** Copies a value that cannot be used to a backup key, so that nothing the learner saved is lost. */
function keepAside(key: string, raw: string, kind: 'corrupt' | 'future-version', why: string): void {
  const backupKey = `${key}:backup:${new Date().toISOString()}`;
  let isBackedUp = false;
  try {
    browserStorage()?.setItem(backupKey, raw);
    // Once the copy is safe, the original goes, so the next start does not set it aside again.
    browserStorage()?.removeItem(key);
    isBackedUp = true;
  } catch {
    // Storage full: the value stays downloadable from the notice instead.
  }
  reportStorageNotice({
    kind,
    key,
    keptValue: raw,
    backupKey: isBackedUp ? backupKey : undefined,
    message:
      kind === 'future-version'
        ? `Your saved ${why} come from a newer version of this app, so they were set aside and not used. Starting afresh; you can download them.`
        : `Your saved ${why} could not be read, so they were set aside and the app started afresh. You can download them.`,
  });
}

type SafePersistConfig<S, P> = {
  /** Short name; stored under `source-quiz:<name>`. */
  name: string;
  /** What the saved data is, for messages: "quiz in progress", "history". */
  describedAs: string;
  version: number;
  schema: z.ZodType<P>;
  partialize: (state: S) => P;
  /** Turns any older saved shape into the current one; each version has a test with a fixture. */
  migrate?: (persisted: unknown, fromVersion: number) => unknown;
};

/**
 * Options for zustand's `persist` that treat saved data as untrusted input: validated with a schema
 * on load, kept aside (never wiped) when it cannot be used, and a full or missing storage reported
 * rather than crashing the app.
 */
export function safePersist<S, P>(config: SafePersistConfig<S, P>): PersistOptions<S, P> {
  const key = STORAGE_PREFIX + config.name;
  const storage: PersistStorage<P> = {
    getItem(name) {
      let raw: string | null;
      try {
        raw = browserStorage()?.getItem(name) ?? null;
      } catch {
        reportStorageNotice({
          kind: 'unavailable',
          key: name,
          message:
            'This browser does not let the app save anything (private browsing?). Progress will be lost when you close it.',
        });
        return null;
      }
      if (raw === null) return null;
      let envelope: z.infer<typeof envelopeSchema>;
      try {
        envelope = envelopeSchema.parse(JSON.parse(raw));
      } catch {
        keepAside(name, raw, 'corrupt', config.describedAs);
        return null;
      }
      if (envelope.version > config.version) {
        keepAside(name, raw, 'future-version', config.describedAs);
        return null;
      }
      // persist runs `migrate` for older versions, then `merge` validates the result.
      return { state: envelope.state, version: envelope.version } as StorageValue<P>;
    },
    setItem(name, value) {
      try {
        browserStorage()?.setItem(name, JSON.stringify(value));
      } catch {
        reportStorageNotice({
          kind: 'not-saved',
          key: name,
          message: `The browser's storage is full or unavailable, so your ${config.describedAs} are not being saved. The app keeps working.`,
        });
      }
    },
    removeItem(name) {
      try {
        browserStorage()?.removeItem(name);
      } catch {
        // Nothing to remove from a storage we cannot reach.
      }
    },
  };
  return {
    name: key,
    version: config.version,
    storage,
    partialize: config.partialize,
    migrate: (persisted, fromVersion) =>
      (config.migrate ? config.migrate(persisted, fromVersion) : persisted) as P,
    merge(persisted, current) {
      // Nothing saved, or a value getItem already set aside: start from the defaults.
      if (persisted === undefined || persisted === null) return current;
      const result = config.schema.safeParse(persisted);
      if (result.success) return { ...current, ...result.data };
      const raw = browserStorage()?.getItem(key);
      if (raw) keepAside(key, raw, 'corrupt', config.describedAs);
      return current;
    },
  };
}
