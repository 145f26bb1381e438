import type { IncomingHttpHeaders } from 'node:http';
import type { Config } from '../config.js';
import type { Services } from './routeTypes.js';

/**
 * A chat channel's HTTP endpoint (Teams' `/api/messages`, WeCom's `/api/wecom`), independent of
 * the HTTP framework: the server reads the body (up to `bodyLimit`; http/channelRoutes.ts mounts it on Fastify), hands the request over as
 * plain data and writes back what the channel returns. Channels therefore never touch the
 * framework's request or response objects, and the server applies its own limits, logging and
 * error handling to them like to every other route.
 */

export interface ChannelRequest {
  method: string;
  /** The path without the query string, e.g. `/api/wecom`. */
  path: string;
  /** Query parameters (the last value wins when a name repeats). */
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** The raw body (empty for GET). */
  body: Buffer;
  /** The client's address, for logs and rate limits. */
  ip: string;
}

export interface ChannelResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface ChannelRoute {
  /** For logs: `teams`, `wecom`. */
  name: string;
  path: string;
  methods: ReadonlyArray<'GET' | 'POST'>;
  /** Largest body read for this route (bytes); larger requests get 413 before the channel sees them. */
  bodyLimit: number | ((config: Config) => number);
  /**
   * Optional check on the headers alone, run before the body is read (e.g. a missing credential):
   * a response here ends the request without reading the body.
   */
  precheck?(req: Omit<ChannelRequest, 'body'>, services: Services): ChannelResponse | undefined;
  handle(req: ChannelRequest, services: Services): Promise<ChannelResponse>;
  /** Called once when the server has started (to start schedulers); `stop` when it closes. */
  start?(services: Services): void;
  stop?(): Promise<void> | void;
}
