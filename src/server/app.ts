import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DestinationStream } from 'pino';
import { RENDER_DIR } from '../build/render-bundle-plugin';
import { SECURITY_HEADERS } from '../build/security-headers';
import type { ServerConfig } from './config';
import { PROJECT_ROOT, type ServerContent } from './content/server-content';
import { createLiveRegradeNews, DEFAULT_LIMITS, type AppContext, type Limits } from './context';
import type { DatabaseHandle } from './db/open-database';
import { HttpError } from './errors';
import { createAccountLimiter } from './http/account-limiter';
import { isDatabaseUnavailable } from './http/database-errors';
import { logOptions } from './http/log-options';
import { checkOrigin, ownOrigin } from './http/origin-check';
import { askOwnApi } from './http/own-api';
import { loadPageRenderer, sendPage } from './http/rendered-page';
import { isAppRoute, serveApp } from './http/static-app';
import { accountRoutes } from './routes/account-routes';
import { assignmentRoutes } from './routes/assignment-routes';
import { authRoutes } from './routes/auth-routes';
import { classRoutes } from './routes/class-routes';
import { disputeRoutes } from './routes/dispute-routes';
import { liveRoutes } from './routes/live-routes';
import { attachLiveSessions } from './live/live-socket';
import { opsRoutes } from './routes/ops-routes';
import { studentRoutes } from './routes/student-routes';
import { createAnswerWriter } from './services/answer-writer';
import { createAttemptCache } from './services/attempt-cache';
import { createQuestionVersions } from './services/question-versions';

export type AppOptions = {
  config: ServerConfig;
  database: DatabaseHandle;
  content: ServerContent;
  now?: () => Date;
  limits?: Partial<Limits>;
  /** Where logs go (tests capture them); stdout by default. */
  logStream?: DestinationStream;
  /** The built app; `dist/` by default. Without one the server answers the API only. */
  distDir?: string;
  /** The build's page renderer (src/build/render-bundle-plugin.ts); beside `distDir` by default. */
  renderDir?: string;
};

const VERSION = String(JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')).version);

function sendError(error: unknown, reply: FastifyReply) {
  if (!(error instanceof Error)) return reply.code(500).send({ error: 'something went wrong on the server' });
  if (error instanceof HttpError) return reply.code(error.statusCode).send({ error: error.message });
  if (isDatabaseUnavailable(error)) {
    reply.log.warn({ err: error }, 'database unavailable');
    return reply
      .code(503)
      .header('Retry-After', '5')
      .send({ error: 'the database cannot be reached just now; try again in a moment' });
  }
  const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
  if (status >= 400 && status < 500) return reply.code(status).send({ error: error.message });
  reply.log.error({ err: error }, 'request failed');
  return reply.code(500).send({ error: 'something went wrong on the server' });
}

/** The whole server as a Fastify instance, not yet listening: `main.ts` and the tests both use it. */
export async function buildApp(options: AppOptions): Promise<{ app: FastifyInstance; context: AppContext }> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const versions = createQuestionVersions(options.database.db, options.content);
  const context: AppContext = {
    config: options.config,
    database: options.database,
    content: options.content,
    versions,
    attemptCache: createAttemptCache(options.database.db, versions),
    // PostgreSQL's pool has 10 connections: answers may take 4, the other requests keep the rest.
    answerWriter: createAnswerWriter(options.database, {
      parallel: options.database.kind === 'postgres' ? 4 : 1,
    }),
    now: options.now ?? (() => new Date()),
    limits,
    signInTries: createAccountLimiter(limits.triesPerAccount, 15 * 60_000),
    signUpTries: createAccountLimiter(limits.triesPerAccount, 15 * 60_000),
    liveRegraded: createLiveRegradeNews(),
  };
  await versions.storeCurrent(context.now());

  const app = Fastify({
    logger: logOptions(options.config.logLevel, options.logStream),
    bodyLimit: 16 * 1024,
    trustProxy: options.config.trustProxy,
    return503OnClosing: true,
  });
  app.addHook('onSend', async (_request, reply) => {
    // A page the server rendered sends its own policy: the app's, with its inline stylesheet's hash.
    for (const [name, value] of Object.entries(SECURITY_HEADERS))
      if (name !== 'Content-Security-Policy' || !reply.hasHeader(name)) reply.header(name, value);
  });
  app.addHook('onRequest', async (request) => checkOrigin(context, request));
  app.setErrorHandler((error, _request, reply) => sendError(error, reply));

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, details) =>
      new HttpError(429, `too many requests; try again in ${Math.ceil(details.ttl / 1000)} seconds`),
  });
  await app.register(opsRoutes(context, VERSION));
  await app.register(authRoutes(context));
  await app.register(accountRoutes(context));
  await app.register(classRoutes(context));
  await app.register(assignmentRoutes(context));
  await app.register(studentRoutes(context));
  await app.register(liveRoutes(context));
  await app.register(disputeRoutes(context));
  await attachLiveSessions(app, context);

  const distDir = options.distDir ?? join(PROJECT_ROOT, 'dist');
  const appPageFor = await serveApp(app, distDir);
  const renderPage = appPageFor
    ? await loadPageRenderer(distDir, options.renderDir ?? join(distDir, '..', RENDER_DIR), app.log)
    : null;
  app.setNotFoundHandler(async (request, reply) => {
    if (appPageFor && isAppRoute(request.method, request.url)) {
      const files = appPageFor(request.url);
      reply.header('Cache-Control', 'no-cache');
      const page =
        request.method === 'GET' && renderPage
          ? await renderPage(request.url, files.shell, {
              askApi: (path) => askOwnApi(app, request, path),
              origin: ownOrigin(context, request),
            })
          : null;
      return page ? sendPage(request, reply, page) : reply.sendFile(files.page);
    }
    return reply.code(404).send({ error: 'not found' });
  });
  return { app, context };
}
