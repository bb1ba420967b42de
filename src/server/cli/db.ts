// `npm run db -- migrate | status | backup FILE | restore FILE`: the database the server would use
// (DATABASE_URL, or PGlite in DATA_DIR), configured by the same environment variables.
import { createWriteStream, readFileSync } from 'node:fs';
import { readConfig } from '../config';
import { backupDatabase, restoreDatabase } from '../db/backup';
import { migrate, readMigrations, schemaVersion } from '../db/migrate';
import { openDatabase } from '../db/open-database';
import { messageOf } from '../errors';

const USAGE = `Usage: npm run db -- <command>
  migrate          apply the migrations not yet applied
  status           the schema version, and the migrations this server has
  backup FILE      write the whole database to FILE (JSON Lines; restores into PGlite or PostgreSQL)
  restore FILE     load a backup into an empty database (then migrate it)`;

async function main(args: string[]): Promise<number> {
  const [command, file] = args;
  if (
    !command ||
    !['migrate', 'status', 'backup', 'restore'].includes(command) ||
    (['backup', 'restore'].includes(command) && !file)
  ) {
    console.error(USAGE);
    return 2;
  }
  const read = readConfig(process.env);
  if (!read.ok) {
    console.error(read.problems.join('\n'));
    return 1;
  }
  const { config } = read;
  const handle = await openDatabase(
    config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir },
  );
  try {
    if (command === 'migrate') {
      const applied = await migrate(handle);
      console.log(applied.length ? `Applied ${applied.join(', ')}.` : 'The database is up to date.');
    } else if (command === 'status') {
      console.log(`Database: ${handle.kind}; schema version ${await schemaVersion(handle)}.`);
      for (const migration of readMigrations()) console.log(`  ${migration.name}`);
    } else if (command === 'backup' && file) {
      const out = createWriteStream(file, { flags: 'wx' });
      const count = await backupDatabase(handle, (line) => out.write(`${line}\n`));
      await new Promise<void>((resolve, reject) =>
        out.end((error?: Error | null) => (error ? reject(error) : resolve())),
      );
      console.log(`Wrote ${count} rows to ${file}.`);
    } else if (command === 'restore' && file) {
      const count = await restoreDatabase(handle, readFileSync(file, 'utf8').split('\n'));
      console.log(`Restored ${count} rows from ${file}.`);
    }
    return 0;
  } finally {
    await handle.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`npm run db: ${messageOf(error)}`);
    process.exit(1);
  },
);
