// `npm run admin -- reset-password EMAIL | create-teacher EMAIL`: what a school's administrator does
// on the server itself (no email is sent from here, so both print a one-time link to pass on).
import { readConfig } from '../config';
import { emailSchema } from '../api-schemas';
import { migrate } from '../db/migrate';
import { openDatabase } from '../db/open-database';
import { messageOf } from '../errors';
import { createPasswordReset, createTeacher, findTeacherByEmail } from '../services/teacher-accounts';

const USAGE = `Usage: npm run admin -- <command>
  reset-password EMAIL   print a one-time link with which the teacher sets a new password
  create-teacher EMAIL   create an account (even with ALLOW_SIGNUP=false) and print its set-password link`;

async function main(args: string[]): Promise<number> {
  const [command, rawEmail] = args;
  const email = emailSchema.safeParse(rawEmail ?? '');
  if (!command || !['reset-password', 'create-teacher'].includes(command) || !email.success) {
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
    await migrate(handle);
    const now = new Date();
    const teacher =
      command === 'create-teacher'
        ? await createTeacher(handle.db, email.data, undefined, now)
        : await findTeacherByEmail(handle.db, email.data);
    if (!teacher) {
      console.error(`No teacher has the email ${email.data}.`);
      return 1;
    }
    const token = await createPasswordReset(handle.db, teacher.id, now, config.passwordResetMs);
    const base = config.publicUrl ?? `http://${config.host}:${config.port}`;
    const hours = Math.round(config.passwordResetMs / 3_600_000);
    if (command === 'create-teacher') console.log(`Created the account ${email.data}.`);
    // The token is in the fragment: browsers never send it to a server or in a Referer.
    console.log(`Send this link to ${email.data}; it sets a password once, within ${hours} h:`);
    console.log(`${base}/account/set-password#token=${token}`);
    return 0;
  } finally {
    await handle.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`npm run admin: ${messageOf(error)}`);
    process.exit(1);
  },
);
