import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { countWaiter } from '../../countWaiter.js';
import { sendBodySchema, templateCardSchema, updateBodySchema, type CheckedTemplateCard } from './templateCardSchema.js';

/**
 * A stand-in for WeCom's server API (qyapi.weixin.qq.com) for tests, the bench and `npm run
 * wecom:try`: gettoken, message/send and message/update_template_card with WeCom's request and
 * answer shapes and error codes — 41002/41004 missing corpid/secret, 40013 invalid corpid, 40001
 * invalid secret, 41001 missing token, 40014 invalid token, 42001 expired token, 45009 frequency
 * limit, 47001 data format error, 40056 invalid agentid, 44004 empty text, 81013 no valid
 * recipient, 40058 invalid parameter. Like WeCom it returns the same token while it is valid,
 * truncates text beyond 2048 bytes, drops (errcode 0, not delivered) what one application sends
 * one member beyond 30 a minute, issues a response_code for interactive cards and accepts each
 * response_code once. It records everything, and can expire tokens or answer 45009 on demand.
 */

export interface MockSent {
  seq: number;
  at: number;
  touser: string;
  msgtype: 'text' | 'template_card';
  text?: string;
  card?: CheckedTemplateCard;
  msgid: string;
  responseCode?: string;
  truncated?: boolean;
  /** Over the per-member limit: accepted but not delivered, as WeCom does. */
  dropped?: boolean;
  /** Set when update_template_card replaced the card's buttons. */
  replacedWith?: string;
}

export interface MockCardUpdate {
  at: number;
  userids: string[];
  responseCode: string;
  replaceName?: string;
  taskId?: string;
}

export interface MockWecomApiOptions {
  corpId: string;
  secret: string;
  agentId: number;
  tokenTtlSeconds?: number;
  perMemberPerMinute?: number;
  nowMs?: () => number;
}

export interface MockWecomApi {
  url: string;
  sent: MockSent[];
  updates: MockCardUpdate[];
  /** Every call by path (gettoken, message/send, message/update_template_card). */
  calls: Record<string, number>;
  /** Refusals by errcode. */
  refusals: Record<number, number>;
  /** Every access token issued so far. */
  issuedTokens(): string[];
  /** Makes every issued token expired now (the next call with it gets 42001). */
  expireTokens(): void;
  /** Answers the next `n` send/update calls with errcode 45009. */
  rateLimitNext(n: number): void;
  /** A fresh response_code for a click on the card `taskId` (what a callback event carries). */
  responseCodeForClick(taskId: string): string;
  /** The latest delivered message carrying the card `taskId`. */
  cardByTaskId(taskId: string): MockSent | undefined;
  /** Resolves when at least `n` messages were delivered (rejects after `ms`). */
  waitForSent(n: number, ms?: number): Promise<void>;
  close(): Promise<void>;
}

const USER_ID = /^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$/;

