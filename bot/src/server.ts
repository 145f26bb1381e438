import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { configSchema, type Config, type ConfigInput } from './config.js';
import { createLogger, type Logger } from './log.js';
import type { Database } from './db/database.js';
import { openDatabase } from './db/open.js';
import { migrate } from './db/migrate.js';
import { privilegeWarnings } from './db/runtimeRole.js';
import { ensureDefaultCampaign } from './store/campaigns.js';
import { principalForToken } from './store/users.js';
import { looksLikeToken } from './auth/tokens.js';
import { ApiError } from './http/errors.js';
import { readBody } from './http/body.js';
import type { ChannelRoute } from './http/channelRoute.js';
import { compileRoutes, matchRoute, type ApiResponse, type Services } from './http/router.js';
import { serveStatic } from './http/static.js';
import { ROUTES } from './api/routes.js';
import { openApiDocument } from './api/openapi.js';

/** A handler mounted before the REST API (the bot mounts `/api/messages` here). Returns true when it answered. */
export type ExtraHandler = (req: IncomingMessage, res: ServerResponse, services: Services) => Promise<boolean>;

export interface ServerOptions {
  /** Use this database instead of opening one from the config (it is then not closed by `close`). */
  db?: Database;
  logger?: Logger;
  now?: () => Date;
  extraHandlers?: ExtraHandler[];
  /** Chat channel endpoints (see http/channelRoute.ts). */
  channels?: ChannelRoute[];
}

export interface RunningServer {
  url: string;
  port: number;
  db: Database;
  services: Services;
  close(): Promise<void>;
}

function send(res: ServerResponse, r: ApiResponse): void {
  const headers: Record<string, string | number> = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...(r.headers ?? {}) };
  let payload: Buffer | string | undefined = r.body;
  if (r.json !== undefined) {
    payload = JSON.stringify(r.json);
    headers['content-type'] = 'application/json; charset=utf-8';
  } else if (r.contentType) headers['content-type'] = r.contentType;
  if (payload !== undefined) headers['content-length'] = Buffer.byteLength(payload);
  res.writeHead(r.status, headers);
  res.end(payload);
}

function errorResponse(e: ApiError): ApiResponse {
  return { status: e.status, json: e.toBody(), headers: { ...(e.status === 401 ? { 'www-authenticate': 'Bearer' } : {}), ...(e.headers ?? {}) } };
}

/**
 * Starts the service: opens the database, applies the migrations, loads the 2025 campaign on
 * first start, and listens. `port: 0` picks a free port (tests).
 */
