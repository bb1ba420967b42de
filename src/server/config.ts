import { resolve } from 'node:path';
import { z } from 'zod';

const booleanText = z.enum(['true', 'false', '1', '0', 'yes', 'no'], {
  error: () => 'must be true or false',
});
const asBoolean = (text: string) => text === 'true' || text === '1' || text === 'yes';

const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .refine((value) => value >= min && value <= max, `must be a whole number from ${min} to ${max}`);

const urlWithScheme = (schemes: readonly string[], example: string) =>
  z.string().refine((text) => URL.canParse(text) && schemes.includes(new URL(text).protocol), {
    message: `must be a URL such as ${example}`,
  });

/** Every setting the server reads, from the environment only. Empty values count as unset. */
const envSchema = z.object({
  PORT: wholeNumber(0, 65535).default(3000),
  HOST: z
    .string()
    .regex(/^[A-Za-z0-9.:[\]-]+$/, 'must be a host name or an IP address')
    .default('127.0.0.1'),
  DATABASE_URL: urlWithScheme(['postgres:', 'postgresql:'], 'postgres://user@127.0.0.1:5432/quiz').optional(),
  DATA_DIR: z.string().default('./data'),
  PUBLIC_URL: urlWithScheme(['http:', 'https:'], 'https://quiz.example.school')
    .refine(
      (text) => ['', '/'].includes(new URL(text).pathname),
      'must have no path (the app is served at /)',
    )
    .optional(),
  REDIS_URL: urlWithScheme(['redis:', 'rediss:'], 'redis://127.0.0.1:6379').optional(),
  ALLOW_SIGNUP: booleanText.default('true').transform(asBoolean),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: () => 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  /** A teacher's session ends after this long without a request. */
  SESSION_IDLE_MINUTES: wholeNumber(5, 7 * 24 * 60).default(8 * 60),
  /** And after this long in any case. */
  SESSION_MAX_DAYS: wholeNumber(1, 365).default(30),
  PASSWORD_RESET_MINUTES: wholeNumber(5, 7 * 24 * 60).default(24 * 60),
  /** Behind a reverse proxy: take the client's address from X-Forwarded-For (for rate limits). */
  TRUST_PROXY: booleanText.default('false').transform(asBoolean),
});

export type ServerConfig = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  publicUrl: string | undefined;
  redisUrl: string | undefined;
  allowSignup: boolean;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  sessionIdleMs: number;
  sessionMaxMs: number;
  passwordResetMs: number;
  trustProxy: boolean;
};

const SECRET_KEYS = new Set(['DATABASE_URL', 'REDIS_URL']);

export type ConfigResult = { ok: true; config: ServerConfig } | { ok: false; problems: string[] };

/** Reads the configuration; each bad value gets its own line naming the variable. */
export function readConfig(env: Readonly<Record<string, string | undefined>>): ConfigResult {
  const present = Object.fromEntries(
    Object.keys(envSchema.shape).flatMap((key) => {
      const value = env[key]?.trim();
      return value ? [[key, value]] : [];
    }),
  );
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        const key = String(issue.path[0] ?? '');
        // A database or Redis URL may hold a password: never echo it.
        const shown = SECRET_KEYS.has(key) ? '' : ` (it is "${present[key] ?? ''}")`;
        return `${key}: ${issue.message}${shown}`;
      }),
    };
  }
  const value = parsed.data;
  return {
    ok: true,
    config: {
      port: value.PORT,
      host: value.HOST,
      databaseUrl: value.DATABASE_URL,
      dataDir: resolve(value.DATA_DIR),
      publicUrl: value.PUBLIC_URL ? new URL(value.PUBLIC_URL).origin : undefined,
      redisUrl: value.REDIS_URL,
      allowSignup: value.ALLOW_SIGNUP,
      logLevel: value.LOG_LEVEL,
      sessionIdleMs: value.SESSION_IDLE_MINUTES * 60_000,
      sessionMaxMs: value.SESSION_MAX_DAYS * 86_400_000,
      passwordResetMs: value.PASSWORD_RESET_MINUTES * 60_000,
      trustProxy: value.TRUST_PROXY,
    },
  };
}
