import { z } from 'zod';
import { create } from 'zustand';

/** What `GET /api/info` answers when the classroom server is there. */
export const serverInfoSchema = z.object({
  server: z.literal('source-quiz'),
  version: z.string(),
  allowSignup: z.boolean(),
  publicUrl: z.string().nullable(),
  features: z.array(z.string()),
});
export type ServerInfo = z.infer<typeof serverInfoSchema>;

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
