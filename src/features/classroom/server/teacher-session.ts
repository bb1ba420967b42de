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

/** `{ teacher: { id, email } | null }`, checked by hand: zod and the API client stay off every page. */
function teacherIn(body: unknown): Teacher | null {
  if (typeof body !== 'object' || body === null || !('teacher' in body)) return null;
  const { teacher } = body;
  if (typeof teacher !== 'object' || teacher === null) return null;
  const { id, email } = teacher as Record<string, unknown>;
  return typeof id === 'string' && typeof email === 'string' ? { id, email } : null;
}

async function whoIsSignedIn(): Promise<Teacher | null> {
  try {
    const response = await fetch('/api/auth/session', {
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    });
    return response.ok ? teacherIn(await response.json()) : null;
  } catch {
    return null;
  }
}

/** Asks the server once who is signed in (nobody, an unreadable answer or no network: signed out). */
export function askWhoIsSignedIn(): Promise<void> {
  if (asking) return asking;
  const askedAt = useTeacherSessionStore.getState();
  asking = whoIsSignedIn().then((teacher) => {
    asking = null;
    const store = useTeacherSessionStore.getState();
    // A sign-in or sign-out while the question was on its way is newer than this reply.
    if (store !== askedAt) return;
    if (teacher) store.signedIn(teacher);
    else store.signedOut();
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
