import type { IncomingMessage, ServerResponse } from 'node:http';
import { TeamsAdapter, type Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { z } from 'zod/v4';
import type { Database } from '../../db/database.js';
import type { Logger } from '../../log.js';
import { DatabaseBotStorage } from '../../store/botState.js';
import { readBody } from '../../http/body.js';
import { createConversation, intakeKey, type Conversation } from '../../conversation/conversation.js';
import { prefetchingStatePort, prefetchingStorage, withTurnPrefetch } from './turnPrefetch.js';
import { createServicePorts } from '../../conversation/serviceBindings.js';
import { startDigestScheduler, type DigestScheduler } from '../../conversation/digestScheduler.js';
import type { ConversationPorts } from '../../conversation/ports.js';
import { chatInputOf } from './activityMapping.js';
import { botLogic, createTeamsApplication } from './teamsApplication.js';
import { createProactiveNotifier, createReferenceCapture } from './proactive.js';
import type { BackoffOptions } from './backoff.js';
import type { ProactiveRouting } from '../notifyRouter.js';

/**
 * `POST /api/messages` — the Bot Framework endpoint. botbuilder's CloudAdapter (as teams-ai's
 * TeamsAdapter) authenticates the request: with a MicrosoftAppId configured, a request without a
 * valid Bot Framework token is refused with 401; without one (local use, Agents Playground) the
 * endpoint is open. `deliveryMode: 'expectReplies'` is answered in the HTTP response.
 */

export interface TeamsBotDeps {
  db: Database;
  config: { microsoftAppId?: string; microsoftAppPassword?: string; maxJsonBytes?: number };
  log?: Logger;
  now?: () => Date;
  /** Proactive reviewer digests every N ms (off when absent). */
  digestIntervalMs?: number;
  backoff?: BackoffOptions;
  /** Notify through every channel a user is linked to (WeCom too), not through Teams only. */
  proactive?: ProactiveRouting;
}

export interface TeamsBot {
  adapter: TeamsAdapter;
  app: Application;
  conversation: Conversation;
  ports: ConversationPorts;
  notifier: ReturnType<typeof createProactiveNotifier>;
  scheduler?: DigestScheduler;
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  stop(): void;
}

const activityEnvelopeSchema = z.looseObject({ type: z.string().min(1, 'activity.type is required') });

/**
 * Reads and checks the activity of a `POST /api/messages`, then hands it to the adapter (which
 * authenticates it and runs `logic`). Shared by the bot and the bench's echo bot, so both go
 * through exactly the same adapter path.
 */
export async function processActivityRequest(
  adapter: TeamsAdapter,
  logic: (context: TurnContext) => Promise<void>,
  req: IncomingMessage,
  res: ServerResponse,
  limit: number,
): Promise<void> {
  const send = (status: number, body?: unknown) => {
    if (res.headersSent) return;
    res.statusCode = status;
    if (body !== undefined) {
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.end(JSON.stringify(body));
    } else res.end();
  };
  if (req.method !== 'POST') {
    res.setHeader('allow', 'POST');
    return send(405, { error: { key: 'request.methodNotAllowed', zh: '只接受 POST', en: 'only POST is accepted' } });
  }
  let body: unknown;
  try {
    const raw = await readBody(req, limit);
    body = JSON.parse(raw.toString('utf8'));
  } catch (err) {
    const status = (err as { status?: number }).status === 413 ? 413 : 400;
    return send(status, { error: { key: status === 413 ? 'request.tooLarge' : 'request.invalidJson', zh: '请求内容不是有效的活动 JSON', en: 'the body is not a valid activity JSON' } });
  }
  const envelope = activityEnvelopeSchema.safeParse(body);
  if (!envelope.success) {
    return send(400, { error: { key: 'activity.invalid', zh: `活动无效：${envelope.error.issues.map((i) => i.message).join('；')}`, en: 'invalid activity', path: envelope.error.issues[0]?.path.join('.') } });
  }
  // The adapter needs an Express-like response; this shim maps it onto node:http.
  const shim = {
    socket: res.socket,
    status(code: number) {
      res.statusCode = code;
      return shim;
    },
    header(name: string, value: unknown) {
      res.setHeader(name, String(value));
      return shim;
    },
    send(payload: unknown) {
      if (payload === undefined || payload === null) return shim;
      if (typeof payload === 'object' && !Buffer.isBuffer(payload)) {
        if (!res.headersSent) res.setHeader('content-type', 'application/json; charset=utf-8');
        res.write(JSON.stringify(payload));
      } else {
        res.write(typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : String(payload));
      }
      return shim;
    },
    end() {
      res.end();
      return shim;
    },
  };
  const request = { body: envelope.data, headers: req.headers, method: req.method };
  await adapter.process(request as never, shim as never, logic);
}


export function createTeamsBot(deps: TeamsBotDeps): TeamsBot {
  const appId = deps.config.microsoftAppId ?? '';
  const adapter = new TeamsAdapter({
    MicrosoftAppId: appId,
    MicrosoftAppPassword: deps.config.microsoftAppPassword ?? '',
    MicrosoftAppType: appId ? 'MultiTenant' : undefined,
  } as never);
  adapter.onTurnError = async (context, error) => {
    deps.log?.error('bot turn failed', { err: error, conversation: context.activity?.conversation?.id });
    await context.sendActivity({
      type: 'message',
      text: `抱歉，处理这条消息时出错了，请稍后再试。(bot.turnError)\nSorry, something went wrong handling this message.`,
    });
  };

  const notifier = createProactiveNotifier({ adapter, db: deps.db, appId, log: deps.log, backoff: deps.backoff });
  const notify = deps.proactive ? deps.proactive.wrap('msteams', notifier) : notifier;
  const servicePorts = createServicePorts({ db: deps.db, channel: 'msteams', now: deps.now ?? (() => new Date()), notify, reachableChannels: deps.proactive?.reachableChannels });
  const ports: ConversationPorts = { ...servicePorts, state: prefetchingStatePort(servicePorts.state) };
  const conversation = createConversation(ports);
  const capture = createReferenceCapture(deps.db, async (context) => (await ports.identities.resolve(chatInputOf(context).user))?.userId ?? null);
  const app = createTeamsApplication({
    conversation,
    storage: prefetchingStorage(new DatabaseBotStorage(deps.db)),
    onTurn: async (context) => {
      try {
        await capture(context);
      } catch (err) {
        // A failed reference save must not cost the user the answer.
        deps.log?.warn('conversation reference not saved', { err: err instanceof Error ? err.message : String(err) });
      }
    },
  });
  const run = botLogic(app);
  // The questionnaire state is read in the same query as teams-ai's turn state.
  const logic = (context: TurnContext) => {
    const input = chatInputOf(context);
    return withTurnPrefetch([intakeKey({ conversation: { id: input.conversation.id, type: 'personal' }, user: input.user })], () => run(context));
  };
  const limit = deps.config.maxJsonBytes ?? 1024 * 1024;

  const handler = (req: IncomingMessage, res: ServerResponse) => processActivityRequest(adapter, logic, req, res, limit);

  const scheduler = deps.digestIntervalMs
    ? startDigestScheduler(ports, deps.digestIntervalMs, (err) => deps.log?.error('digest round failed', { err }))
    : undefined;

  return { adapter, app, conversation, ports, notifier, scheduler, handler, stop: () => scheduler?.stop() };
}

/** The handler the service mounts at `POST /api/messages`. */
export function createMessagesHandler(deps: TeamsBotDeps): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return createTeamsBot(deps).handler;
}
