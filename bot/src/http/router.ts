import type { IncomingMessage } from 'node:http';
import type { z } from 'zod/v4';
import type { Database } from '../db/database.js';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { Principal, Role } from '../auth/principal.js';

export interface ApiResponse {
  status: number;
  json?: unknown;
  body?: Buffer | string;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface Services {
  db: Database;
  config: Config;
  log: Logger;
  /** The clock; tests set it to check deadline rules. */
  now: () => Date;
}

export interface RouteContext extends Services {
  req: IncomingMessage;
  params: Record<string, string>;
  query: URLSearchParams;
  principal: Principal;
  requestId: string;
}

export interface RouteDoc {
  description?: string;
  schema?: z.ZodType;
  contentType?: string;
}

/** One API operation: the handler plus what the OpenAPI document says about it. */
export interface RouteDef {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI-style template: `/api/v1/submissions/{id}`. */
  path: string;
  operationId: string;
  summary: { zh: string; en: string };
  tag: string;
  /** Who may call it at all (finer checks — scope, assignment — happen in the handler). */
  roles: readonly Role[];
  query?: z.ZodType;
  requestBody?: { contentTypes: Record<string, z.ZodType | 'binary'>; required: boolean };
  responses: Record<number, RouteDoc>;
  handler(ctx: RouteContext): Promise<ApiResponse>;
}

export interface CompiledRoute {
  def: RouteDef;
  regex: RegExp;
  names: string[];
}

export function compileRoutes(defs: readonly RouteDef[]): CompiledRoute[] {
  return defs.map((def) => {
    const names: string[] = [];
    const pattern = def.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{([a-zA-Z]+)\\?\}|\{([a-zA-Z]+)\}/g, (_m, a, b) => {
      names.push(a ?? b);
      return '([^/]+)';
    });
    return { def, regex: new RegExp(`^${pattern}$`), names };
  });
}

/** The route for a method and path; `allowed` lists the methods of a path that exists with another method. */
export function matchRoute(routes: CompiledRoute[], method: string, pathname: string): { route?: CompiledRoute; params: Record<string, string>; allowed: string[] } {
  const allowed: string[] = [];
  for (const r of routes) {
    const m = r.regex.exec(pathname);
    if (!m) continue;
    if (r.def.method !== method) {
      allowed.push(r.def.method);
      continue;
    }
    const params: Record<string, string> = {};
    r.names.forEach((n, i) => {
      params[n] = decodeURIComponent(m[i + 1]!);
    });
    return { route: r, params, allowed };
  }
  return { params: {}, allowed };
}
