import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from '../log.js';
import { ApiError } from './errors.js';
import { tooLarge } from './jsonBody.js';
import { databaseUnavailable, isDatabaseUnavailable, isDiskFull, storageFull } from './storageFaults.js';

/**
 * Every error answer of the service: `{ error: { key, zh, en, path? } }` with a Chinese and an
 * English sentence. Client errors say what was wrong; nothing else (no exception text, no stack)
 * leaves the process — a 500 says only that something failed, and the log keeps the details
 * with the request id.
 */

export function badRequest(zh: string, en: string, key = 'request.malformed'): ApiError {
  return new ApiError(400, key, zh, en);
}

export const malformedUrl = () =>
  badRequest('请求地址格式无效（百分号编码有误）', 'the request URL is malformed (invalid percent-encoding)', 'request.malformedUrl');

const internal = () => new ApiError(500, 'internal', '服务内部错误，请稍后重试或联系维护者', 'internal error; retry later or contact the maintainers');

/** What an error thrown while serving a request is answered with. */
export function apiErrorOf(e: unknown, request: FastifyRequest, log: Logger): ApiError {
  if (e instanceof ApiError) return e;
  const code = (e as FastifyError | undefined)?.code;
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return tooLarge(request.routeOptions.bodyLimit ?? 0);
  if (code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH')
    return badRequest('Content-Length 与实际内容长度不符', 'Content-Length does not match the body', 'request.invalidContentLength');
  if (code === 'FST_ERR_BAD_URL' || e instanceof URIError) return malformedUrl();
  if (isDiskFull(e)) {
    log.error('storage full: a write was refused, nothing saved', { err: e, method: request.method, path: request.routeOptions.url });
    return storageFull();
  }
  if (isDatabaseUnavailable(e)) {
    log.error('database unavailable', { err: e, method: request.method, path: request.routeOptions.url });
    return databaseUnavailable();
  }
  const status = (e as FastifyError | undefined)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // A client error Fastify found (e.g. an aborted upload): the reason goes to the log, the client gets the class.
    log.warn('request refused', { code, reason: e instanceof Error ? e.message : String(e) });
    return new ApiError(status, 'request.malformed', '请求无法处理：格式或长度有误', 'the request cannot be processed: its format or length is wrong');
  }
  log.error('request failed', { err: e, method: request.method, url: request.url });
  return internal();
}

export function sendApiError(reply: FastifyReply, error: ApiError): FastifyReply {
  reply.code(error.status).header('cache-control', 'no-store');
  if (error.status === 401) reply.header('www-authenticate', 'Bearer');
  for (const [k, v] of Object.entries(error.headers ?? {})) reply.header(k, v);
  if (error.status === 413) {
    // A refused oversized upload: discard the rest so the client reads the answer, but do not
    // wait for a client that never stops sending.
    reply.raw.once('finish', () => {
      reply.request.raw.resume();
      setTimeout(() => reply.request.raw.destroy(), 5_000).unref();
    });
  }
  return reply.send(error.toBody());
}
