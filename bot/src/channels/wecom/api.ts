import { z } from 'zod/v4';
import type { Logger } from '../../log.js';

/**
 * WeCom's server API as kekao uses it: gettoken, message/send and message/update_template_card
 * (developer.work.weixin.qq.com/document/path/91039, 90236, 94888). The access token is cached
 * until shortly before `expires_in` and fetched by one call at a time (concurrent callers share
 * it); when WeCom answers that the token is invalid or expired (40014, 42001, 41001), the token
 * that failed is dropped and the call repeated once with a fresh one — callers that failed with
 * the same token share that one refresh. Frequency limits (45009, 45033) and "system busy" (-1)
 * are waited out with exponential backoff and jitter, like the Teams channel does on HTTP 429.
 * The token appears only in request URLs, never in logs or errors.
 */

export const TOKEN_ERRORS = new Set([40014, 42001, 41001]);
export const RATE_LIMIT_ERRORS = new Set([45009, 45033, -1]);

/** What an administrator should check for the errors a misconfiguration causes (全局错误码). */
const HINTS: Record<number, string> = {
  40001: '应用 Secret 不对（KEKAO_WECOM_SECRET）/ wrong application secret',
  40013: '企业ID 不对（KEKAO_WECOM_CORP_ID）/ wrong CorpID',
  40056: 'AgentId 不对（KEKAO_WECOM_AGENT_ID）/ wrong AgentId',
  60020: "本服务器的出口 IP 不在应用的“企业可信IP”中 / this server's IP is not among the application's trusted IPs",
  81013: "成员不在应用的可见范围内 / the member is outside the application's visible range",
};

export class WecomApiError extends Error {
  constructor(
    readonly path: string,
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`WeCom ${path}: errcode ${errcode} (${errmsg})${HINTS[errcode] ? ` — ${HINTS[errcode]}` : ''}`);
  }
}

export interface WecomApiOptions {
  apiBase: string;
  corpId: string;
  secret: string;
  log?: Logger;
  fetch?: typeof fetch;
  /** Backoff on rate limits: attempts after the first, first wait, longest wait. */
  retries?: number;
  baseMs?: number;
  maxMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Milliseconds clock for the token's lifetime. */
  nowMs?: () => number;
}

const replySchema = z.looseObject({ errcode: z.number().int().default(0), errmsg: z.string().default('') });
const tokenSchema = z.object({ access_token: z.string().min(1), expires_in: z.number().int().positive() });

export interface WecomApi {
  /** POSTs JSON to `path` with the access token; returns WeCom's answer when errcode is 0. */
  post(path: string, body: unknown): Promise<Record<string, unknown>>;
  /** How many gettoken calls were made (for logs and tests). */
  readonly tokenFetches: number;
}

export function createWecomApi(o: WecomApiOptions): WecomApi {
  const doFetch = o.fetch ?? fetch;
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const nowMs = o.nowMs ?? Date.now;
  const retries = o.retries ?? 6;
  const baseMs = o.baseMs ?? 500;
  const maxMs = o.maxMs ?? 30_000;
  let cached: { token: string; refreshAt: number } | undefined;
  let pending: Promise<string> | undefined;
  let tokenFetches = 0;

  async function request(path: string, init: RequestInit & { query: Record<string, string> }): Promise<z.infer<typeof replySchema>> {
    const url = new URL(`${o.apiBase}/cgi-bin/${path}`);
    for (const [k, v] of Object.entries(init.query)) url.searchParams.set(k, v);
    let res: Response;
    try {
      res = await doFetch(url, { method: init.method, headers: init.headers, body: init.body });
    } catch (e) {
      // The network error's message may quote the URL, which holds the token or the secret.
      throw Object.assign(new WecomApiError(path, -1, `network error: ${(e as { code?: string }).code ?? 'unreachable'}`), { retryable: true });
    }
    if (res.status >= 500) throw Object.assign(new WecomApiError(path, -1, `HTTP ${res.status}`), { retryable: true });
    const parsed = replySchema.safeParse(await res.json().catch(() => undefined));
    if (!parsed.success) throw new WecomApiError(path, -2, `HTTP ${res.status}: not a WeCom JSON answer`);
    return parsed.data;
  }

  async function fetchToken(): Promise<string> {
    tokenFetches++;
    const r = await request('gettoken', { method: 'GET', query: { corpid: o.corpId, corpsecret: o.secret } });
    if (r.errcode !== 0) throw new WecomApiError('gettoken', r.errcode, r.errmsg);
    const t = tokenSchema.parse(r);
    // Refresh five minutes early (at least halfway), so no request carries an expiring token.
    const margin = Math.min(300, t.expires_in / 2) * 1000;
    cached = { token: t.access_token, refreshAt: nowMs() + t.expires_in * 1000 - margin };
    o.log?.info('wecom access token fetched', { expiresInSeconds: t.expires_in });
    return t.access_token;
  }

  function token(): Promise<string> {
    if (cached && nowMs() < cached.refreshAt) return Promise.resolve(cached.token);
    pending ??= fetchToken().finally(() => {
      pending = undefined;
    });
    return pending;
  }

  /** Drops `failed` unless another caller already replaced it, then gets the current token. */
  function refresh(failed: string): Promise<string> {
    if (cached?.token === failed) cached = undefined;
    return token();
  }

  function backoff(path: string, errcode: number, attempt: number): Promise<void> {
    const exp = Math.min(maxMs, baseMs * 2 ** attempt);
    const waitMs = exp / 2 + Math.random() * (exp / 2);
    o.log?.warn('wecom rate limit; backing off', { path, errcode, attempt: attempt + 1, waitMs: Math.round(waitMs) });
    return sleep(waitMs);
  }

  async function post(path: string, body: unknown): Promise<Record<string, unknown>> {
    let refreshed = false;
    for (let attempt = 0; ; attempt++) {
      let used: string;
      try {
        used = await token();
      } catch (e) {
        // gettoken itself can be throttled or unreachable: wait like for any other call.
        const code = e instanceof WecomApiError ? e.errcode : undefined;
        if (((e as { retryable?: boolean }).retryable || (code !== undefined && RATE_LIMIT_ERRORS.has(code))) && attempt < retries) {
          await backoff('gettoken', code ?? -1, attempt);
          continue;
        }
        throw e;
      }
      let r: z.infer<typeof replySchema>;
      try {
        r = await request(path, { method: 'POST', query: { access_token: used }, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      } catch (e) {
        if (!(e as { retryable?: boolean }).retryable || attempt >= retries) throw e;
        r = { errcode: -1, errmsg: (e as Error).message };
      }
      if (r.errcode === 0) return r;
      if (TOKEN_ERRORS.has(r.errcode) && !refreshed) {
        refreshed = true;
        o.log?.warn('wecom access token refused; refreshing once', { path, errcode: r.errcode });
        await refresh(used);
        attempt--;
        continue;
      }
      if (RATE_LIMIT_ERRORS.has(r.errcode) && attempt < retries) {
        await backoff(path, r.errcode, attempt);
        continue;
      }
      throw new WecomApiError(path, r.errcode, r.errmsg);
    }
  }

  return {
    post,
    get tokenFetches() {
      return tokenFetches;
    },
  };
}
