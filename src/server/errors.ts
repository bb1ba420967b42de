/** An error a route turns into its status code and message; anything else is a 500 (or a 503). */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = () => new HttpError(404, 'not found');

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
