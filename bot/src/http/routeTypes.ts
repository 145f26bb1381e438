import type { IncomingHttpHeaders } from 'node:http';
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
  headers: IncomingHttpHeaders;
  /** The raw request body as read by the HTTP layer (within the route's `bodyLimit`); empty when none. */
  body: Buffer;
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
  /** Path parameters (400 when they do not match); default: `{ id: UUID }` for paths with `{id}`. */
  params?: z.ZodType;
  /** Largest body read for this operation (bytes); larger requests get 413 before the handler runs. Default 64 KiB. */
  bodyLimit?: number | ((config: Config) => number);
  requestBody?: { contentTypes: Record<string, z.ZodType | 'binary'>; required: boolean };
  responses: Record<number, RouteDoc>;
  handler(ctx: RouteContext): Promise<ApiResponse>;
}
