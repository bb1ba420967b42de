import type { PersistOptions, PersistStorage, StorageValue } from 'zustand/middleware';
import type { z } from 'zod';
import { browserStorage, CANNOT_SAVE_MESSAGE } from './browser-storage';
import { holdKey, isHeld, writeSaved } from './saved-writes';
import { reportStorageNotice } from './storage-notices';

export const STORAGE_PREFIX = 'source-quiz:';

type Envelope = { state: unknown; version: number };

/**
 * The saved text's envelope (what zustand's persist writes around the state), or undefined when it
 * is not one. Checked by hand: the stores on a quiz's first paint load no zod (each store's own
 * schema checks the state).
 */
function envelopeOf(raw: string): Envelope | undefined {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { state, version } = value as { state?: unknown; version?: unknown };
  return typeof version === 'number' && Number.isInteger(version) && version >= 0
    ? { state, version }
    : undefined;
}

/**
 * Copies a value that cannot be used to a backup key before anything else is written, so that
 * nothing the learner saved is lost. Without room for the copy the key is held: nothing is written
 * over it until the learner downloads or discards the value.
 */
export function keepAside(
  key: string,
  raw: string,
  kind: 'corrupt' | 'future-version',
  why: string,
  whileHeld = 'Until then, new answers are kept only while this page is open.',
): void {
  const backupKey = `${key}:backup:${new Date().toISOString()}`;
  let isBackedUp = false;
  try {
    const storage = browserStorage();
    if (storage) {
      storage.setItem(backupKey, raw);
      // Once the copy is safe, the original goes, so the next start does not set it aside again.
      storage.removeItem(key);
      isBackedUp = true;
    }
  } catch {
    isBackedUp = false;
  }
  if (!isBackedUp) holdKey(key);
  const what =
    kind === 'future-version'
      ? `Your saved ${why} come from a newer version of this app, so they are not used.`
      : `Your saved ${why} could not be read.`;
  reportStorageNotice({
    kind,
    key,
    keptValue: raw,
    backupKey: isBackedUp ? backupKey : undefined,
    isHeld: !isBackedUp,
    message: isBackedUp
      ? `${what} They were copied aside and the app started afresh; you can download them.`
      : `${what} There is no room to copy them aside, so nothing will be saved over them until you download them or discard them. ${whileHeld}`,
  });
}

const replacing = new Set<string>();

/** Runs `change` so that its write replaces what is saved instead of joining it (a reset). */
export function replacingSaved(name: string, change: () => void): void {
  const key = STORAGE_PREFIX + name;
  replacing.add(key);
  try {
    change();
  } finally {
    replacing.delete(key);
  }
}

type SafePersistConfig<S, P> = {
  /** Short name; stored under `source-quiz:<name>`. */
  name: string;
  /** What the saved data is, for messages: "quiz in progress", "history". */
  describedAs: string;
  version: number;
  schema: z.ZodType<P>;
  partialize: (state: S) => P;
  /**
   * Joins what another tab saved with this tab's state, on every write and when another tab's write
   * is read, so that two tabs never overwrite each other's records (the history: a union of answers).
   */
  combine?: (saved: P, mine: P) => P;
  /**
   * True once the data is saved somewhere better (the history in IndexedDB): this key is then only
   * read, to migrate what an older version saved, and never written.
   */
  isSavedElsewhere?: () => boolean;
  /**
   * What becomes of new changes while a damaged value that could not be copied aside is held; by
   * default they are kept only while the page is open, as nothing else saves them.
   */
  whileHeld?: string;
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
  /** The saved text this store last wrote or read, per key: when it is still there, no other tab wrote. */
  const lastSeen = new Map<string, string>();

  /** What another tab saved under `name` since, set aside first if it cannot be used. */
  function savedByOthers(name: string): P | undefined {
    let raw: string | null | undefined;
    try {
      raw = browserStorage()?.getItem(name);
    } catch {
      return undefined;
    }
    // Unchanged since this tab wrote or read it: no other tab wrote, nothing to join (the common case).
    if (!raw || isHeld(name) || raw === lastSeen.get(name)) return undefined;
    const envelope = envelopeOf(raw);
    if (envelope && envelope.version > config.version) {
      keepAside(name, raw, 'future-version', config.describedAs, config.whileHeld);
      return undefined;
    }
    const state = envelope?.version === config.version ? config.schema.safeParse(envelope.state) : undefined;
    if (state?.success) return state.data;
    if (envelope?.version !== undefined && envelope.version < config.version) return undefined;
    keepAside(name, raw, 'corrupt', config.describedAs, config.whileHeld);
    return undefined;
  }

  const storage: PersistStorage<P> = {
    getItem(name) {
      let raw: string | null;
      try {
        const storage = browserStorage();
        if (!storage) throw new Error('no storage');
        raw = storage.getItem(name);
      } catch {
        reportStorageNotice({ kind: 'unavailable', key: 'storage', message: CANNOT_SAVE_MESSAGE });
        return null;
      }
      if (raw === null) return null;
      lastSeen.set(name, raw);
      const envelope = envelopeOf(raw);
      if (!envelope) {
        keepAside(name, raw, 'corrupt', config.describedAs, config.whileHeld);
        return null;
      }
      if (envelope.version > config.version) {
        keepAside(name, raw, 'future-version', config.describedAs, config.whileHeld);
        return null;
      }
      // persist runs `migrate` for older versions, then `merge` validates the result.
      return { state: envelope.state, version: envelope.version } as StorageValue<P>;
    },
    setItem(name, value) {
      if (config.isSavedElsewhere?.()) return;
      const saved = config.combine && !replacing.has(name) ? savedByOthers(name) : undefined;
      const state = saved !== undefined && config.combine ? config.combine(saved, value.state) : value.state;
      const text = JSON.stringify({ ...value, state });
      // After a join the saved text holds more than this tab's state: the next write must join again.
      if (writeSaved(name, text, config.describedAs) && state === value.state) lastSeen.set(name, text);
      else lastSeen.delete(name);
    },
    removeItem(name) {
      if (isHeld(name)) return;
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
      const result = persisted == null ? undefined : config.schema.safeParse(persisted);
      if (result?.success) {
        const mine = config.partialize(current);
        return { ...current, ...(config.combine ? config.combine(result.data, mine) : result.data) };
      }
      let raw: string | null | undefined;
      try {
        raw = browserStorage()?.getItem(key);
      } catch {
        raw = undefined;
      }
      // Nothing saved, or a value getItem already set aside, leaves nothing here. An older value that
      // migrates to nothing (`{"state":null,"version":0}`) is still there and must not be written over.
      const isUnusable = persisted != null || (raw != null && raw === lastSeen.get(key));
      if (raw && isUnusable && !isHeld(key))
        keepAside(key, raw, 'corrupt', config.describedAs, config.whileHeld);
      return current;
    },
  };
}
