// `npm start` (after the build) and `npm run serve`: the classroom server, configured by the environment.
import { readConfig } from './config';
import { messageOf } from './errors';
import { startServer } from './start-server';

const read = readConfig(process.env);
if (!read.ok) {
  console.error(
    `The server cannot start; fix these settings:\n${read.problems.map((p) => `  ${p}`).join('\n')}`,
  );
  process.exit(1);
}
const { config } = read;

try {
  const server = await startServer(config);
  server.app.log.info(
    { database: server.database.kind, signup: config.allowSignup },
    `Source Quiz is serving at ${config.publicUrl ?? server.url}`,
  );
  const stop = (signal: string) => {
    server.app.log.info(`${signal}: finishing requests in flight, then stopping`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        server.app.log.error({ err: error }, 'stopping failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
} catch (error) {
  console.error(`The server cannot start: ${messageOf(error)}`);
  process.exit(1);
}
