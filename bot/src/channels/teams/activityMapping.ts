import { CardFactory, type Activity, type TurnContext } from 'botbuilder';
import type { ChatInput, ChatReply, ChatUser } from '../../conversation/types.js';

/** Bot Framework activity ⇄ channel-agnostic chat turn. */

/**
 * The turn as the conversation engine sees it. `verified`: whether the channel vouches for the user
 * (decided by the endpoint's trust mode, channelTrust.ts) — the ids in the activity are otherwise
 * only claims.
 */
export function chatInputOf(context: TurnContext, verified: boolean): ChatInput & { user: ChatUser } {
  const a = context.activity;
  return {
    text: typeof a.text === 'string' ? a.text : undefined,
    value: a.value,
    user: {
      channelUserId: a.from?.id ?? 'unknown',
      aadObjectId: a.from?.aadObjectId || undefined,
      name: a.from?.name || undefined,
      verified,
    },
    conversation: { id: a.conversation?.id ?? 'unknown', type: a.conversation?.conversationType ?? 'personal' },
  };
}

/**
 * A reply as a message activity. With a card, the card is the message and the text becomes its
 * `summary` (what a client shows when it cannot render the card, and in notifications) — Teams
 * would otherwise show the same content twice. Without a card, the text is sent as Markdown with
 * paragraph breaks, because Teams folds single line breaks.
 */
export function activityOf(reply: ChatReply): Partial<Activity> {
  if (reply.card) {
    return { type: 'message', summary: reply.text, attachments: [CardFactory.adaptiveCard(reply.card)] };
  }
  return { type: 'message', text: reply.text.replace(/\n/g, '\n\n'), textFormat: 'markdown' };
}

/** The plain text of an activity the bot sent (its text, or the summary of a card). */
export function plainTextOf(activity: Partial<Activity>): string {
  return activity.text ? activity.text.replace(/\n\n/g, '\n') : (activity.summary ?? '');
}
