import type { DestinationStream } from 'pino';
import { buildApp, type AppOptions } from './app';
import type { ServerConfig } from './config';
import { loadServerContent, type ServerContent } from './content/server-content';
import { migrate } from './db/migrate';
import { openDatabase, type DatabaseHandle } from './db/open-database';

export type RunningServer = {
  url: string;
  app: Awaited<ReturnType<typeof buildApp>>['app'];
  database: DatabaseHandle;
  /** Stops taking requests, finishes those in flight, then closes the database. */
  close(): Promise<void>;
};

export type StartOptions = Omit<AppOptions, 'config' | 'database' | 'content'> & {
  database?: DatabaseHandle;
  content?: ServerContent;
  logStream?: DestinationStream;
};

/** Opens the database, migrates it, checks the banks, and listens: what `npm start` runs. */
export async function startServer(config: ServerConfig, options: StartOptions = {}): Promise<RunningServer> {
  const content = options.content ?? loadServerContent();
  const database =
    options.database ??
    (await openDatabase(
      config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir },
    ));
  try {
    await migrate(database);
    const { app } = await buildApp({ ...options, config, database, content });
    // A whole class opening the join page at once overflows Node's default queue of 511 waiting
    // connections; the kernel then drops them and clients retry after 1, 3, 7… seconds.
    const url = await app.listen({ port: config.port, host: config.host, backlog: 4096 });
    let closing: Promise<void> | undefined;
    return {
      url,
      app,
      database,
      close() {
        closing ??= app.close().then(() => database.close());
        return closing;
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
