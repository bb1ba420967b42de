import { downloadText } from '@/lib/download-text';
import { localDay } from '@/lib/local-day';
import { progressOf, useHistoryStore } from './history-store';
import { backupFileName, backupFileText } from './progress-backup';
import { useSoloDisputeStore } from './solo-dispute-store';

/**
 * Downloads everything kept on this device (history, schedules, settings, solo disputes) as a backup
 * file; returns its name.
 */
export function downloadBackup(now: number): string {
  const fileName = backupFileName(localDay(now));
  const text = backupFileText(
    progressOf(useHistoryStore.getState()),
    now,
    useSoloDisputeStore.getState().disputes,
  );
  downloadText(fileName, text, 'application/json');
  return fileName;
}
