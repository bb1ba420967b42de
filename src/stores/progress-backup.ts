import { z } from 'zod';
import type { SoloDispute } from '@/domain/dispute';
import type { Progress } from '@/engine/progress';
import { progressSchema } from './history-schema';
import { soloDisputesSchema } from './solo-dispute-schema';

export const BACKUP_FORMAT = 'source-quiz-progress';
/**
 * Raise with every change to the file's shape, and keep reading the older ones. 1: the progress;
 * 2: and the disputes filed in solo practice (an older app refuses the file rather than drop them).
 */
export const BACKUP_VERSION = 2;

const envelopeSchema = z.lazy(() => z.object({ format: z.string(), version: z.number() }));
const backupV1Object = () =>
  z.object({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(1),
    exportedAt: z.number().int().nonnegative(),
    progress: progressSchema,
  });
const backupV1Schema = z.lazy(backupV1Object);
const backupV2Schema = z.lazy(() =>
  backupV1Object().extend({ version: z.literal(2), disputes: soloDisputesSchema }),
);

export type BackupReading =
  | { ok: true; progress: Progress; disputes: SoloDispute[]; exportedAt: number }
  | { ok: false; problem: string };

/** The backup file's text: everything kept on this device, versioned so a later app can read it. */
export function backupFileText(
  progress: Progress,
  exportedAt: number,
  disputes: readonly SoloDispute[] = [],
): string {
  return JSON.stringify(
    { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, progress, disputes },
    null,
    2,
  );
}

/** "source-quiz-progress-2025-01-31.json" */
export function backupFileName(day: string): string {
  return `${BACKUP_FORMAT}-${day}.json`;
}

function pathOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) =>
      typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key),
    '',
  );
}

/** Reads a backup file; a broken file or one from a newer app gets a sentence saying what is wrong. */
export function readBackupFile(text: string): BackupReading {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'This file is not a Source Quiz backup: it is not JSON text.' };
  }
  const envelope = envelopeSchema.safeParse(data);
  if (!envelope.success || envelope.data.format !== BACKUP_FORMAT) {
    return { ok: false, problem: 'This file is not a Source Quiz progress backup.' };
  }
  if (envelope.data.version > BACKUP_VERSION) {
    return {
      ok: false,
      problem: `This backup comes from a newer version of Source Quiz (backup format ${envelope.data.version}); this version reads format ${BACKUP_VERSION} and older. Update the app, then import it again.`,
    };
  }
  const result =
    envelope.data.version === 1
      ? backupV1Schema.transform((backup) => ({ ...backup, disputes: [] })).safeParse(data)
      : backupV2Schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue ? pathOf(issue.path) : '';
    return {
      ok: false,
      problem: `This backup is damaged and cannot be read${where ? ` (at ${where}: ${issue?.message ?? ''})` : ''}.`,
    };
  }
  const { progress, disputes, exportedAt } = result.data;
  return { ok: true, progress, disputes, exportedAt };
}
