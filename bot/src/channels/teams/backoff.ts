/**
 * Retries a call to the Bot Connector when Teams throttles it (HTTP 429), honouring Retry-After
 * (seconds or an HTTP date) and otherwise backing off exponentially with jitter — the pattern
 * Microsoft documents for Teams bots ("Optimize your bot: rate limiting and best practices").
 * 5xx answers are retried the same way; other errors are not.
 */

export interface BackoffOptions {
  retries?: number;
  baseMs?: number;
  maxMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Called before each wait (for logs and tests). */
  onRetry?: (info: { attempt: number; status: number; waitMs: number }) => void;
}

export function statusOf(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { statusCode?: unknown; status?: unknown; response?: { status?: unknown } };
  for (const v of [e.statusCode, e.status, e.response?.status]) if (typeof v === 'number') return v;
  return undefined;
}

/** Retry-After of an error's response in ms, if the server sent one. */
export function retryAfterMs(err: unknown, now = Date.now()): number | undefined {
  const headers = (err as { response?: { headers?: unknown } })?.response?.headers as
    | { get?: (n: string) => string | undefined | null }
    | Record<string, string | undefined>
    | undefined;
  if (!headers) return undefined;
  const raw =
    typeof (headers as { get?: unknown }).get === 'function'
      ? (headers as { get: (n: string) => string | undefined | null }).get('retry-after')
      : ((headers as Record<string, string | undefined>)['retry-after'] ?? (headers as Record<string, string | undefined>)['Retry-After']);
  if (raw == null || raw === '') return undefined;
  const secs = Number(raw);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const at = Date.parse(raw);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

export async function withBackoff<T>(fn: () => Promise<T>, o: BackoffOptions = {}): Promise<T> {
  const retries = o.retries ?? 5;
  const base = o.baseMs ?? 500;
  const max = o.maxMs ?? 30_000;
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      const status = statusOf(err);
      const retryable = status === 429 || (status !== undefined && status >= 500);
      if (!retryable || attempt >= retries) throw err;
      const exp = Math.min(max, base * 2 ** attempt);
      const waitMs = Math.min(max, retryAfterMs(err) ?? exp / 2 + Math.random() * (exp / 2));
      o.onRetry?.({ attempt: attempt + 1, status: status!, waitMs });
      await sleep(waitMs);
    }
  }
}
