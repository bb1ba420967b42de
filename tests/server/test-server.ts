import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import type { ServerConfig } from '@/server/config';
import { migrate } from '@/server/db/migrate';
import { openDatabase, type DatabaseHandle } from '@/server/db/open-database';
import { startServer, type RunningServer, type StartOptions } from '@/server/start-server';
import { createPostgresDatabase } from './test-server-client';

export { Client, createPostgresDatabase, field, signedInTeacher, type Reply } from './test-server-client';

export type DatabaseKind = 'pglite' | 'postgres';

/** PGlite always; PostgreSQL too when DATABASE_URL names a server (CI sets it). */
export const DATABASE_KINDS: DatabaseKind[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export type TestDatabase = { handle: DatabaseHandle; url?: string; drop(): Promise<void> };

/** A PGlite database in memory with nothing in it, not even migrations (a copy made at setup). */
export function emptyPglite(): Promise<DatabaseHandle> {
  return openDatabase({ template: new Blob([readFileSync(inject('pgliteEmptyTemplate'))]) });
}

/** A migrated, empty database of the given kind. */
export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const template = new Blob([readFileSync(inject('pgliteTemplate'))]);
    const handle = await openDatabase({ template });
    return { handle, drop: async () => undefined };
  }
  const created = await createPostgresDatabase();
  const handle = await openDatabase({ databaseUrl: created.url });
  await migrate(handle);
  return { handle, url: created.url, drop: created.drop };
}

export function testConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    databaseUrl: undefined,
    dataDir: '/nonexistent',
    publicUrl: undefined,
    redisUrl: undefined,
    allowSignup: true,
    logLevel: 'silent',
    sessionIdleMs: 60 * 60_000,
    sessionMaxMs: 30 * 86_400_000,
    passwordResetMs: 60 * 60_000,
    trustProxy: false,
    ...overrides,
  };
}

export type TestServer = RunningServer & { kind: DatabaseKind; stop(): Promise<void> };

/** The real server on a free port, with a database of its own. */
export async function startTestServer(
  kind: DatabaseKind,
  options: StartOptions & { config?: Partial<ServerConfig> } = {},
): Promise<TestServer> {
  const database: TestDatabase = options.database
    ? { handle: options.database, drop: async () => undefined }
    : await createTestDatabase(kind);
  const server = await startServer(testConfig(options.config), {
    distDir: '/nonexistent',
    ...options,
    database: database.handle,
  });
  return {
    ...server,
    kind,
    async stop() {
      await server.close();
      await database.drop();
    },
  };
}
