import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context';
import { HttpError } from '../errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The origin the app is served from: PUBLIC_URL's, or else the one the request was sent to. */
export function ownOrigin(context: AppContext, request: FastifyRequest): string {
  return context.config.publicUrl ?? `${request.protocol}://${request.headers.host ?? ''}`;
}

/**
 * Cross-site request forgery guard for every request that changes something: a browser always
 * says where a request comes from (Origin), and it must be the app itself. A request with no
 * Origin carries no cookie either, or it is refused: forgery needs the victim's cookie.
 */
export function checkOrigin(context: AppContext, request: FastifyRequest): void {
  if (SAFE_METHODS.has(request.method) || !request.url.startsWith('/api/')) return;
  const origin = request.headers.origin;
  if (origin === undefined) {
    if (request.headers.cookie)
      throw new HttpError(403, 'this request does not say where it comes from (no Origin)');
    return;
  }
  if (origin !== ownOrigin(context, request)) {
    throw new HttpError(403, 'this request comes from another site');
  }
}
