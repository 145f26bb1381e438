import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { uuidParamsSchema } from '../api/schemas.js';
import { ApiError } from './errors.js';
import { refuseBadStrings } from './jsonBody.js';
import type { Authenticate } from './authentication.js';
import type { ApiResponse, RouteDef, Services } from './routeTypes.js';

const EMPTY = Buffer.alloc(0);
const DEFAULT_BODY_LIMIT = 64 * 1024;

/** `/api/v1/submissions/{id}` → `/api/v1/submissions/:id` (Fastify's route syntax). */
export function fastifyPath(template: string): string {
  return template.replace(/\{([a-zA-Z]+)\}/g, ':$1');
}

/** 400 naming the path parameter that does not match (a UUID where a UUID is expected). */
function parseParams(def: RouteDef, raw: unknown): Record<string, string> {
  if (!def.path.includes('{')) return {};
  const r = (def.params ?? uuidParamsSchema).safeParse(raw);
  if (r.success) return r.data as Record<string, string>;
  const issue = r.error.issues[0]!;
  const name = String(issue.path[0] ?? 'id');
  const [zh, en] = issue.message.includes(' / ') ? issue.message.split(' / ') : [issue.message, issue.message];
  throw new ApiError(400, 'request.invalidPathParameter', `路径参数 ${name} 无效：${zh}`, `path parameter ${name} is invalid: ${en}`, name);
}

function send(reply: FastifyReply, r: ApiResponse): FastifyReply {
  reply.code(r.status).header('cache-control', 'no-store');
  for (const [k, v] of Object.entries(r.headers ?? {})) reply.header(k, v);
  if (r.json !== undefined) return reply.type('application/json; charset=utf-8').send(JSON.stringify(r.json));
  if (r.contentType) reply.type(r.contentType);
  return reply.send(r.body ?? EMPTY);
}

/**
 * One Fastify route per entry of the route table (api/routes.ts). Authentication is the route's
 * `onRequest` hook, so it runs before the body is read; the body is read as bytes up to the
 * entry's `bodyLimit` (413 above it) and the handler decides how to parse it (JSON or workbook).
 * Every GET also answers HEAD (Fastify's `exposeHeadRoutes`): same status and headers, no body.
 */
export async function apiRoutes(app: FastifyInstance, routes: readonly RouteDef[], services: Services, authenticate: Authenticate): Promise<void> {
  await app.register(async (api) => {
    api.removeAllContentTypeParsers();
    api.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    for (const def of routes) {
      const limit = typeof def.bodyLimit === 'function' ? def.bodyLimit(services.config) : (def.bodyLimit ?? DEFAULT_BODY_LIMIT);
      api.route({
        method: def.method,
        url: fastifyPath(def.path),
        bodyLimit: limit,
        onRequest: authenticate(def.roles, def.summary),
        handler: async (request: FastifyRequest, reply: FastifyReply) => {
          const params = parseParams(def, request.params);
          const query = new URL(request.url, 'http://localhost').searchParams;
          refuseBadStrings(Object.fromEntries(query), 'query');
          const r = await def.handler({
            ...services,
            log: services.log.child({ requestId: request.id }),
            headers: request.headers,
            body: Buffer.isBuffer(request.body) ? request.body : EMPTY,
            params,
            query,
            principal: request.principal!,
            requestId: request.id,
          });
          return send(reply, r);
        },
      });
    }
  });
}

/** Methods each API path answers (for 405 and `Allow`). */
export function methodsByPath(routes: readonly RouteDef[]): Array<{ regex: RegExp; methods: string[] }> {
  const byPath = new Map<string, string[]>();
  for (const r of routes) byPath.set(r.path, [...(byPath.get(r.path) ?? []), r.method]);
  return [...byPath].map(([p, methods]) => ({
    regex: new RegExp(`^${p.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[a-zA-Z]+\}/g, '[^/]+')}$`),
    methods,
  }));
}
