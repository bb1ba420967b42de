import { z } from 'zod';
import { readMigrations, migrate, schemaVersion } from './migrate';
import type { DatabaseHandle } from './open-database';

/** Tables in an order where every row's references come before it. */
/** Every table, parents before children, with the schema version that created it. */
const TABLES_SINCE = [
  ['teachers', 1],
  ['sessions', 1],
  ['password_resets', 1],
  ['classes', 1],
  ['question_versions', 1],
  ['assignments', 1],
  ['attempts', 1],
  ['answers', 1],
  ['live_sessions', 2],
  ['live_players', 2],
  ['live_answers', 2],
  ['question_changes', 3],
  ['disputes', 3],
  ['regrades', 3],
] as const;

export const TABLES = TABLES_SINCE.map(([table]) => table);

type Table = (typeof TABLES)[number];

/** The tables a database at this schema version has. */
const tablesAt = (version: number): Table[] =>
  TABLES_SINCE.filter(([, since]) => since <= version).map(([table]) => table);

const headerSchema = z.strictObject({
  format: z.literal('source-quiz-backup'),
  version: z.literal(1),
  schemaVersion: z.number().int().min(1),
  createdAt: z.string(),
});
const lineSchema = z.strictObject({
  table: z.enum(TABLES as [Table, ...Table[]]),
  row: z.record(z.string(), z.unknown()),
});

/**
 * The whole database as JSON Lines: a header, then one line per row, table by table. Plain JSON,
 * so a backup of PGlite restores into PostgreSQL and back. Rows are written as PostgreSQL's own
 * `row_to_json` gives them and read back with `json_populate_record`, so no type is lost.
 */
export async function backupDatabase(handle: DatabaseHandle, write: (line: string) => void): Promise<number> {
  const version = await schemaVersion(handle);
  write(
    JSON.stringify({
      format: 'source-quiz-backup',
      version: 1,
      schemaVersion: version,
      createdAt: new Date().toISOString(),
    }),
  );
  let count = 0;
  await handle.withConnection(async (run) => {
    await run('BEGIN ISOLATION LEVEL REPEATABLE READ');
    try {
      for (const table of tablesAt(version)) {
        const rows = await run(`SELECT row_to_json(t)::text AS line FROM ${table} t`, []);
        for (const { line } of rows) {
          write(`{"table":${JSON.stringify(table)},"row":${String(line)}}`);
          count += 1;
        }
      }
    } finally {
      await run('COMMIT');
    }
  });
  return count;
}

/**
 * Restores a backup into an empty database: migrates to the backup's schema version, loads every
 * row in one transaction, then applies the newer migrations. A damaged line names its number.
 */
export async function restoreDatabase(handle: DatabaseHandle, lines: readonly string[]): Promise<number> {
  const [first = '', ...rest] = lines.filter((line) => line.trim() !== '');
  const header = headerSchema.safeParse(safeJson(first));
  if (!header.success) throw new Error('line 1: this is not a Source Quiz backup');
  const known = Math.max(...readMigrations().map((m) => m.version));
  if (header.data.schemaVersion > known) {
    throw new Error(
      `the backup comes from a newer server (schema ${header.data.schemaVersion}); update this one first`,
    );
  }
  const tables = new Set<string>(tablesAt(header.data.schemaVersion));
  const rows = rest.map((line, index) => {
    const parsed = lineSchema.safeParse(safeJson(line));
    if (!parsed.success) throw new Error(`line ${index + 2}: not a row of a known table`);
    if (!tables.has(parsed.data.table)) {
      throw new Error(
        `line ${index + 2}: a schema ${header.data.schemaVersion} backup has no table ${parsed.data.table}`,
      );
    }
    return parsed.data;
  });
  if ((await schemaVersion(handle)) > header.data.schemaVersion) {
    throw new Error('restore into an empty database (this one has a newer schema than the backup)');
  }
  await migrate(handle, { target: header.data.schemaVersion });
  await handle.withConnection(async (run) => {
    for (const table of tablesAt(header.data.schemaVersion)) {
      const [existing] = await run(`SELECT count(*)::int AS n FROM ${table}`, []);
      if (Number(existing?.n) > 0) throw new Error(`restore into an empty database (${table} has rows)`);
    }
    await run('BEGIN');
    try {
      for (const { table, row } of rows) {
        await run(`INSERT INTO ${table} SELECT * FROM json_populate_record(NULL::${table}, $1::json)`, [
          JSON.stringify(row),
        ]);
      }
      // The identity column goes on after the highest restored value.
      await run(
        `SELECT setval(pg_get_serial_sequence('answers', 'seq'), coalesce((SELECT max(seq) FROM answers), 0) + 1, false)`,
        [],
      );
      await run('COMMIT');
    } catch (error) {
      await run('ROLLBACK');
      throw error;
    }
  });
  await migrate(handle);
  return rows.length;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
