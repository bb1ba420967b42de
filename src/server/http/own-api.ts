import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ApiAnswer } from './rendered-page';

/**
 * A GET of the server's own API, asked as the browser would ask it with this request's cookie: a page
 * rendered on request shows only what the API's own checks let this user see, and there is no second
 * path to the data to keep right. Nothing is asked without a cookie: nobody is signed in.
 */
export async function askOwnApi(
  app: FastifyInstance,
  request: FastifyRequest,
  path: string,
): Promise<ApiAnswer> {
  if (!path.startsWith('/api/')) throw new Error(`${path} is not a path of the API`);
  const { cookie } = request.headers;
  if (cookie === undefined) return { status: 401, body: null };
  const reply = await app.inject({
    method: 'GET',
    url: path,
    headers: { cookie, accept: 'application/json' },
    // Limits by address count it as the browser's own request.
    remoteAddress: request.ip,
  });
  try {
    return { status: reply.statusCode, body: reply.json() };
  } catch {
    return { status: reply.statusCode, body: null };
  }
}
