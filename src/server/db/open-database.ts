import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock';
import * as schema from './schema';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** Runs SQL on one connection: several statements when there are no parameters. */
export type RunSql = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

export type DatabaseHandle = {
  kind: 'pglite' | 'postgres';
  db: Database;
  /**
   * One statement with parameters, outside the query layer, for the hottest path (answers): on
   * PostgreSQL it is prepared once per connection under `name` and only executed after that.
   */
  prepared(name: string, text: string, params: unknown[]): Promise<Record<string, unknown>[]>;
  /** Lends one connection for a run of statements of its own (migrations, backup, restore). */
  withConnection<T>(work: (run: RunSql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** PGlite only: a copy of the whole data folder (the tests start each server from one). */
  snapshot?: () => Promise<Blob>;
};

export type DatabaseOptions =
  | { databaseUrl: string; onPoolError?: (error: Error) => void }
  /** `template`: start from a copy of a data folder (tests), in memory. */
  | { dataDir: string }
  | { template: Blob }
  /** An empty database in memory (tests). */
  | { memory: true };

function openPostgres(databaseUrl: string, onPoolError: (error: Error) => void): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 10,
    // Fail fast while the database is away, so requests get a 503 instead of hanging.
    connectionTimeoutMillis: 3000,
    idleTimeoutMillis: 30_000,
  });
  // A connection that dies while idle must not take the process with it; the pool replaces it.
  pool.on('error', onPoolError);
  return {
    kind: 'postgres',
    db: drizzleNodePg({ client: pool, schema }),
    prepared: async (name, text, values) => (await pool.query({ name, text, values })).rows,
    async withConnection(work) {
      const client = await pool.connect();
      try {
        return await work(async (text, params) => (await client.query(text, params)).rows);
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

function wrapPglite(client: PGlite, release: () => void): DatabaseHandle {
  return {
    kind: 'pglite',
    db: drizzlePglite({ client, schema }),
    prepared: async (_name, text, params) => (await client.query<Record<string, unknown>>(text, params)).rows,
    withConnection: (work) =>
      work(async (text, params) => {
        if (params === undefined) {
          const results = await client.exec(text);
          return results.at(-1)?.rows ?? [];
        }
        return (await client.query<Record<string, unknown>>(text, params)).rows;
      }),
    async close() {
      await client.close();
      release();
    },
    snapshot: async () => client.dumpDataDir('none'),
  };
}

/** PostgreSQL when a URL is given, else PGlite (PostgreSQL in WebAssembly) in a data folder. */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if ('databaseUrl' in options) {
    return openPostgres(options.databaseUrl, options.onPoolError ?? (() => undefined));
  }
  if ('memory' in options) return wrapPglite(await PGlite.create(), () => undefined);
  if ('template' in options) {
    return wrapPglite(await PGlite.create({ loadDataDir: options.template }), () => undefined);
  }
  mkdirSync(options.dataDir, { recursive: true });
  const release = lockDataDir(options.dataDir);
  try {
    return wrapPglite(await PGlite.create(`${options.dataDir}/pglite`), release);
  } catch (error) {
    release();
    throw error;
  }
}

/** The rows of a raw `db.execute` result: both drivers answer `{ rows }`. */
export function rowsOf(result: unknown): unknown[] {
  if (typeof result === 'object' && result !== null && 'rows' in result && Array.isArray(result.rows)) {
    return result.rows;
  }
  throw new Error('the database driver returned no rows array');
}
