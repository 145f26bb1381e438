import { z } from 'zod/v4';
import type { SelectedItem } from './cardKeys.js';

/**
 * The decrypted callback messages kekao handles (接收消息与事件, developer.work.weixin.qq.com
 * /document/path/90239 and 90240): text messages; the events enter_agent and subscribe (the
 * user opens the application: welcome), click (a menu item of the application) and
 * template_card_event (a button or a submitted selection of a template card). Anything else is
 * answered with a note (other message types) or ignored (other events).
 */

const xmlText = z.string();
const optionalText = z.string().optional();

const commonSchema = z.object({
  ToUserName: xmlText,
  FromUserName: z.string().min(1, 'FromUserName is empty').max(64),
  CreateTime: z.string().regex(/^\d{1,12}$/, 'CreateTime must be a number'),
  MsgType: z.string().min(1),
  AgentID: optionalText,
});

const textSchema = commonSchema.extend({
  MsgType: z.literal('text'),
  Content: xmlText.max(10_000),
  MsgId: z.string().regex(/^\d{1,32}$/, 'MsgId must be a number'),
});

const selectedItemsSchema = z.union([
  z.literal(''),
  z.object({
    SelectedItem: z.array(
      z.object({
        QuestionKey: z.string(),
        OptionIds: z.union([z.literal(''), z.object({ OptionId: z.array(z.string()) })]).optional(),
      }),
    ),
  }),
]);

const eventSchema = commonSchema.extend({
  MsgType: z.literal('event'),
  Event: z.string().min(1),
  EventKey: optionalText,
  TaskId: optionalText,
  CardType: optionalText,
  ResponseCode: optionalText,
  SelectedItems: selectedItemsSchema.optional(),
});

const otherSchema = commonSchema.extend({ MsgId: z.string().optional() });

/** The encrypted envelope POSTed to the callback URL. */
export const envelopeSchema = z.object({
  ToUserName: xmlText,
  Encrypt: z.string().min(1, 'Encrypt is empty'),
  AgentID: optionalText,
});

interface Base {
  /** The member's UserID in lower case (WeCom treats UserIDs case-insensitively). */
  userId: string;
  createTime: number;
  /** What makes a delivery the same delivery when WeCom retries it. */
  dedupeKey: string;
}

export type Inbound =
  | (Base & { kind: 'text'; text: string })
  | (Base & { kind: 'welcome' })
  | (Base & { kind: 'menu'; eventKey: string })
  | (Base & { kind: 'card'; eventKey: string; taskId: string; responseCode?: string; selected: SelectedItem[] })
  | (Base & { kind: 'unsupported'; msgType: string })
  | (Base & { kind: 'ignored'; event: string });

export class InboundShapeError extends Error {}

function parse<T>(schema: z.ZodType<T>, fields: Record<string, unknown>): T {
  const r = schema.safeParse(fields);
  if (r.success) return r.data;
  const i = r.error.issues[0]!;
  throw new InboundShapeError(`${i.path.join('.') || '(message)'}: ${i.message}`);
}

/**
 * The message as kekao handles it. Messages are deduplicated by MsgId; events, which have none,
 * by sender and CreateTime as WeCom recommends, plus what was clicked.
 */
export function inboundOf(fields: Record<string, unknown>, corpId: string): Inbound {
  const common = parse(commonSchema, fields);
  const base = { userId: common.FromUserName.toLowerCase(), createTime: Number(common.CreateTime) };
  if (common.MsgType === 'text') {
    const m = parse(textSchema, fields);
    return { ...base, kind: 'text', text: m.Content, dedupeKey: `${corpId}/msg/${m.MsgId}` };
  }
  if (common.MsgType !== 'event') {
    const m = parse(otherSchema, fields);
    const id = m.MsgId ?? `${m.FromUserName}/${m.CreateTime}`;
    return { ...base, kind: 'unsupported', msgType: m.MsgType, dedupeKey: `${corpId}/msg/${id}` };
  }
  const e = parse(eventSchema, fields);
  const dedupeKey = `${corpId}/event/${e.FromUserName}/${e.CreateTime}/${e.Event}/${e.TaskId ?? ''}/${e.EventKey ?? ''}`;
  switch (e.Event) {
    case 'enter_agent':
    case 'subscribe':
      return { ...base, kind: 'welcome', dedupeKey };
    case 'click':
      return e.EventKey ? { ...base, kind: 'menu', eventKey: e.EventKey, dedupeKey } : { ...base, kind: 'ignored', event: e.Event, dedupeKey };
    case 'template_card_event': {
      if (!e.EventKey || !e.TaskId) throw new InboundShapeError('template_card_event without EventKey or TaskId');
      const items = e.SelectedItems ? e.SelectedItems.SelectedItem : [];
      const selected = items.map((s) => ({ questionKey: s.QuestionKey, optionIds: s.OptionIds ? s.OptionIds.OptionId : [] }));
      return { ...base, kind: 'card', eventKey: e.EventKey, taskId: e.TaskId, responseCode: e.ResponseCode || undefined, selected, dedupeKey };
    }
    default:
      return { ...base, kind: 'ignored', event: e.Event, dedupeKey };
  }
}
