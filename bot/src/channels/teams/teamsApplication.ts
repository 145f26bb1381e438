import { ActivityTypes, type TurnContext, type Storage } from 'botbuilder';
import { Application } from '@microsoft/teams-ai';
import type { Conversation } from '../../conversation/conversation.js';
import { activityOf, chatInputOf } from './activityMapping.js';

/**
 * The teams-ai `Application` (v1, maintenance mode — kept thin on purpose): it loads and saves
 * turn state through the service database, and routes every message and card submit to the
 * channel-agnostic conversation logic. No language model.
 */

export interface TeamsApplicationDeps {
  conversation: Conversation;
  /** botbuilder Storage over the service DB (`DatabaseBotStorage`). */
  storage: Storage;
  /** Does the channel vouch for the user of this turn (channelTrust.ts; the test harness states it)? */
  verified: (context: TurnContext) => boolean;
  /** Called on every turn before the reply (conversation reference capture). */
  onTurn?: (context: TurnContext) => Promise<void>;
}

export function createTeamsApplication(deps: TeamsApplicationDeps): Application {
  const app = new Application({
    storage: deps.storage,
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
