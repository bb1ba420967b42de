import { z } from 'zod';
import type { ServerInfo } from './server-info-store';

/** What `GET /api/info` answers when the classroom server is there; loaded only once one answered. */
export const serverInfoSchema = z.object({
  server: z.literal('source-quiz'),
  version: z.string(),
  allowSignup: z.boolean(),
  publicUrl: z.string().nullable(),
  features: z.array(z.string()),
}) satisfies z.ZodType<ServerInfo>;
