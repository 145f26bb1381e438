import type { IncomingHttpHeaders } from 'node:http';
import { ApiError } from './errors.js';

/** The media type of a request (`application/json`), lower case, without parameters. */
export function mediaType(headers: IncomingHttpHeaders): string {
  return String(headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
}

export function tooLarge(limit: number): ApiError {
  const mb = (limit / 1024 / 1024).toFixed(1);
  return new ApiError(413, 'request.tooLarge', `请求内容超过 ${mb} MB 的上限`, `request body exceeds the ${mb} MB limit`, undefined, undefined, {
    connection: 'close',
  });
}

/** A high surrogate not followed by a low one, or a low one not preceded by a high one (not Unicode text). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const bad = (s: string) => s.includes('\u0000') || LONE_SURROGATE.test(s);

/**
 * The first string (value or key) PostgreSQL cannot store as text/jsonb or that is not valid
 * Unicode: a NUL character (jsonb rejects \u0000) or a lone UTF-16 surrogate. Returns its path
 * (`enterprise.name`, `items[2]`), or undefined.
 */
export function badStringPath(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return bad(value) ? path || '(body)' : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = badStringPath(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const here = path ? `${path}.${k}` : k;
      if (bad(k)) return here;
      const found = badStringPath(v, here);
      if (found) return found;
    }
  }
  return undefined;
}

export function refuseBadStrings(value: unknown, where?: string): void {
  const path = badStringPath(value);
  if (path === undefined) return;
  const at = where ? (path === '(body)' ? where : `${where}.${path}`) : path;
  throw new ApiError(
    422,
    'request.invalidCharacters',
    `${at} 含有空字符（NUL）或不成对的 UTF-16 代理字符，无法保存`,
    `${at} contains a NUL character or an unpaired UTF-16 surrogate and cannot be stored`,
    at,
  );
}

/**
 * Parses a JSON request body the HTTP layer has read: 415 unless `application/json`, 413 above
 * `limit`, 400 when empty or not JSON, 422 for strings that cannot be stored.
 */
export function readJson(headers: IncomingHttpHeaders, body: Buffer, limit = Number.POSITIVE_INFINITY): unknown {
  const type = mediaType(headers);
  if (type !== 'application/json') {
    throw new ApiError(
      415,
      'request.unsupportedMediaType',
      `请求须为 application/json（收到 ${type || '无'}）`,
      `expected application/json (got ${type || 'none'})`,
    );
  }
  if (body.length > limit) throw tooLarge(limit);
  if (body.length === 0) throw new ApiError(400, 'request.emptyBody', '请求内容为空', 'the request body is empty');
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new ApiError(400, 'request.invalidJson', `请求内容不是有效的 JSON：${detail}`, `the body is not valid JSON: ${detail}`);
  }
  refuseBadStrings(parsed);
  return parsed;
}
