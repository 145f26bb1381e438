import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface AddinFilesOptions {
  root: string;
  /** Serve `.map` files (a development build's source maps); off in production. */
  sourceMaps: boolean;
}

/**
 * The file a URL path names inside `root`, or undefined: `/` is the task pane; a folder is its
 * index.html; the real path (symbolic links resolved) must stay inside the real root, so a link
 * to a file elsewhere is not served.
 */
async function fileFor(realRoot: string, pathname: string, sourceMaps: boolean): Promise<string | undefined> {
  let rel = pathname === '/' ? '/taskpane.html' : pathname;
  if (rel.endsWith('/')) rel += 'index.html';
  if (!sourceMaps && rel.toLowerCase().endsWith('.map')) return undefined;
  let file = path.resolve(realRoot, '.' + rel);
  const inside = (f: string) => f === realRoot || f.startsWith(realRoot + path.sep);
  if (!inside(file)) return undefined;
  try {
    file = await realpath(file);
    if ((await stat(file)).isDirectory()) file = await realpath(path.join(file, 'index.html'));
    if (!inside(file) || !(await stat(file)).isFile()) return undefined;
    if (!sourceMaps && file.toLowerCase().endsWith('.map')) return undefined;
    return path.relative(realRoot, file);
  } catch {
    return undefined;
  }
}

/**
 * The add-in's built files (addin/dist) with @fastify/static: `GET`/`HEAD` of any path the API
 * does not claim. Returns false when the path names no servable file (the caller answers 404).
 */
export async function addinFiles(
  app: FastifyInstance,
  o: AddinFilesOptions,
): Promise<(request: FastifyRequest, reply: FastifyReply, pathname: string) => Promise<boolean>> {
  const realRoot = await realpath(path.resolve(o.root));
  await app.register(fastifyStatic, {
    root: realRoot,
    serve: false,
    cacheControl: false,
    etag: false,
    lastModified: false,
    setHeaders: (reply, file) => {
      reply.header('content-type', TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream');
      reply.header('cache-control', 'no-cache');
    },
  });
  return async (request, reply, pathname) => {
    const rel = await fileFor(realRoot, pathname, o.sourceMaps);
    if (rel === undefined) return false;
    await reply.sendFile(rel, realRoot);
    return true;
  };
}
