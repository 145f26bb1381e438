import { ActivityTypes, TurnContext } from 'botbuilder';
import type { Conversation } from '../../conversation/conversation.js';
import { activityOf, chatInputOf } from './activityMapping.js';

/**
 * The bot logic the adapter runs for each activity: messages and card submits go to the
 * channel-agnostic conversation engine, a member added to a conversation gets the welcome, every
 * other activity is ignored. No language model, no turn state of its own (the conversation keeps
 * the questionnaire in the service database through its state port), and no typing indicators
 * (they would be extra activities in every expectReplies answer).
 *
 * Dispatched here directly rather than through a framework's router (teams-ai's `Application`
 * did this before): two routes need none, and the router's per-turn machinery (turn-state scopes,
 * typing timer, sign-in checks) cost about 40 µs of CPU a turn, a fifth of what kekao adds to
 * botbuilder's own turn (bot/bench/chat.bench.ts).
 */

export interface TeamsTurnDeps {
  conversation: Conversation;
  /** Does the channel vouch for the user of this turn (channelTrust.ts; the test harness states it)? */
  verified: (context: TurnContext) => boolean;
  /** Called on every answered turn before the reply (conversation reference capture). */
  onTurn?: (context: TurnContext) => Promise<void>;
}

export function createTeamsTurn(deps: TeamsTurnDeps): (context: TurnContext) => Promise<void> {
  const { conversation, verified, onTurn } = deps;
  return async (context) => {
    const activity = context.activity;
    if (activity.type === ActivityTypes.Message) {
      // In a group chat or channel Teams puts "<at>kekao</at>" in the text; the question is the rest.
      activity.text = TurnContext.removeRecipientMention(activity);
      await onTurn?.(context);
      const replies = await conversation.handle(chatInputOf(context, verified(context)));
      if (replies.length) await context.sendActivities(replies.map(activityOf));
      return;
    }
    if (activity.type === ActivityTypes.ConversationUpdate && Array.isArray(activity.membersAdded)) {
      // The bot's own arrival (it is a member too) is not a reason to greet anyone.
      const botId = activity.recipient?.id;
      if (activity.membersAdded.some((m) => m.id !== botId)) {
        await onTurn?.(context);
        await context.sendActivities(conversation.welcome('zh').map(activityOf));
      }
    }
  };
}
