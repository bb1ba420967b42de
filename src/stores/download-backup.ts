import { downloadText } from '@/lib/download-text';
import { localDay } from '@/lib/local-day';
import { progressOf, useHistoryStore } from './history-store';
import { backupFileName, backupFileText } from './progress-backup';

/** Downloads everything kept on this device (history, schedules, settings) as a backup file; returns its name. */
export function downloadBackup(now: number): string {
  const fileName = backupFileName(localDay(now));
  downloadText(fileName, backupFileText(progressOf(useHistoryStore.getState()), now), 'application/json');
  return fileName;
}
