import type { ChannelRoute } from '../../http/channelRoute.js';
import type { Services } from '../../http/routeTypes.js';
import type { Database } from '../../db/database.js';
import { createConversation, type Conversation } from '../../conversation/conversation.js';
import { createServicePorts } from '../../conversation/serviceBindings.js';
import type { ConversationPorts } from '../../conversation/ports.js';
import { createNotifyRouter, type NotifyRouter } from '../notifyRouter.js';
import { createWecomApi, type WecomApi, type WecomApiOptions } from './api.js';
import { createWecomCallback, type WecomCallback } from './callback.js';
import type { WecomConfig } from './config.js';
import { WECOM_CARD_CAPABILITIES } from './cardMapping.js';
import { createDelivery, type Delivery } from './delivery.js';
import { WECOM_CHANNEL } from './identity.js';
import { databaseSendLimit } from './databaseSendLimit.js';
import { inProcessSendLimit, type MemberSendLimit, type MemberSendLimitOptions } from './memberSendLimit.js';
import { createWecomNotifier } from './notifier.js';
import { pruneReceipts } from './receipts.js';
import { createTurns, newTaskId } from './turns.js';

/**
 * The WeCom channel as the service mounts it: `GET/POST /api/wecom` (a ChannelRoute), built from
 * the service's database, logger and clock when the server starts. Its conversations notify
 * through the shared router, so officers and reviewers get proactive messages in every channel
 * they are linked to.
 */

export const WECOM_PATH = '/api/wecom';

export interface WecomRouteOptions {
  config: WecomConfig;
  /** Shared with the Teams bot (one is made when absent). */
  router?: NotifyRouter;
  passiveBudgetMs?: number;
  replayWindowSeconds?: number;
  /** WeCom's limit of active messages per member and minute (30), shared by the processes on the database. */
  perMemberPerMinute?: number;
  /** Overrides for the API client (tests: fast backoff). */
  api?: Pick<WecomApiOptions, 'fetch' | 'retries' | 'baseMs' | 'maxMs' | 'sleep'>;
}

export interface WecomChannel {
  api: WecomApi;
  delivery: Delivery;
  sendLimit: MemberSendLimit;
  ports: ConversationPorts;
  conversation: Conversation;
  callback: WecomCallback;
}

export interface WecomRoute extends ChannelRoute {
  readonly channel: WecomChannel | undefined;
  ensure(services: Services): WecomChannel;
  /** Resolves when every answer in progress has been sent. */
  idle(): Promise<void>;
}

/**
 * The per-member count the service uses. On PostgreSQL several service processes may share the
 * database, and only a count in it sees all their messages (databaseSendLimit.ts). On PGlite one
 * process holds the data folder, so a count in its memory sees every message; the database count
 * would put a transaction per message on PGlite's single connection, in the queue of every chat
 * turn's queries (take and settle, 2 000 in a row on a busy 2-core machine: about 1.6 ms a message
 * on PGlite, against 0.01 ms in memory).
 */
function memberSendLimitFor(db: Database, o: MemberSendLimitOptions): MemberSendLimit {
  return db.kind === 'postgres' ? databaseSendLimit({ db, ...o }) : inProcessSendLimit(o);
}

export function wecomRoute(o: WecomRouteOptions): WecomRoute {
  const router = o.router ?? createNotifyRouter();
  let channel: WecomChannel | undefined;
  let pruning: NodeJS.Timeout | undefined;

  function ensure(services: Services): WecomChannel {
    if (channel) return channel;
    const log = services.log.child({ component: 'wecom' });
    const api = createWecomApi({ apiBase: o.config.apiBase, corpId: o.config.corpId, secret: o.config.secret, log, ...o.api });
    const sendLimit = memberSendLimitFor(services.db, { corpId: o.config.corpId, agentId: o.config.agentId, perMinute: o.perMemberPerMinute ?? 30 });
    const delivery = createDelivery({ api, agentId: o.config.agentId, limit: sendLimit, log });
    router.register(WECOM_CHANNEL, createWecomNotifier({ db: services.db, corpId: o.config.corpId, delivery, newTaskId, log }));
    const ports = createServicePorts({ db: services.db, channel: WECOM_CHANNEL, now: services.now, notify: router.port, reachableChannels: [WECOM_CHANNEL] });
    const conversation = createConversation(ports, { channel: WECOM_CARD_CAPABILITIES });
    const turn = createTurns({ db: services.db, corpId: o.config.corpId, conversation, delivery, now: services.now, log });
    const callback = createWecomCallback({
      config: o.config,
      db: services.db,
      delivery,
      turn,
      now: services.now,
      log,
      passiveBudgetMs: o.passiveBudgetMs,
      replayWindowSeconds: o.replayWindowSeconds,
    });
    channel = { api, delivery, sendLimit, ports, conversation, callback };
    return channel;
  }

  return {
    name: 'wecom',
    path: WECOM_PATH,
    methods: ['GET', 'POST'],
    // WeCom's callbacks are a few KiB (a text message is at most 2048 bytes before encryption).
    bodyLimit: 256 * 1024,
    get channel() {
      return channel;
    },
    ensure,
    async handle(req, services) {
      const c = ensure(services);
      return req.method === 'GET' ? c.callback.get(req) : c.callback.post(req);
    },
    start(services) {
      const { sendLimit } = ensure(services);
      const prune = () => {
        pruneReceipts(services.db, new Date(services.now().getTime() - 24 * 3600_000)).catch((err) => services.log.warn('wecom receipts not pruned', { err }));
        // The senders' clock (delivery's), not the service clock a test or a trial may move.
        sendLimit.prune(Date.now()).catch((err) => services.log.warn('wecom member sends not pruned', { err }));
      };
      prune();
      pruning = setInterval(prune, 3600_000);
      pruning.unref();
    },
    async stop() {
      if (pruning) clearInterval(pruning);
      if (channel) await Promise.race([channel.callback.idle(), new Promise((r) => setTimeout(r, 10_000).unref())]);
    },
    idle: () => channel?.callback.idle() ?? Promise.resolve(),
  };
}
