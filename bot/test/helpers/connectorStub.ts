import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { countWaiter } from '../../src/channels/countWaiter.js';

/**
 * A local stand-in for the Bot Connector service (`serviceUrl`): a node:http server that accepts
 * what the bot sends — replies (`POST /v3/conversations/{id}/activities/{replyToId}`) and
 * proactive messages (`POST /v3/conversations/{id}/activities`) — and records them. It can answer
 * the first N sends with HTTP 429 and a Retry-After header, as Teams does when throttling.
 */

export interface RecordedActivity {
  conversationId: string;
  replyToId?: string;
  activity: { type?: string; text?: string; attachments?: Array<{ contentType: string; content: unknown }>; [k: string]: unknown };
  authorization?: string;
}

export interface ConnectorStub {
  url: string;
  received: RecordedActivity[];
  throttled: number;
  /** Answer the next `n` sends with 429 (Retry-After: `retryAfterSeconds`). */
  throttleNext(n: number, retryAfterSeconds: number): void;
  /** Answer the next `n` sends with `status` and a Bot Connector error body carrying `message`. */
  failNext(n: number, status: number, message: string): void;
  /** Resolves when at least `n` activities have been received (or rejects after `ms`). */
  waitFor(n: number, ms?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startConnectorStub(): Promise<ConnectorStub> {
  const received: RecordedActivity[] = [];
  let throttle = 0;
  let retryAfter = 0;
  let failures = 0;
  let failure = { status: 400, message: '' };
  const stub: Partial<ConnectorStub> = { received, throttled: 0 };
  const arrivals = countWaiter(
    () => received.length,
    (have, n, ms) => `connector stub: ${have} of ${n} activities after ${ms} ms`,
  );
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec((req.url ?? '').split('?')[0]!);
      if (req.method !== 'POST' || !m) {
        res.writeHead(404).end();
        return;
      }
      if (failures > 0) {
        failures--;
        res.writeHead(failure.status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'BadArgument', message: failure.message } }));
        return;
      }
      if (throttle > 0) {
        throttle--;
        stub.throttled = (stub.throttled ?? 0) + 1;
        res
          .writeHead(429, { 'retry-after': String(retryAfter), 'content-type': 'application/json' })
          .end(JSON.stringify({ error: { code: 'TooManyRequests' } }));
        return;
      }
      const activity = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      received.push({
        conversationId: decodeURIComponent(m[1]!),
        replyToId: m[2] ? decodeURIComponent(m[2]) : undefined,
        activity,
        authorization: req.headers.authorization,
      });
      arrivals.check();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `stub-${received.length}` }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return Object.assign(stub, {
    url: `http://127.0.0.1:${port}`,
    throttleNext(n: number, secs: number) {
      throttle = n;
      retryAfter = secs;
    },
    failNext(n: number, status: number, message: string) {
      failures = n;
      failure = { status, message };
    },
    waitFor: (n: number, ms = 10_000) => arrivals.waitFor(n, ms),
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  }) as ConnectorStub;
}
