import { z } from 'zod/v4';
import type { Lang } from '@kekao/core/i18n';

export type { Lang } from '@kekao/core/i18n';

/**
 * The channel-agnostic shape of one chat turn. A channel (Teams today, WeCom later) turns its
 * activity into a `ChatInput` and sends the `ChatReply` list back in its own format. Nothing here
 * knows about botbuilder.
 */

export const chatUserSchema = z.object({
  /** The channel's id of the user (Teams: `from.id`, `29:…`). */
  channelUserId: z.string().min(1, '缺少用户标识 / user id is required').max(512),
  /** Entra ID (AAD) object id of the user, when the channel knows it (Teams: `from.aadObjectId`). */
  aadObjectId: z.string().max(128).optional(),
  name: z.string().max(256).optional(),
  /**
   * True when the channel vouches for these ids (a validated Bot Framework token, a verified WeCom
   * signature, or the operator's explicit local-trial mode); otherwise they are mere claims and the
   * user is treated as anonymous.
   */
  verified: z.boolean().default(false),
});
export type ChatUser = z.infer<typeof chatUserSchema>;

export const chatConversationSchema = z.object({
  id: z.string().min(1, '缺少会话标识 / conversation id is required').max(1024),
  /** Teams: personal | groupChat | channel. */
  type: z.string().max(64).default('personal'),
});

export const chatInputSchema = z.object({
  /** Typed text (mentions already removed by the channel). */
  text: z.string().max(4000, '消息过长（最多 4000 字） / message too long (max 4000 characters)').optional(),
  /** The data of an Adaptive Card submit (Action.Submit `data` merged with the input values). */
  value: z.unknown().optional(),
  user: chatUserSchema,
  conversation: chatConversationSchema,
});
export type ChatInput = z.input<typeof chatInputSchema>;
export type ParsedChatInput = z.output<typeof chatInputSchema>;

/** An Adaptive Card (schema 1.5) as plain JSON. */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: '1.5';
  body: unknown[];
  actions?: unknown[];
  [key: string]: unknown;
}

/** A button a channel can render however it renders buttons; `value` is sent back as the card submit's data. */
export interface ChatChoice {
  title: string;
  value: Record<string, unknown>;
}

/**
 * One message of the bot: text always (the fallback a plain channel shows), a card optionally.
 * `choices` repeats the card's buttons in a channel-neutral form (clarifying questions, 继续填写),
 * for channels that draw buttons themselves.
 */
export interface ChatReply {
  text: string;
  card?: AdaptiveCard;
  choices?: ChatChoice[];
}

/**
 * Chinese first: English only when the message has no Chinese characters and has a word of Latin
 * letters — codes with digits (BF-2025-0007, a credit code) and single letters say nothing.
 */
export function detectLang(text: string | undefined): Lang {
  if (!text) return 'zh';
  if (/[\u4e00-\u9fff]/.test(text)) return 'zh';
  const words = text.split(/\s+/).filter((w) => !/\d/.test(w));
  return words.some((w) => /[A-Za-z]{2,}/.test(w)) ? 'en' : 'zh';
}

/** Picks the text for the language. */
export function t(lang: Lang, zh: string, en: string): string {
  return lang === 'en' ? en : zh;
}
