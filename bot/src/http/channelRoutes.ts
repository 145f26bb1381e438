import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import type { ChannelRequest, ChannelRoute } from './channelRoute.js';
import type { Services } from './routeTypes.js';

function head(request: FastifyRequest): Omit<ChannelRequest, 'body'> {
  const url = new URL(request.url, 'http://localhost');
  return { method: request.method, path: url.pathname, query: Object.fromEntries(url.searchParams), headers: request.headers, ip: request.ip };
}

function send(reply: FastifyReply, out: { status: number; headers?: Record<string, string>; body?: string | Buffer }): FastifyReply {
  reply.code(out.status).header('cache-control', 'no-store');
  for (const [k, v] of Object.entries(out.headers ?? {})) reply.header(k, v);
  return reply.send(out.body ?? '');
}

/**
 * The chat channels' endpoints (Teams `/api/messages`, WeCom `/api/wecom`) as Fastify routes.
 * A channel's `precheck` is the route's `onRequest` hook (before the body is read); the body is
 * read as bytes up to the channel's limit and handed over with the headers as plain data. An
 * exception in a channel is answered by the service's error handler with a generic message.
 */
export async function channelRoutes(app: FastifyInstance, channels: readonly ChannelRoute[], services: Services): Promise<void> {
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    for (const channel of channels) {
      const precheck = channel.precheck;
      scope.route({
        method: [...channel.methods] as HTTPMethods[],
        url: channel.path,
        bodyLimit: typeof channel.bodyLimit === 'function' ? channel.bodyLimit(services.config) : channel.bodyLimit,
        ...(precheck
          ? {
              onRequest: async (request: FastifyRequest, reply: FastifyReply) => {
                const early = precheck(head(request), services);
                if (early) return send(reply, early);
              },
            }
          : {}),
        handler: async (request, reply) => {
          const body = request.method === 'GET' || !Buffer.isBuffer(request.body) ? Buffer.alloc(0) : request.body;
          return send(reply, await channel.handle({ ...head(request), body }, services));
        },
      });
    }
  });
}
