import { randomBytes, randomInt } from 'node:crypto';
import { decryptFor, encryptMessage, signature, signatureMatches } from '../crypto.js';
import { cdata, parseWecomXml } from '../xml.js';

/**
 * WeCom's side of the callback, for tests, the bench and the try-it page: builds a message or
 * event as WeCom does (接收消息与事件 formats), encrypts it for the application's CorpID, signs it
 * with the Token, POSTs it to the callback URL, and opens the passive reply as WeCom would (the
 * signature must match and the reply must be encrypted for the CorpID).
 */

export interface SimulatorOptions {
  callbackUrl: string;
  token: string;
  aesKey: string;
  corpId: string;
  agentId: number;
  nowMs?: () => number;
}

export interface PassiveReply {
  msgType: string;
  content?: string;
}

export interface CallbackResult {
  status: number;
  body: string;
  /** The decrypted passive reply, when the body carried one. */
  passive?: PassiveReply;
}

/** Ways to spoil a request (fault tests): the callback must refuse each. */
export interface Tamper {
  signature?: string;
  timestamp?: string;
  /** Encrypt for another CorpID. */
  receiveId?: string;
  /** Replace the decrypted message by this text (malformed XML). */
  rawMessage?: string;
  /** Replace the whole body. */
  rawBody?: string;
  nonce?: string;
}

export type Selected = Array<{ questionKey: string; optionIds: string[] }>;

export interface WecomSimulator {
  post(fields: Record<string, string | number>, extraXml?: string, tamper?: Tamper): Promise<CallbackResult>;
  text(userId: string, content: string, msgId?: string, tamper?: Tamper): Promise<CallbackResult>;
  enter(userId: string): Promise<CallbackResult>;
  menu(userId: string, key: string): Promise<CallbackResult>;
  click(
    userId: string,
    click: { taskId: string; cardType: string; eventKey: string; responseCode?: string; selected?: Selected; createTime?: number },
  ): Promise<CallbackResult>;
  verifyUrl(echo?: string, tamper?: Tamper): Promise<CallbackResult & { echo: string }>;
  newMsgId(): string;
}

export function createWecomSimulator(o: SimulatorOptions): WecomSimulator {
  const nowMs = o.nowMs ?? Date.now;
  const secs = () => Math.floor(nowMs() / 1000);
  const newMsgId = () => (BigInt(randomInt(2 ** 30, 2 ** 31)) * 2n ** 32n + BigInt(randomInt(0, 2 ** 32 - 1))).toString();

  function query(encrypted: string, tamper: Tamper = {}): URLSearchParams {
    const timestamp = tamper.timestamp ?? String(secs());
    const nonce = tamper.nonce ?? String(randomInt(1e8, 1e10));
    return new URLSearchParams({ msg_signature: tamper.signature ?? signature(o.token, timestamp, nonce, encrypted), timestamp, nonce });
  }

  function openReply(body: string): PassiveReply | undefined {
    if (!body.trim()) return undefined;
    const outer = parseWecomXml(body);
    const enc = String(outer.Encrypt ?? '');
    if (!signatureMatches(o.token, String(outer.TimeStamp ?? ''), String(outer.Nonce ?? ''), enc, String(outer.MsgSignature ?? ''))) {
      throw new Error('passive reply: MsgSignature does not match (WeCom would discard it)');
    }
    const inner = parseWecomXml(decryptFor(o.aesKey, o.corpId, enc).message);
    return { msgType: String(inner.MsgType ?? ''), content: inner.Content === undefined ? undefined : String(inner.Content) };
  }

  async function post(fields: Record<string, string | number>, extraXml = '', tamper: Tamper = {}): Promise<CallbackResult> {
    const inner = `<xml>${Object.entries(fields)
      .map(([k, v]) => (typeof v === 'number' ? `<${k}>${v}</${k}>` : `<${k}>${cdata(v)}</${k}>`))
      .join('')}${extraXml}</xml>`;
    const encrypted = encryptMessage(o.aesKey, tamper.receiveId ?? o.corpId, tamper.rawMessage ?? inner, randomBytes(16));
    const body =
      tamper.rawBody ??
      `<xml><ToUserName>${cdata(o.corpId)}</ToUserName><Encrypt>${cdata(encrypted)}</Encrypt><AgentID>${cdata(String(o.agentId))}</AgentID></xml>`;
    const res = await fetch(`${o.callbackUrl}?${query(encrypted, tamper)}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body });
    const text = await res.text();
    return { status: res.status, body: text, passive: res.status === 200 ? openReply(text) : undefined };
  }

  const head = (userId: string, msgType: string, createTime = secs()) => ({
    ToUserName: o.corpId,
    FromUserName: userId,
    CreateTime: createTime,
    MsgType: msgType,
  });

  return {
    post,
    newMsgId,
    text: (userId, content, msgId = newMsgId(), tamper) => post({ ...head(userId, 'text'), Content: content, MsgId: msgId, AgentID: o.agentId }, '', tamper),
    enter: (userId) => post({ ...head(userId, 'event'), Event: 'enter_agent', EventKey: '', AgentID: o.agentId }),
    menu: (userId, key) => post({ ...head(userId, 'event'), Event: 'click', EventKey: key, AgentID: o.agentId }),
    click(userId, c) {
      const items = (c.selected ?? [])
        .map(
          (s) =>
            `<SelectedItem><QuestionKey>${cdata(s.questionKey)}</QuestionKey><OptionIds>${s.optionIds.map((id) => `<OptionId>${cdata(id)}</OptionId>`).join('')}</OptionIds></SelectedItem>`,
        )
        .join('');
      return post(
        {
          ...head(userId, 'event', c.createTime),
          Event: 'template_card_event',
          EventKey: c.eventKey,
          TaskId: c.taskId,
          CardType: c.cardType,
          ...(c.responseCode ? { ResponseCode: c.responseCode } : {}),
          AgentID: o.agentId,
        },
        items ? `<SelectedItems>${items}</SelectedItems>` : '',
      );
    },
    async verifyUrl(echo = String(randomInt(1e9, 1e12)), tamper = {}) {
      const echostr = encryptMessage(o.aesKey, tamper.receiveId ?? o.corpId, echo, randomBytes(16));
      const q = query(echostr, tamper);
      q.set('echostr', echostr);
      const res = await fetch(`${o.callbackUrl}?${q}`);
      return { status: res.status, body: await res.text(), echo };
    },
  };
}
