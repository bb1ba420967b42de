import type { FastifyRequest } from 'fastify';
import type { DestinationStream, LoggerOptions } from 'pino';

/** Ids in URLs are keys (an attempt id is all a student needs): logs keep only their first 4 characters. */
export function maskIds(url: string): string {
  return url.replace(/\/([A-Za-z0-9_-]{4})[A-Za-z0-9_-]{18}(?=\/|$|\?)/g, '/$1…');
}

/** A query error's message names the query's parameters (answers, names): they are cut off. */
function withoutParams(message: string): string {
  return message.split(/\n?params:/)[0] ?? '';
}

function safeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: 'unknown error' };
  const cause = error.cause instanceof Error ? error.cause : undefined;
  return {
    type: error.name,
    message: withoutParams(error.message),
    ...('code' in error && typeof error.code === 'string' ? { code: error.code } : {}),
    ...(cause ? { cause: { type: cause.name, message: withoutParams(cause.message) } } : {}),
    stack: error.stack
      ?.split('\n')
      .filter((line) => line.trimStart().startsWith('at '))
      .slice(0, 8)
      .join('\n'),
  };
}

/**
 * JSON logs (pino) with nothing secret in them: request lines carry method, masked URL and address
 * only (never headers or bodies), and the paths that could ever hold a secret are redacted.
 */
export function logOptions(
  level: string,
  stream?: DestinationStream,
): LoggerOptions & { stream?: DestinationStream } {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'res.headers["set-cookie"]',
        'body',
        'password',
        'token',
        'response',
      ],
      censor: '[redacted]',
    },
    serializers: {
      err: safeError,
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: maskIds(request.url),
        remoteAddress: request.ip,
      }),
    },
  };
}
