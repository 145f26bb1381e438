import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { Database } from '../db/database.js';
import type { Principal, Role } from '../auth/principal.js';
import { looksLikeToken } from '../auth/tokens.js';
import { principalForToken } from '../store/users.js';
import { ApiError } from './errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling; set by the authentication hook of /api/v1 routes. */
    principal?: Principal;
  }
}

export interface AuthenticationOptions {
  db: Database;
  /** Failed authentications one address may make within a minute before it gets 429. */
  failuresPerMinute: number;
}

export type Authenticate = (roles: readonly Role[], summary: { zh: string; en: string }) => onRequestAsyncHookHandler;

const tooManyFailures = (seconds: number) =>
  new ApiError(
    429,
    'auth.tooManyFailures',
    `此地址一分钟内身份验证失败次数过多，请 ${seconds} 秒后重试`,
    `too many failed authentications from this address within a minute; retry in ${seconds} s`,
    undefined,
    undefined,
    { 'retry-after': String(seconds) },
  );

/**
 * The `onRequest` hook of every /api/v1 operation: it runs before Fastify reads the body, so an
 * unauthenticated request never has its body read or parsed. Bearer token → principal (SHA-256
 * lookup), then the operation's roles (403).
 *
 * Failed authentications are limited per client address with @fastify/rate-limit's store, used
 * through `createRateLimit`: the plugin's own route hook counts every request, and only failures
 * may count here (an office of many officers behind one address makes many good requests). So a
 * request first reads its address's count without incrementing (blocked → 429 without a database
 * lookup) and only a failed token increments it.
 */
export async function authentication(app: FastifyInstance, o: AuthenticationOptions): Promise<Authenticate> {
  await app.register(rateLimit, { global: false });
  const failures = app.createRateLimit({ max: o.failuresPerMinute, timeWindow: 60_000 });
  const blocked = async (request: FastifyRequest) => {
    const state = await failures(request, { increment: false });
    return !state.isAllowed && state.remaining === 0 ? state.ttlInSeconds || 60 : 0;
  };
  const fail = async (request: FastifyRequest, error: ApiError) => {
    const state = await failures(request);
    if (!state.isAllowed && state.isExceeded) throw tooManyFailures(state.ttlInSeconds || 60);
    request.log.info({ key: error.key }, 'authentication failed');
    throw error;
  };
  return (roles, summary) => async (request) => {
    const wait = await blocked(request);
    if (wait > 0) throw tooManyFailures(wait);
    const header = String(request.headers.authorization ?? '');
    if (!header) throw new ApiError(401, 'auth.missingToken', '缺少访问令牌（Authorization: Bearer …）', 'missing bearer token (Authorization: Bearer …)');
    const token = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
    const principal = token && looksLikeToken(token) ? await principalForToken(o.db, token) : undefined;
    if (!principal) return fail(request, new ApiError(401, 'auth.invalidToken', '访问令牌无效或已停用', 'the bearer token is invalid or disabled'));
    if (!roles.includes(principal.role)) {
      throw new ApiError(403, 'auth.roleNotAllowed', `角色“${principal.role}”不能执行此操作：${summary.zh}`, `role ${principal.role} may not: ${summary.en}`);
    }
    request.principal = principal;
  };
}
