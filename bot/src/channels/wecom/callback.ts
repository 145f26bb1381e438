import { randomInt } from 'node:crypto';
import { z } from 'zod/v4';
import type { ChannelRequest, ChannelResponse } from '../../http/channelRoute.js';
import type { Database } from '../../db/database.js';
import type { Logger } from '../../log.js';
import type { WecomConfig } from './config.js';
import { decryptFor, encryptedReplyXml, signatureMatches, WecomCryptoError } from './crypto.js';
import type { Delivery } from './delivery.js';
import { envelopeSchema, inboundOf, InboundShapeError, type Inbound } from './inbound.js';
import { claimReceipt } from './receipts.js';
import { LIMITS, utf8Bytes, type WecomMessage } from './templateCard.js';
import { parseWecomXml, wecomXml, WecomXmlError } from './xml.js';
import type { Bilingual } from '@kekao/core/i18n';
import { BilingualError } from '@kekao/core/i18n';

/**
 * The callback URL of the application (接收消息服务器配置): GET verifies the URL, POST receives
 * encrypted messages and events. A request is processed only when its signature is right, its
 * timestamp within ±5 minutes of the clock (a captured request cannot be replayed later), the
 * body decrypts for this CorpID and the message is well formed; otherwise it is refused and
 * logged without its payload. Each delivery is processed once (receipts table); the answer goes
 * back in the response (encrypted passive reply) when it is one text ready within the passive
 * budget, and otherwise as active messages after an empty 200 — WeCom retries a callback that
 * gets no response within 5 s, and takes an empty body as "received, no reply".
 */

export interface CallbackDeps {
  config: Pick<WecomConfig, 'token' | 'aesKey' | 'corpId'>;
  db: Database;
  delivery: Delivery;
  turn: (inbound: Inbound) => Promise<WecomMessage[]>;
  now: () => Date;
  log?: Logger;
  /** How long to wait for the answer before answering empty and sending actively (default 2500 ms). */
  passiveBudgetMs?: number;
  /** Accepted clock difference of a callback's timestamp (default 300 s). */
  replayWindowSeconds?: number;
}

export interface WecomCallback {
  get(req: ChannelRequest): ChannelResponse;
  post(req: ChannelRequest): Promise<ChannelResponse>;
  /** Resolves when the answers still being produced or sent are done. */
  idle(): Promise<void>;
}

type RefusalKey = 'wecom.badQuery' | 'wecom.badSignature' | 'wecom.replayed' | 'wecom.undecryptable' | 'wecom.wrongReceiveId' | 'wecom.malformed';

const REFUSALS: Record<RefusalKey, Bilingual & { status: number }> = {
  'wecom.badQuery': { status: 400, zh: '缺少或无效的 msg_signature、timestamp、nonce 参数', en: 'missing or invalid msg_signature, timestamp or nonce' },
  'wecom.badSignature': { status: 403, zh: '签名校验失败', en: 'signature check failed' },
  'wecom.replayed': { status: 403, zh: '时间戳超出允许范围（±5 分钟），请求被拒绝', en: 'timestamp outside the ±5 minute window' },
  'wecom.undecryptable': { status: 400, zh: '消息无法解密', en: 'the message cannot be decrypted' },
  'wecom.wrongReceiveId': { status: 403, zh: '消息不是发给本企业（CorpID 不符）', en: 'the message is not for this CorpID' },
  'wecom.malformed': { status: 400, zh: '消息格式错误', en: 'malformed message' },
};

class Refused extends BilingualError {
  declare readonly key: RefusalKey;

  constructor(
    key: RefusalKey,
    readonly detail: string,
  ) {
    super(key, REFUSALS[key].zh, REFUSALS[key].en, { message: detail });
  }
}

const querySchema = z.object({
  msg_signature: z.string().regex(/^[0-9a-fA-F]{40}$/),
  timestamp: z.string().regex(/^\d{1,12}$/),
  nonce: z.string().min(1).max(64),
});

const EMPTY: ChannelResponse = { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: '' };

