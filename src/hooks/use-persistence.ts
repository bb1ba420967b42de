import { useStore } from 'zustand';
import { persistence, type PersistenceAnswer } from '@/stores/persistent-storage';

export function usePersistence(): PersistenceAnswer {
  return useStore(persistence, (state) => state.answer);
}
