import type { z } from 'zod/v4';
import { issuesFromZod } from '@kekao/core';
import { validationFailed } from '../http/errors.js';

/** Parses with a zod schema; a failure is a 422 naming the field path, in Chinese and English. */
export function parseOr422<S extends z.ZodType>(schema: S, input: unknown, prefix?: string): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issues = issuesFromZod(r.error).map((i) => (prefix ? { ...i, path: `${prefix}.${i.path}`, zh: `${prefix}.${i.zh}`, en: `${prefix}.${i.en}` } : i));
  throw validationFailed(issues);
}

export function queryObject(q: URLSearchParams): Record<string, string> {
  const o: Record<string, string> = {};
  for (const [k, v] of q) o[k] = v;
  return o;
}
