import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROUTES } from '../api/routes.js';
import { openApiDocument } from '../api/openapi.js';
import { addinFiles } from './addinFiles.js';
import { apiRoutes, methodsByPath } from './apiRoutes.js';
import { authentication } from './authentication.js';
import type { ChannelRoute } from './channelRoute.js';
import { channelRoutes } from './channelRoutes.js';
import { ApiError } from './errors.js';
import { apiErrorOf, malformedUrl, sendApiError } from './errorReply.js';
import { fastifyLogger } from './fastifyLogger.js';
import { healthCheck, type HealthCheck } from './health.js';
import type { Services } from './routeTypes.js';
import { securityHeaders } from './securityHeaders.js';

export interface HttpAppOptions {
  channels?: readonly ChannelRoute[];
  /** Database answer time allowed to /healthz. */
  healthTimeoutMs?: number;
}

/** The add-in may be served from another origin (Office sideloading): bearer tokens, no cookies, so any origin may call with its token. */
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'etag, location, x-request-id, content-disposition',
};
const PREFLIGHT = {
  'access-control-allow-methods': 'GET, HEAD, POST, PUT, PATCH, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type, if-match, x-file-name',
  'access-control-max-age': '600',
};

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The service's HTTP edge on Fastify v5: security headers (helmet, CSP), request ids, the
 * /api/v1 routes from the route table with authentication before the body is read, the chat
 * channels, /healthz, the OpenAPI document and the add-in's files; every error as
 * `{ error: { key, zh, en } }` (errorReply.ts).
 */
export async function createHttpApp(services: Services, o: HttpAppOptions = {}): Promise<{ app: FastifyInstance; health: HealthCheck }> {
  const { config, db, log } = services;
  const health = healthCheck({ db, log, timeoutMs: o.healthTimeoutMs });
  const app = Fastify({
    loggerInstance: fastifyLogger(log),
    // One debug line per request (onResponse below) instead of Fastify's two info lines.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    genReqId: () => randomUUID(),
    ...(config.trustProxy.length > 0 ? { trustProxy: config.trustProxy } : {}),
    keepAliveTimeout: 5_000,
    // Long path parameters reach their route (and its 400) instead of falling through to a 404/405.
    routerOptions: { maxParamLength: 4096 },
    // One limit for what no route claims; each route sets its own.
    bodyLimit: 64 * 1024,
    frameworkErrors: (error, request, reply) => {
      const e = error.code === 'FST_ERR_BAD_URL' ? malformedUrl() : apiErrorOf(error, request, log.child({ requestId: request.id }));
      void sendApiError(reply, e);
    },
  }) as unknown as FastifyInstance;

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (request.url.startsWith('/api/v1/')) reply.headers(CORS);
  });
  app.addHook('onResponse', async (request, reply) => {
    const write = WRITES.has(request.method) && request.url.startsWith('/api/v1/');
    if (write && reply.statusCode < 400) health.storageRecovered();
    request.log.debug({ method: request.method, path: request.url.split('?')[0], status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
  });
  app.setErrorHandler((error, request, reply) => {
    const e = apiErrorOf(error, request, log.child({ requestId: request.id }));
    if (e.status === 507) health.storageFault();
    return sendApiError(reply, e);
  });

  await securityHeaders(app);
  const authenticate = await authentication(app, { db, failuresPerMinute: config.authFailuresPerMinute });
  await apiRoutes(app, ROUTES, services, authenticate);
  await channelRoutes(app, o.channels ?? [], services);

  app.get('/healthz', async (_request, reply) => {
    const report = await health.check();
    return reply
      .code(report.status === 'ok' ? 200 : 503)
      .header('cache-control', 'no-store')
      .send(report);
  });
  app.get('/api/v1/openapi.json', async (_request, reply) => reply.header('cache-control', 'no-store').send(openApiDocument()));
  app.options('/api/v1/*', async (_request, reply) => reply.code(204).headers(PREFLIGHT).send());

  const allowed = methodsByPath(ROUTES);
  const channelMethods = new Map((o.channels ?? []).map((c) => [c.path, [...c.methods]]));
  const unmatched = (request: FastifyRequest, reply: FastifyReply, pathname: string) => {
    const methods = channelMethods.get(pathname) ?? allowed.find((a) => a.regex.test(pathname))?.methods;
    if (methods) {
      const m = request.method;
      return sendApiError(
        reply,
        new ApiError(
          405,
          'request.methodNotAllowed',
          `此地址不支持 ${m}（可用：${methods.join('、')}）`,
          `${m} not allowed here (allowed: ${methods.join(', ')})`,
          undefined,
          undefined,
          { allow: methods.join(', ') },
        ),
      );
    }
    const api = pathname.startsWith('/api/');
    return sendApiError(
      reply,
      new ApiError(
        404,
        'request.unknownPath',
        api ? `没有这个接口：${pathname}` : `没有这个地址：${pathname}`,
        api ? `no such endpoint: ${pathname}` : `no such path: ${pathname}`,
      ),
    );
  };
  const pathnameOf = (request: FastifyRequest) => {
    const raw = request.url.split('?')[0]!;
    try {
      return decodeURIComponent(raw);
    } catch {
      throw malformedUrl();
    }
  };

  const addinDir = path.resolve(config.addinDir);
  const serveFile = existsSync(addinDir) ? await addinFiles(app, { root: addinDir, sourceMaps: config.addinSourceMaps }) : undefined;
  app.get('/*', async (request, reply) => {
    const pathname = pathnameOf(request);
    if (serveFile && !pathname.startsWith('/api/') && (await serveFile(request, reply, pathname))) return reply;
    return unmatched(request, reply, pathname);
  });
  app.setNotFoundHandler((request, reply) => unmatched(request, reply, pathnameOf(request)));
  return { app, health };
}