export async function createServer(configInput: ConfigInput | Config, options: ServerOptions = {}): Promise<RunningServer> {
  const config = configSchema.parse(configInput);
  const log = options.logger ?? createLogger(config.logLevel);
  const ownsDb = !options.db;
  const db = options.db ?? (await openDatabase(config));
  try {
    const applied = await migrate(db);
    const seeded = await ensureDefaultCampaign(db);
    if (applied.length > 0 || seeded) log.info('database prepared', { migrationsApplied: applied, defaultCampaignLoaded: seeded });
    for (const warning of await privilegeWarnings(db)) log.warn(warning);
  } catch (e) {
    if (ownsDb) await db.close().catch(() => undefined);
    throw e;
  }
  const services: Services = { db, config, log, now: options.now ?? (() => new Date()) };
  const routes = compileRoutes(ROUTES);
  const addinDir = path.resolve(config.addinDir);
  const serveAddin = existsSync(addinDir);

  async function handleApi(req: IncomingMessage, url: URL, requestId: string): Promise<ApiResponse> {
    const { route, params, allowed } = matchRoute(routes, req.method ?? 'GET', url.pathname);
    if (!route) {
      if (allowed.length > 0) throw new ApiError(405, 'request.methodNotAllowed', `此地址不支持 ${req.method}（可用：${allowed.join('、')}）`, `${req.method} not allowed here (allowed: ${allowed.join(', ')})`, undefined, undefined, { allow: allowed.join(', ') });
      throw new ApiError(404, 'request.unknownPath', `没有这个接口：${url.pathname}`, `no such endpoint: ${url.pathname}`);
    }
    const header = String(req.headers.authorization ?? '');
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!header) throw new ApiError(401, 'auth.missingToken', '缺少访问令牌（Authorization: Bearer …）', 'missing bearer token (Authorization: Bearer …)');
    const token = m?.[1];
    const principal = token && looksLikeToken(token) ? await principalForToken(db, token) : undefined;
    if (!principal) throw new ApiError(401, 'auth.invalidToken', '访问令牌无效或已停用', 'the bearer token is invalid or disabled');
    if (!route.def.roles.includes(principal.role)) {
      throw new ApiError(403, 'auth.roleNotAllowed', `角色“${principal.role}”不能执行此操作：${route.def.summary.zh}`, `role ${principal.role} may not: ${route.def.summary.en}`);
    }
    return route.def.handler({ ...services, req, params, query: url.searchParams, principal, requestId });
  }

  const server = http.createServer(async (req, res) => {
    const started = performance.now();
    const requestId = randomUUID();
    res.setHeader('x-request-id', requestId);
    let status = 500;
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      for (const h of options.extraHandlers ?? []) if (await h(req, res, services)) return;
      const channel = (options.channels ?? []).find((c) => c.path === url.pathname);
      if (channel) {
        const method = (req.method ?? 'GET').toUpperCase();
        if (!channel.methods.includes(method as 'GET' | 'POST')) {
          throw new ApiError(405, 'request.methodNotAllowed', `此地址不支持 ${method}（可用：${channel.methods.join('、')}）`, `${method} not allowed here (allowed: ${channel.methods.join(', ')})`, undefined, undefined, { allow: channel.methods.join(', ') });
        }
        const head = { method, path: url.pathname, query: Object.fromEntries(url.searchParams), headers: req.headers, ip: req.socket.remoteAddress ?? '' };
        const early = channel.precheck?.(head, services);
        const out = early ?? (await channel.handle({ ...head, body: method === 'GET' ? Buffer.alloc(0) : await readBody(req, channel.bodyLimit) }, services));
        status = out.status;
        const payload = out.body === undefined ? undefined : out.body;
        res.writeHead(out.status, { 'cache-control': 'no-store', ...(payload !== undefined ? { 'content-length': Buffer.byteLength(payload) } : {}), ...(out.headers ?? {}) });
        res.end(payload);
        return;
      }
      if (url.pathname.startsWith('/api/v1/')) {
        // The add-in may be served from another origin (Office sideloading): bearer tokens, no
        // cookies, so any origin may call with its token.
        res.setHeader('access-control-allow-origin', '*');
        res.setHeader('access-control-expose-headers', 'etag, location, x-request-id, content-disposition');
        if (req.method === 'OPTIONS') {
          status = 204;
          res.writeHead(204, {
            'access-control-allow-methods': 'GET, POST, PUT, PATCH, OPTIONS',
            'access-control-allow-headers': 'authorization, content-type, if-match, x-file-name',
            'access-control-max-age': '600',
          });
          res.end();
          return;
        }
      }
      let r: ApiResponse;
      if (url.pathname === '/healthz') {
        try {
          await db.query('SELECT 1');
          r = { status: 200, json: { status: 'ok', database: db.kind } };
        } catch (e) {
          log.error('health check failed', { err: e });
          r = { status: 503, json: { status: 'unavailable', database: db.kind, error: { key: 'health.databaseUnreachable', zh: '数据库无法访问', en: 'the database is unreachable' } } };
        }
      } else if (url.pathname === '/api/v1/openapi.json' && req.method === 'GET') {
        r = { status: 200, json: openApiDocument() };
      } else if (url.pathname.startsWith('/api/')) {
        r = await handleApi(req, url, requestId);
      } else if (serveAddin && (await serveStatic(addinDir, req, res, url.pathname))) {
        status = 200;
        return;
      } else {
        r = errorResponse(new ApiError(404, 'request.unknownPath', `没有这个地址：${url.pathname}`, `no such path: ${url.pathname}`));
      }
      status = r.status;
      send(res, r);
    } catch (e) {
      const apiError = e instanceof ApiError ? e : undefined;
      if (!apiError) log.error('request failed', { requestId, method: req.method, url: req.url, err: e });
      const r = errorResponse(apiError ?? new ApiError(500, 'internal', '服务内部错误，请稍后重试或联系维护者', 'internal error; retry later or contact the maintainers'));
      status = r.status;
      if (!res.headersSent) send(res, r);
      else res.destroy();
      // A refused oversized upload: discard the rest so the client reads the answer, but do not
      // wait for a client that never stops sending.
      if (r.status === 413) {
        req.resume();
        setTimeout(() => req.destroy(), 5_000).unref();
      }
    } finally {
      log.debug('request', { requestId, method: req.method, path: req.url?.split('?')[0], status, ms: Math.round(performance.now() - started) });
    }
  });
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  for (const c of options.channels ?? []) c.start?.(services);
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const url = `http://${host}:${port}`;
  log.info('kekao service listening', { url, port, database: db.kind, databaseDescription: db.description, addin: serveAddin ? addinDir : null });

  let closed = false;
  return {
    url,
    port,
    db,
    services,
    async close() {
      if (closed) return;
      closed = true;
      for (const c of options.channels ?? []) await c.stop?.();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      if (ownsDb) await db.close();
    },
  };
}
