import { z } from 'zod/v4';
import type { ChannelRoute } from '../../http/channelRoute.js';
import type { Services } from '../../http/routeTypes.js';
import { parseActivityBody, type BotHttpResponse } from './activityRequest.js';
import { createTeamsBot, type TeamsBot, type TeamsBotDeps } from './messagesHandler.js';

/**
 * The bot at `POST /api/messages`, a ChannelRoute the service mounts like every channel:
 * `createServer(config, { channels: [teamsRoute()] })`. The bot is built on the first request
 * from the service's own database, configuration, logger and clock, so the service needs no
 * bot-specific wiring.
 */

export const MESSAGES_PATH = '/api/messages';

export interface TeamsRoute extends ChannelRoute {
  /** The bot, once built (after the first request, or after `ensure`). */
  readonly bot: TeamsBot | undefined;
  /** Builds the bot now (to start the digest scheduler at boot, or in tests). */
  ensure(services: Services): TeamsBot;
}

function jsonResponse(r: BotHttpResponse) {
  return r.body === undefined
    ? { status: r.status }
    : { status: r.status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(r.body) };
}

export function teamsRoute(
  options: Pick<TeamsBotDeps, 'digestIntervalMs' | 'backoff' | 'proactive' | 'authEndpoints' | 'credentialsFactory'> = {},
): TeamsRoute {
  let bot: TeamsBot | undefined;
  const ensure = (services: Services): TeamsBot =>
    (bot ??= createTeamsBot({
      db: services.db,
      config: services.config,
      log: services.log.child({ component: 'bot' }),
      now: services.now,
      ...options,
    }));
  return {
    name: 'teams',
    path: MESSAGES_PATH,
    methods: ['POST'],
    // An activity is a few KiB; attachments travel as URLs. The JSON limit of the API applies.
    bodyLimit: (config) => config.maxJsonBytes,
    get bot() {
      return bot;
    },
    ensure,
    async handle(req, services) {
      const parsed = parseActivityBody(req.body);
      if ('refusal' in parsed) return jsonResponse(parsed.refusal);
      return jsonResponse(await ensure(services).respond({ headers: req.headers, body: parsed.body }));
    },
    stop() {
      bot?.stop();
    },
  };
}

/**
 * How often reviewers get the proactive digest: `KEKAO_DIGEST_INTERVAL_MINUTES` (default 1440 =
 * daily; 0 turns it off). Returns milliseconds, or undefined when off.
 */
export function digestIntervalFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.KEKAO_DIGEST_INTERVAL_MINUTES?.trim();
  const r = z.coerce
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .safeParse(raw === undefined || raw === '' ? 1440 : raw);
  if (!r.success) throw new Error(`环境变量 KEKAO_DIGEST_INTERVAL_MINUTES 无效：须为 0–10080 的整数（分钟） (config.invalid)`);
  return r.data === 0 ? undefined : r.data * 60_000;
}
