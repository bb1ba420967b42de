import type { z } from 'zod';
import { describeIssue, isStorable } from '../api-schemas';
import { HttpError, notFound } from '../errors';
import { isId } from '../ids';

// Any string anywhere in the body, keys included, however deep.
function everyTextIn(value: unknown, check: (text: string) => boolean): boolean {
  if (typeof value === 'string') return check(value);
  if (Array.isArray(value)) return value.every((item) => everyTextIn(item, check));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).every(([key, item]) => check(key) && everyTextIn(item, check));
  }
  return true;
}

/**
 * A request body checked by its schema; anything else is a 400 naming the first problem. Text the
 * database cannot hold is refused here for every route, so no schema can forget it.
 */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  if (!everyTextIn(body, isStorable)) {
    throw new HttpError(
      400,
      'the request has characters that cannot be stored (NUL or half a surrogate pair)',
    );
  }
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
