import { useStore } from 'zustand';
import { storageNotices, type StorageNotice } from '@/stores/storage-notices';

export function useStorageNotices(): StorageNotice[] {
  return useStore(storageNotices, (state) => state.notices);
}