export function createWecomCallback(d: CallbackDeps): WecomCallback {
  const budget = d.passiveBudgetMs ?? 2500;
  const window = d.replayWindowSeconds ?? 300;
  const inflight = new Set<Promise<unknown>>();

  function refuse(req: ChannelRequest, e: Refused): ChannelResponse {
    const r = REFUSALS[e.key];
    d.log?.warn('wecom callback refused', { key: e.key, detail: e.detail, method: req.method, ip: req.ip });
    return { status: r.status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: `${e.zh} / ${e.en} (${e.key})` };
  }

  function checkQuery(query: Record<string, string>): z.infer<typeof querySchema> {
    const q = querySchema.safeParse(query);
    if (!q.success) throw new Refused('wecom.badQuery', q.error.issues.map((i) => String(i.path[0])).join(', '));
    return q.data;
  }

  /** Checks signature and timestamp window; decrypts for this CorpID. */
  function open(query: Record<string, string>, encrypted: string): string {
    const q = checkQuery(query);
    if (!signatureMatches(d.config.token, q.timestamp, q.nonce, encrypted, q.msg_signature)) throw new Refused('wecom.badSignature', 'msg_signature mismatch');
    const skew = Math.abs(d.now().getTime() / 1000 - Number(q.timestamp));
    if (skew > window) throw new Refused('wecom.replayed', `timestamp ${Math.round(skew)} s away from the clock`);
    try {
      return decryptFor(d.config.aesKey, d.config.corpId, encrypted).message;
    } catch (e) {
      if (e instanceof WecomCryptoError) throw new Refused(e.key === 'wecom.wrongReceiveId' ? 'wecom.wrongReceiveId' : 'wecom.undecryptable', e.message);
      throw e;
    }
  }

  function passiveReply(userId: string, content: string): ChannelResponse {
    const timestamp = String(Math.floor(d.now().getTime() / 1000));
    const plaintext = wecomXml({ ToUserName: userId, FromUserName: d.config.corpId, CreateTime: Number(timestamp), MsgType: 'text', Content: content });
    const body = encryptedReplyXml(d.config, plaintext, timestamp, String(randomInt(1e8, 1e10)));
    return { status: 200, headers: { 'content-type': 'application/xml; charset=utf-8' }, body };
  }

  function track<T>(p: Promise<T>): Promise<T> {
    inflight.add(p);
    void p.finally(() => inflight.delete(p)).catch(() => undefined);
    return p;
  }

  /**
   * Claims the delivery and produces its answer, within the passive budget counted from the
   * request's arrival: under load even the claim may wait for the database, and WeCom retries
   * whatever it has no response to after 5 s.
   */
  async function answer(inbound: Inbound, arrived: number): Promise<ChannelResponse> {
    const work = track(
      claimReceipt(d.db, inbound.dedupeKey).then((first) => {
        if (first) return d.turn(inbound);
        d.log?.info('wecom delivery repeated; already processed', { kind: inbound.kind });
        return undefined;
      }),
    );
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((r) => (timer = setTimeout(() => r('late'), Math.max(0, budget - (performance.now() - arrived)))));
    const ready = await Promise.race([work, late]);
    clearTimeout(timer);
    if (ready === undefined) return EMPTY;
    // A passive reply would overtake messages of the member still being sent actively.
    if (
      ready !== 'late' &&
      ready.length === 1 &&
      ready[0]!.msgtype === 'text' &&
      utf8Bytes(ready[0]!.text.content) <= LIMITS.textBytes &&
      !d.delivery.busy(inbound.userId)
    ) {
      return passiveReply(inbound.userId, ready[0]!.text.content);
    }
    if (ready !== 'late' && ready.length === 0) return EMPTY;
    track(work.then((messages) => (messages?.length ? d.delivery.send(inbound.userId, messages) : undefined)));
    return EMPTY;
  }

  return {
    get(req) {
      try {
        const echostr = req.query.echostr;
        if (!echostr) throw new Refused('wecom.badQuery', 'echostr');
        const message = open(req.query, echostr);
        d.log?.info('wecom callback URL verified');
        return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: message };
      } catch (e) {
        if (e instanceof Refused) return refuse(req, e);
        throw e;
      }
    },
    async post(req) {
      const arrived = performance.now();
      let inbound: Inbound;
      try {
        checkQuery(req.query);
        let envelope;
        try {
          envelope = envelopeSchema.parse(parseWecomXml(req.body.toString('utf8')));
        } catch (e) {
          throw new Refused('wecom.malformed', `envelope: ${e instanceof Error ? e.message.split('\n')[0] : 'invalid'}`);
        }
        const message = open(req.query, envelope.Encrypt);
        try {
          inbound = inboundOf(parseWecomXml(message), d.config.corpId);
        } catch (e) {
          if (e instanceof WecomXmlError || e instanceof InboundShapeError) throw new Refused('wecom.malformed', `message: ${e.message}`);
          throw e;
        }
      } catch (e) {
        if (e instanceof Refused) return refuse(req, e);
        throw e;
      }
      return answer(inbound, arrived);
    },
    async idle() {
      while (inflight.size) await Promise.allSettled([...inflight]);
      await d.delivery.idle();
    },
  };
}
