import { getTableColumns } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate, readMigrations, schemaVersion } from '@/server/db/migrate';
import { openDatabase, type DatabaseHandle, type RunSql } from '@/server/db/open-database';
import * as schema from '@/server/db/schema';
import { createPostgresDatabase, DATABASE_KINDS, emptyPglite, type DatabaseKind } from './test-server';

const F1 = '1'.repeat(64);
const F2 = '2'.repeat(64);

/**
 * One case per migration: rows written with the schema before it, and what must hold after it.
 * A new migration without a case here fails the suite: write the rows its change could break.
 */
const CASES: Record<
  number,
  { before: (run: RunSql) => Promise<void>; after: (run: RunSql) => Promise<void> }
> = {
  1: {
    // Before the first migration the database is empty, but a server may have created the
    // migrations table already: it must survive.
    before: async () => undefined,
    after: async (run) => {
      await run(`INSERT INTO teachers VALUES ('t', 'a@b.example', NULL, now())`, []);
      await run(`INSERT INTO classes VALUES ('c', 't', 'C', '["Ana"]', now())`, []);
      const [row] = await run('SELECT roster FROM classes', []);
      expect(row?.roster).toEqual(['Ana']);
    },
  },
  2: {
    // Live sessions are new tables beside the old ones: teachers and assignments stay as they were.
    before: async (run) => {
      await run(`INSERT INTO teachers VALUES ('t2', 'live@b.example', NULL, now())`, []);
    },
    after: async (run) => {
      const insertSession = (id: string, pin: string, phase: string) =>
        run(
          `INSERT INTO live_sessions (id, teacher_id, title, pin, questions, options, phase, question_index,
             locked, distribution_shown, created_at) VALUES ($1, 't2', 'Live', $2, '[]', '{}', $3, -1, false, false, now())`,
          [id, pin, phase],
        );
      await insertSession('s1', '123456', 'ended');
      await insertSession('s2', '123456', 'lobby');
      // Two sessions still running cannot share a PIN; an ended one frees it.
      await expect(insertSession('s3', '123456', 'lobby')).rejects.toThrow();
      await expect(insertSession('s4', '12345', 'lobby')).rejects.toThrow();
    },
  },
  3: {
    // Disputes, changes and regrades are new tables: the answers they point at stay as they were.
    before: async (run) => {
      await run(`INSERT INTO teachers VALUES ('t3', 'dispute@b.example', NULL, now())`, []);
      await run(`INSERT INTO question_versions VALUES ($1, 'q', '{}', now()), ($2, 'q', '{}', now())`, [
        F1,
        F2,
      ]);
      await run(
        `INSERT INTO assignments (id, teacher_id, title, question_ids, mode, minutes, same_order, seed,
           attempts_allowed, created_at) VALUES ('a3', 't3', 'A', '["q"]', 'practice', 0, true, 's', 1, now())`,
        [],
      );
      await run(
        `INSERT INTO attempts (id, assignment_id, student_name, student_key, number, resume_code_hash, questions,
           started_at) VALUES ('p3', 'a3', 'Ana', 'ana', 1, 'h', '[]', now())`,
        [],
      );
      await run(
        `INSERT INTO answers (attempt_id, answer_id, question_index, question_fingerprint, response, points, verdict,
           grade, locks_question, received_at) VALUES ('p3', 'x', 0, $1, '{}', 0, 'wrong', '{}', true, now())`,
        [F1],
      );
    },
    after: async (run) => {
      const [answer] = await run(`SELECT seq, points FROM answers WHERE attempt_id = 'p3'`, []);
      expect(Number(answer?.points)).toBe(0);
      const file = (id: string, selection: string) =>
        run(
          `INSERT INTO disputes (id, teacher_id, attempt_id, question_index, question_fingerprint, kind, message,
             source_id, passage_id, selection_start, selection_end, status, created_at)
           VALUES ($1, 't3', 'p3', 0, $2, 'key', '<b>wrong</b>', ${selection}, 'open', now())`,
          [id, F1],
        );
      await file('d1', `'s', 'p', 0, 4`);
      await file('d2', 'NULL, NULL, NULL, NULL');
      // A selection is whole and not empty; a dispute names an attempt or a live player.
      await expect(file('d3', `'s', 'p', 4, 4`)).rejects.toThrow();
      await expect(file('d4', `'s', NULL, 0, 4`)).rejects.toThrow();
      await run(`INSERT INTO question_changes VALUES ('c1', 't3', $1, $2, '{}', now())`, [F1, F2]);
      await expect(
        run(`INSERT INTO question_changes VALUES ('c2', 't3', $1, $2, '{}', now())`, [F1, F2]),
      ).rejects.toThrow();
      await run(
        `INSERT INTO regrades (change_id, answer_seq, student_name, old_points, new_points, old_verdict, new_verdict,
           new_grade, regraded_at) VALUES ('c1', $1, 'Ana', 0, 1, 'wrong', 'correct', '{}', now())`,
        [answer?.seq],
      );
      const [regrade] = await run(`SELECT new_points FROM regrades`, []);
      expect(Number(regrade?.new_points)).toBe(1);
    },
  },
  4: {
    // The disputes filed before (d1, d2 above) keep theirs, each taking its own id as the device's.
    before: async () => undefined,
    after: async (run) => {
      const earlier = await run(`SELECT id, client_id FROM disputes ORDER BY id`, []);
      expect(earlier).toEqual(
        [
          { id: 'd1', client_id: 'd1' },
          { id: 'd2', client_id: 'd2' },
        ].map((row) => expect.objectContaining(row)),
      );
      const file = (id: string, clientId: string | null) =>
        run(
          `INSERT INTO disputes (id, client_id, teacher_id, attempt_id, question_index, question_fingerprint, kind,
             message, status, created_at) VALUES ($1, $2, 't3', 'p3', 0, $3, 'key', 'Wrong', 'open', now())`,
          [id, clientId, F1],
        );
      await file('d5', 'device-id-1');
      // Once per attempt: a device's id sent again is not a second dispute.
      await expect(file('d6', 'device-id-1')).rejects.toThrow();
      await expect(file('d7', null)).rejects.toThrow();
      await expect(file('d8', 'x'.repeat(65))).rejects.toThrow();
    },
  },
};

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

