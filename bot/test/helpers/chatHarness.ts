import { TestAdapter, type Activity } from 'botbuilder';
import type { Database } from '../../src/db/database.js';
import { createConversation } from '../../src/conversation/conversation.js';
import { createServicePorts } from '../../src/conversation/serviceBindings.js';
import type { ChatReply } from '../../src/conversation/types.js';
import type { ConversationPorts } from '../../src/conversation/ports.js';
import { createTeamsTurn } from '../../src/channels/teams/teamsTurn.js';
import { plainTextOf } from '../../src/channels/teams/activityMapping.js';
import { AAD } from './chatWorld.js';

/**
 * The bot under botbuilder's TestAdapter: the real Teams turn logic, the real conversation
 * logic and the real service stores over the test database. Only the proactive channel is
 * replaced by a recorder (the HTTP tests cover real proactive delivery through a connector stub).
 */

export interface Notification {
  userIds: string[];
  replies: ChatReply[];
}

export interface ChatHarness {
  adapter: TestAdapter;
  ports: ConversationPorts;
  notifications: Notification[];
  clock: { now: Date };
  /** One user turn; returns the bot's reply activities. */
  say(who: keyof typeof AAD, input: string | Record<string, unknown>, conversationId?: string): Promise<Partial<Activity>[]>;
}

/**
 * `usersVerified`: whether the channel vouches for the users of these turns. TestAdapter turns carry
 * no Bot Framework token, so the harness states it explicitly: `true` stands for a verified channel
 * (a deployment with credentials, or the local-trial mode), `false` for an endpoint without one.
 */
export function createChatHarness(db: Database, now: Date, options: { usersVerified: boolean }): ChatHarness {
  const clock = { now };
  const notifications: Notification[] = [];
  const ports = createServicePorts({
    db,
    channel: 'msteams',
    now: () => clock.now,
    notify: {
      async notifyUsers(userIds, replies) {
        notifications.push({ userIds: [...userIds], replies });
        return { delivered: [...userIds], failed: [] };
      },
    },
  });
  const conversation = createConversation(ports);
  const adapter = new TestAdapter(createTeamsTurn({ conversation, verified: () => options.usersVerified }));
  return {
    adapter,
    ports,
    notifications,
    clock,
    async say(who, input, conversationId = `a:conv-${who}`) {
      const activity: Partial<Activity> = {
        type: 'message',
        from: { id: `29:${who}`, aadObjectId: AAD[who], name: who },
        recipient: { id: '28:kekao', name: 'kekao' },
        conversation: { id: conversationId, conversationType: 'personal', isGroup: false, name: '' },
        channelId: 'msteams',
        ...(typeof input === 'string' ? { text: input } : { value: input, text: '' }),
      };
      await adapter.processActivity(activity);
      return adapter.activeQueue.splice(0);
    },
  };
}

/** The text of all replies joined. */
export function textOf(replies: Partial<Activity>[]): string {
  return replies.map(plainTextOf).join('\n');
}

/** The Adaptive Cards of the replies. */
export function cardsOf(replies: Partial<Activity>[]): Array<Record<string, unknown>> {
  return replies.flatMap((r) =>
    (r.attachments ?? []).filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a) => a.content as Record<string, unknown>),
  );
}