export async function startMockWecomApi(o: MockWecomApiOptions): Promise<MockWecomApi> {
  const nowMs = o.nowMs ?? Date.now;
  const ttl = o.tokenTtlSeconds ?? 7200;
  const perMinute = o.perMemberPerMinute ?? 30;
  const tokens = new Map<string, number>();
  let current: string | undefined;
  let limited = 0;
  const sent: MockSent[] = [];
  const updates: MockCardUpdate[] = [];
  const calls: Record<string, number> = {};
  const refusals: Record<number, number> = {};
  const codes = new Map<string, { taskId: string; used: boolean; issuedAt: number }>();
  const taskIds = new Set<string>();
  const perMember = new Map<string, number[]>();

  const issueCode = (taskId: string) => {
    const code = `rc_${randomBytes(12).toString('hex')}`;
    codes.set(code, { taskId, used: false, issuedAt: nowMs() });
    return code;
  };
  const delivered = () => sent.filter((s) => !s.dropped).length;
  const arrivals = countWaiter(delivered, (have, n, ms) => `WeCom stand-in: ${have} of ${n} messages after ${ms} ms`);

  function checkToken(token: string | null): { errcode: number; errmsg: string } | undefined {
    if (!token) return { errcode: 41001, errmsg: 'access_token missing' };
    const expires = tokens.get(token);
    if (expires === undefined) return { errcode: 40014, errmsg: 'invalid access_token' };
    if (nowMs() >= expires) return { errcode: 42001, errmsg: 'access_token expired' };
    return undefined;
  }

  function send(body: unknown): Record<string, unknown> {
    const b = sendBodySchema.safeParse(body);
    if (!b.success) return { errcode: 40058, errmsg: `invalid parameter: ${b.error.issues[0]!.path.join('.')}` };
    if (b.data.agentid !== o.agentId) return { errcode: 40056, errmsg: 'invalid agentid' };
    if (!USER_ID.test(b.data.touser)) return { errcode: 81013, errmsg: 'user & party & tag all invalid' };
    const now = nowMs();
    const recent = (perMember.get(b.data.touser) ?? []).filter((t) => now - t < 60_000);
    const dropped = recent.length >= perMinute;
    recent.push(now);
    perMember.set(b.data.touser, recent);
    const msgid = randomBytes(16).toString('base64url');
    const base = { seq: sent.length + 1, at: now, touser: b.data.touser, msgid, ...(dropped ? { dropped } : {}) };
    if (b.data.msgtype === 'text') {
      const content = b.data.text?.content ?? '';
      if (!content) return { errcode: 44004, errmsg: 'text content is empty' };
      const buf = Buffer.from(content, 'utf8');
      const truncated = buf.length > 2048;
      sent.push({ ...base, msgtype: 'text', text: truncated ? buf.subarray(0, 2048).toString('utf8') : content, ...(truncated ? { truncated } : {}) });
      return { errcode: 0, errmsg: 'ok', invaliduser: '', msgid };
    }
    const card = templateCardSchema.safeParse(b.data.template_card);
    if (!card.success) {
      const i = card.error.issues[0]!;
      return { errcode: 40058, errmsg: `invalid template_card: ${i.path.join('.')} ${i.message}` };
    }
    if (taskIds.has(card.data.task_id)) return { errcode: 40058, errmsg: `task_id ${card.data.task_id} already used` };
    taskIds.add(card.data.task_id);
    const responseCode = issueCode(card.data.task_id);
    sent.push({ ...base, msgtype: 'template_card', card: card.data, responseCode });
    return { errcode: 0, errmsg: 'ok', invaliduser: '', msgid, response_code: responseCode };
  }

  function update(body: unknown): Record<string, unknown> {
    const b = updateBodySchema.safeParse(body);
    if (!b.success) return { errcode: 40058, errmsg: `invalid parameter: ${b.error.issues[0]!.path.join('.')}` };
    if (b.data.agentid !== o.agentId) return { errcode: 40056, errmsg: 'invalid agentid' };
    const code = codes.get(b.data.response_code);
    if (!code || code.used || nowMs() - code.issuedAt > 72 * 3600_000) return { errcode: 40058, errmsg: 'invalid response_code' };
    if (!b.data.button && !b.data.template_card) return { errcode: 40058, errmsg: 'button or template_card required' };
    code.used = true;
    const replaceName = b.data.button?.replace_name;
    updates.push({ at: nowMs(), userids: b.data.userids ?? [], responseCode: b.data.response_code, replaceName, taskId: code.taskId });
    for (const s of sent) if (s.card?.task_id === code.taskId && replaceName) s.replacedWith = replaceName;
    return { errcode: 0, errmsg: 'ok' };
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://mock');
      const path = url.pathname.replace(/^\/cgi-bin\//, '');
      calls[path] = (calls[path] ?? 0) + 1;
      const answer = (body: Record<string, unknown>) => {
        const errcode = Number(body.errcode ?? 0);
        if (errcode) refusals[errcode] = (refusals[errcode] ?? 0) + 1;
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
        arrivals.check();
      };
      if (path === 'gettoken' && req.method === 'GET') {
        const corpid = url.searchParams.get('corpid');
        const secret = url.searchParams.get('corpsecret');
        if (!corpid) return answer({ errcode: 41002, errmsg: 'corpid missing' });
        if (!secret) return answer({ errcode: 41004, errmsg: 'corpsecret missing' });
        if (corpid !== o.corpId) return answer({ errcode: 40013, errmsg: 'invalid corpid' });
        if (secret !== o.secret) return answer({ errcode: 40001, errmsg: 'invalid credential' });
        if (!current || nowMs() >= tokens.get(current)!) {
          current = randomBytes(48).toString('base64url');
          tokens.set(current, nowMs() + ttl * 1000);
        }
        return answer({ errcode: 0, errmsg: 'ok', access_token: current, expires_in: Math.round((tokens.get(current)! - nowMs()) / 1000) });
      }
      if ((path === 'message/send' || path === 'message/update_template_card') && req.method === 'POST') {
        const refused = checkToken(url.searchParams.get('access_token'));
        if (refused) return answer(refused);
        if (limited > 0) {
          limited--;
          return answer({ errcode: 45009, errmsg: 'api freq out of limit' });
        }
        let body: unknown;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          return answer({ errcode: 47001, errmsg: 'data format error' });
        }
        return answer(path === 'message/send' ? send(body) : update(body));
      }
      answer({ errcode: 404, errmsg: `no such API in the stand-in: ${req.method} ${url.pathname}` });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    updates,
    calls,
    refusals,
    issuedTokens: () => [...tokens.keys()],
    expireTokens() {
      for (const t of tokens.keys()) tokens.set(t, nowMs());
    },
    rateLimitNext(n) {
      limited = n;
    },
    responseCodeForClick: issueCode,
    cardByTaskId: (taskId) => [...sent].reverse().find((s) => s.card?.task_id === taskId),
    waitForSent: (n, ms = 10_000) => arrivals.waitFor(n, ms),
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
