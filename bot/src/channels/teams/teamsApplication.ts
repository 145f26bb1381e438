import { ActivityTypes, type TurnContext } from 'botbuilder';
import { Application } from '@microsoft/teams-ai';
import type { Conversation } from '../../conversation/conversation.js';
import { activityOf, chatInputOf } from './activityMapping.js';

/**
 * The teams-ai `Application` (v1, maintenance mode — kept thin on purpose): it routes every message
 * and card submit to the channel-agnostic conversation logic. No language model.
 *
 * No turn-state storage: the conversation keeps everything it needs (the questionnaire) in the
 * service database through its own state port, and never reads teams-ai's conversation or user
 * scopes. With a storage, teams-ai would read those two (always empty) rows on every turn and
 * compare their JSON before and after it.
 */

export interface TeamsApplicationDeps {
  conversation: Conversation;
  /** Does the channel vouch for the user of this turn (channelTrust.ts; the test harness states it)? */
  verified: (context: TurnContext) => boolean;
  /** Called on every turn before the reply (conversation reference capture). */
  onTurn?: (context: TurnContext) => Promise<void>;
}

/**
 * teams-ai 1.7.4 starts its typing timer on every message turn whatever the `startTypingTimer`
 * option says (Application.run calls it unconditionally): a 1-second timer and a send hook per
 * turn, and a turn slower than a second would get a "typing" activity in its expectReplies answer.
 * Typing indicators are off for this bot, so the timer is never started.
 */
class ApplicationWithoutTyping extends Application {
  override startTypingTimer(_context: TurnContext): void {}
}

export function createTeamsApplication(deps: TeamsApplicationDeps): Application {
  const app = new ApplicationWithoutTyping({
    // Typing indicators would be extra activities in every expectReplies answer.
    startTypingTimer: false,
    longRunningMessages: false,
    removeRecipientMention: true,
  });

  app.conversationUpdate('membersAdded', async (context) => {
    const botId = context.activity.recipient?.id;
    const added = context.activity.membersAdded ?? [];
    if (added.some((m) => m.id !== botId)) {
      await deps.onTurn?.(context);
      await context.sendActivities(deps.conversation.welcome('zh').map(activityOf));
    }
  });

  app.activity(ActivityTypes.Message, async (context) => {
    await deps.onTurn?.(context);
    const replies = await deps.conversation.handle(chatInputOf(context, deps.verified(context)));
    if (replies.length) await context.sendActivities(replies.map(activityOf));
  });

  return app;
}

/** The bot logic for an adapter: run the Application for the turn. */
export function botLogic(app: Application): (context: TurnContext) => Promise<void> {
  return async (context) => {
    await app.run(context);
  };
}
