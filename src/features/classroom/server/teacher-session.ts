import { useEffect } from 'react';
import { create } from 'zustand';
import type { Teacher } from './api-responses';

type TeacherSessionState = {
  /** `unknown` until the server has been asked; the cookie itself is out of the script's reach. */
  status: 'unknown' | 'signed-out' | 'signed-in';
  teacher: Teacher | null;
  signedIn(teacher: Teacher): void;
  signedOut(): void;
};

/** Who is signed in on this tab, as the server last said. Not saved: the server's cookie is the truth. */
export const useTeacherSessionStore = create<TeacherSessionState>()((set) => ({
  status: 'unknown',
  teacher: null,
  signedIn: (teacher) => set({ status: 'signed-in', teacher }),
  signedOut: () => set({ status: 'signed-out', teacher: null }),
}));

let asking: Promise<void> | null = null;

/** Asks the server once who is signed in (a 401, or no network, counts as signed out). */
export function askWhoIsSignedIn(): Promise<void> {
  if (asking) return asking;
  const askedAt = useTeacherSessionStore.getState();
  // The API client (and zod with it) loads only when a server answered: the menu is on every page.
  asking = import('./api-client').then(async ({ api }) => {
    const result = await api.session();
    asking = null;
    const store = useTeacherSessionStore.getState();
    // A sign-in or sign-out while the question was on its way is newer than this reply.
    if (store !== askedAt) return;
    if (result.ok && result.data) store.signedIn(result.data);
    else store.signedOut();
  });
  // The client's code could not load (offline before it was cached): ask again next time.
  asking.catch(() => {
    asking = null;
  });
  return asking;
}

/** The signed-in teacher, asking the server the first time a page needs to know. */
export function useTeacherSession() {
  const status = useTeacherSessionStore((state) => state.status);
  const teacher = useTeacherSessionStore((state) => state.teacher);
  useEffect(() => {
    if (status === 'unknown') void askWhoIsSignedIn();
  }, [status]);
  return { status, teacher };
}
