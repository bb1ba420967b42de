import { downloadText } from '@/lib/download-text';
import { localDay } from '@/lib/local-day';
import { progressOf, useHistoryStore } from '@/stores/history-store';
import { backupFileName, backupFileText } from '@/stores/progress-backup';

/** Downloads everything kept on this device (history, schedules, settings) as a backup file; returns its name. */
export function downloadBackup(now: number): string {
  const fileName = backupFileName(localDay(now));
  downloadText(fileName, backupFileText(progressOf(useHistoryStore.getState()), now), 'application/json');
  return fileName;
}