async function emptyDatabase(kind: DatabaseKind): Promise<DatabaseHandle> {
  if (kind === 'pglite') {
    const handle = await emptyPglite();
    cleanups.push(() => handle.close());
    return handle;
  }
  const created = await createPostgresDatabase();
  const handle = await openDatabase({ databaseUrl: created.url });
  cleanups.push(async () => {
    await handle.close();
    await created.drop();
  });
  return handle;
}

describe('migrations', () => {
  it('are numbered in order without gaps, each with a test case', () => {
    const versions = readMigrations().map((m) => m.version);
    expect(versions).toEqual(versions.map((_, index) => index + 1));
    for (const version of versions) expect(CASES[version], `a case for migration ${version}`).toBeDefined();
  });
});

describe.each(DATABASE_KINDS)('migrations (%s)', (kind) => {
  it('each applies to the previous schema with data in it', async () => {
    const handle = await emptyDatabase(kind);
    for (const migration of readMigrations()) {
      await migrate(handle, { target: migration.version - 1 });
      await handle.withConnection((run) => CASES[migration.version]!.before(run));
      expect(await migrate(handle, { target: migration.version })).toEqual([migration.name]);
      await handle.withConnection((run) => CASES[migration.version]!.after(run));
    }
    expect(await migrate(handle)).toEqual([]);
    expect(await schemaVersion(handle)).toBe(readMigrations().length);
  });

  it('create exactly the columns the query layer knows', async () => {
    const handle = await emptyDatabase(kind);
    await migrate(handle);
    const tables: PgTable[] = [
      schema.teachers,
      schema.sessions,
      schema.passwordResets,
      schema.classes,
      schema.questionVersions,
      schema.assignments,
      schema.attempts,
      schema.answers,
      schema.liveSessions,
      schema.livePlayers,
      schema.liveAnswers,
      schema.questionChanges,
      schema.disputes,
      schema.regrades,
    ];
    expect(tables.length).toBe(14);
    for (const table of tables) {
      const { name } = getTableConfig(table);
      const rows = await handle.withConnection((run) =>
        run('SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY column_name', [
          name,
        ]),
      );
      const inDatabase = rows.map((row) => String(row.column_name));
      const known = Object.values(getTableColumns(table))
        .map((column) => column.name)
        .sort();
      expect([name, inDatabase]).toEqual([name, known]);
    }
  });

  it('refuse a database newer than the code', async () => {
    const handle = await emptyDatabase(kind);
    await migrate(handle);
    await handle.withConnection((run) =>
      run(`INSERT INTO schema_migrations VALUES (999, '0999-future.sql', now())`, []),
    );
    await expect(migrate(handle)).rejects.toThrow(/newer than this code/);
  });
});
