import { z } from 'zod';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { safePersist } from '@/stores/safe-persist';

/** The name a student types once; offered again for the next assignment on this device. */
export const useStudentNameStore = create<{ name: string; nameEntered(name: string): void }>()(
  persist(
    (set) => ({ name: '', nameEntered: (name) => set({ name: name.trim() }) }),
    safePersist({
      name: 'student',
      describedAs: 'name',
      version: 1,
      schema: z.object({ name: z.string().max(80) }),
      partialize: ({ name }) => ({ name }),
    }),
  ),
);
