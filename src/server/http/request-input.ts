import type { z } from 'zod';
import { describeIssue } from '../api-schemas';
import { HttpError, notFound } from '../errors';
import { isId } from '../ids';

/** A request body checked by its schema; anything else is a 400 naming the first problem. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new HttpError(400, describeIssue(parsed.error));
  return parsed.data;
}

/** The id in a URL; one that is not even shaped like ours is simply not found. */
export function idParam(params: unknown, name = 'id'): string {
  const value =
    typeof params === 'object' && params !== null
      ? Object.entries(params).find(([key]) => key === name)?.[1]
      : undefined;
  if (!isId(value)) throw notFound();
  return value;
}
