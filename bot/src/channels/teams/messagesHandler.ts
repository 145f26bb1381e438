import type { IncomingHttpHeaders } from 'node:http';
import type { TurnContext } from 'botbuilder';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import type { Logger } from '../../log.js';
import { createConversation, type Conversation } from '../../conversation/conversation.js';
import { createServicePorts } from '../../conversation/serviceBindings.js';
import { startDigestScheduler, type DigestScheduler } from '../../conversation/digestScheduler.js';
import type { ConversationPorts } from '../../conversation/ports.js';
import { ADAPTIVE_CARD_CHANNEL } from '../../conversation/channelCapabilities.js';
import { chatInputOf } from './activityMapping.js';
import { createTeamsTurn } from './teamsTurn.js';
import { createProactiveNotifier, createReferenceCapture } from './proactive.js';
import type { BackoffOptions } from './backoff.js';
import type { ProactiveRouting } from '../notifyRouter.js';
import { createBotAdapter, type AdapterOptions, type KekaoBotAdapter } from './botAdapter.js';
import { mayContact, turnVerified } from './channelTrust.js';
import { runActivityRequest, type BotHttpResponse } from './activityRequest.js';

export { runActivityRequest, type BotHttpResponse };

/**
 * `POST /api/messages` — the Bot Framework endpoint. What a request is trusted with depends on the
 * configuration (see channelTrust.ts): with MicrosoftAppId every request must carry a valid Bot
 * Framework token and the user is the one the channel names; with KEKAO_BOT_DEV=1 (loopback only)
 * the claimed user is taken as is; otherwise the endpoint answers general questions only, in the
 * HTTP response (`deliveryMode: 'expectReplies'`).
 */

type BotConfig = Pick<
  Config,
  'microsoftAppId' | 'microsoftAppPassword' | 'microsoftAppType' | 'microsoftAppTenantId' | 'botDev' | 'botServiceUrls' | 'maxJsonBytes'
>;

export interface TeamsBotDeps extends Pick<AdapterOptions, 'authEndpoints' | 'credentialsFactory'> {
  db: Database;
  config: Partial<BotConfig>;
  log?: Logger;
  now?: () => Date;
  /** Proactive reviewer digests every N ms (off when absent). */
  digestIntervalMs?: number;
  backoff?: BackoffOptions;
  /** Notify through every channel a user is linked to (WeCom too), not through Teams only. */
  proactive?: ProactiveRouting;
}

export interface TeamsBot {
  adapter: KekaoBotAdapter;
  conversation: Conversation;
  ports: ConversationPorts;
  notifier: ReturnType<typeof createProactiveNotifier>;
  scheduler?: DigestScheduler;
  /** The endpoint as plain data (mounted by channels/teams/mount.ts). */
  respond(request: { headers: IncomingHttpHeaders; body: unknown }): Promise<BotHttpResponse>;
  stop(): void;
}

export function createTeamsBot(deps: TeamsBotDeps): TeamsBot {
  const adapter = createBotAdapter(deps.config, { authEndpoints: deps.authEndpoints, credentialsFactory: deps.credentialsFactory, log: deps.log });
  const trust = adapter.trust;
  if (trust.mode === 'dev') {
    deps.log?.warn('KEKAO_BOT_DEV=1: local-trial mode — the bot trusts the identity the chat client claims; never expose this service beyond this machine');
  } else if (trust.mode === 'open') {
    deps.log?.info('bot without Bot Framework credentials: only questions that do not depend on who asks are answered, in the HTTP response');
  }
  const appId = trust.mode === 'verified' ? trust.appId : '';
  const notifier = createProactiveNotifier({ adapter, db: deps.db, appId, log: deps.log, backoff: deps.backoff, mayContact: (url) => mayContact(trust, url) });
  const notify = deps.proactive ? deps.proactive.wrap('msteams', notifier) : notifier;
  const ports: ConversationPorts = createServicePorts({
    db: deps.db,
    channel: 'msteams',
    now: deps.now ?? (() => new Date()),
    notify,
    reachableChannels: deps.proactive?.reachableChannels,
  });
  const conversation = createConversation(ports, { channel: ADAPTIVE_CARD_CHANNEL });
  const verified = (context: TurnContext) => turnVerified(trust, context);
  // Only turns whose user the channel vouches for, replying to a service URL the service may
  // contact, become conversation references for proactive messages. Without a verified channel
  // ('open') the service never contacts anyone, so no turn is captured at all.
  const capture =
    trust.mode === 'open'
      ? undefined
      : createReferenceCapture(deps.db, async (context) => {
          if (!verified(context) || !mayContact(trust, context.activity.serviceUrl)) return { store: false };
          return { store: true, userId: (await ports.identities.resolve(chatInputOf(context, true).user))?.userId ?? null };
        });
  const logic = createTeamsTurn({
    conversation,
    verified,
    onTurn: capture
      ? async (context) => {
          try {
            await capture(context);
          } catch (err) {
            // A failed reference save must not cost the user the answer.
            deps.log?.warn('conversation reference not saved', { err: err instanceof Error ? err.message : String(err) });
          }
        }
      : undefined,
  });

  const scheduler = deps.digestIntervalMs
    ? startDigestScheduler(
        ports,
        deps.digestIntervalMs,
        (err) => deps.log?.error('digest round failed', { err }),
        (tick) =>
          // Which process sent the round (with several processes on one PostgreSQL, exactly one each interval).
          deps.log?.info(
            'digest round',
            tick.claimed
              ? { claimed: true, reviewers: tick.result.reviewers, sent: tick.result.sent, skipped: tick.result.skipped.length, failed: tick.result.failed }
              : { claimed: false },
          ),
      )
    : undefined;

  return {
    adapter,
    conversation,
    ports,
    notifier,
    scheduler,
    respond: (request) => runActivityRequest(adapter, logic, request, deps.log),
    stop: () => scheduler?.stop(),
  };
}
