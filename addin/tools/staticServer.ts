/**
 * The add-in's static file server on Fastify v5 and @fastify/static (the service serves the add-in with the
 * same pair): serves a built add-in directory — `/` is taskpane.html — for the dev server
 * (addin/devServer.ts, https) and the browser tests (http). Malformed URLs such as `/%E0` are
 * answered 400 by Fastify's router instead of throwing; paths cannot leave the root (send's
 * containment check); nothing is cached, so a rebuild shows at once.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { resolve } from 'node:path';

export interface StaticServerOptions {
  /** The directory to serve, e.g. addin/dist. */
  root: string;
  /** TLS certificate and key: Office loads add-ins over https only. */
  https?: { cert: Buffer; key: Buffer };
}

export async function createStaticServer(options: StaticServerOptions): Promise<FastifyInstance> {
  const app = (options.https ? Fastify({ https: options.https }) : Fastify()) as unknown as FastifyInstance;
  await app.register(fastifyStatic, {
    root: resolve(options.root),
    index: ['taskpane.html'],
    cacheControl: false,
    etag: false,
    lastModified: false,
    setHeaders: (reply) => void reply.header('cache-control', 'no-store'),
  });
  return app;
}
