import { create } from 'zustand';

/**
 * What `GET /api/info` answers when the classroom server is there. A plain type: this store is on
 * the first page; its check (`read-server-info.ts`, by hand) loads when something answered.
 */
export type ServerInfo = {
  server: 'source-quiz';
  version: string;
  allowSignup: boolean;
  publicUrl: string | null;
  features: string[];
};

type ServerInfoState = {
  /** `checking` until the app has asked; `absent` on static hosting, offline, or any other answer. */
  status: 'checking' | 'absent' | 'present';
  info: ServerInfo | null;
  serverAnswered(info: ServerInfo): void;
  serverAbsent(): void;
};

/** Whether a classroom server answers: the server's features are shown only when one does. Not saved. */
export const useServerInfoStore = create<ServerInfoState>()((set) => ({
  status: 'checking',
  info: null,
  serverAnswered: (info) => set({ status: 'present', info }),
  serverAbsent: () => set({ status: 'absent', info: null }),
}));
