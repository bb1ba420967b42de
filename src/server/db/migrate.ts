import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { messageOf } from '../errors';
import type { DatabaseHandle, RunSql } from './open-database';

export type Migration = { version: number; name: string; sql: string };

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
/** Any constant will do: it keeps two servers starting at once from migrating together. */
const ADVISORY_LOCK = 7_270_415;

/** The migrations in `migrations/`, named `NNNN-what.sql`, in order. */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .map((name) => {
      const match = /^(\d{4})-([a-z0-9-]+)\.sql$/.exec(name);
      if (!match) throw new Error(`${name}: a migration is named NNNN-what.sql`);
      return { version: Number(match[1]), name, sql: readFileSync(`${dir}${name}`, 'utf8') };
    });
}

async function appliedVersions(run: RunSql): Promise<number[]> {
  await run(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)',
  );
  const rows = await run('SELECT version FROM schema_migrations ORDER BY version');
  return rows.map((row) => Number(row.version));
}

/** The newest version applied (0 for an empty database). */
export async function schemaVersion(handle: DatabaseHandle): Promise<number> {
  return handle.withConnection(async (run) => Math.max(0, ...(await appliedVersions(run))));
}

/**
 * Applies, each in its own transaction, the migrations not yet applied, up to `target` (all by
 * default). Returns the names applied. Refuses a database newer than this code.
 */
export async function migrate(
  handle: DatabaseHandle,
  options: { target?: number; migrations?: Migration[] } = {},
): Promise<string[]> {
  const migrations = options.migrations ?? readMigrations();
  const target = options.target ?? Math.max(0, ...migrations.map((m) => m.version));
  return handle.withConnection(async (run) => {
    if (handle.kind === 'postgres') await run('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK]);
    try {
      const applied = new Set(await appliedVersions(run));
      const known = new Set(migrations.map((m) => m.version));
      const unknown = [...applied].filter((version) => !known.has(version));
      if (unknown.length > 0) {
        throw new Error(
          `The database has migration ${unknown.join(', ')}, which this version of the server does not know: it is newer than this code.`,
        );
      }
      const done: string[] = [];
      for (const migration of migrations) {
        if (applied.has(migration.version) || migration.version > target) continue;
        await run('BEGIN');
        try {
          await run(migration.sql);
          await run('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
            migration.version,
            migration.name,
            new Date().toISOString(),
          ]);
          await run('COMMIT');
        } catch (error) {
          await run('ROLLBACK');
          throw new Error(`Migration ${migration.name} failed: ${messageOf(error)}`, { cause: error });
        }
        done.push(migration.name);
      }
      return done;
    } finally {
      if (handle.kind === 'postgres') await run('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK]);
    }
  });
}
