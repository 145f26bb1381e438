import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod/v4';
import type { Services } from '../../http/router.js';
import { createTeamsBot, type TeamsBot, type TeamsBotDeps } from './messagesHandler.js';

/**
 * Mounts the bot at `POST /api/messages` as one of the service's `extraHandlers`. The bot is built
 * on the first request from the service's own database, configuration, logger and clock, so the
 * service needs no bot-specific wiring: `createServer(config, { extraHandlers: [teamsRoute().handler] })`.
 */

export const MESSAGES_PATH = '/api/messages';

export interface TeamsRoute {
  handler(req: IncomingMessage, res: ServerResponse, services: Services): Promise<boolean>;
  /** The bot, once built (after the first request, or after `ensure`). */
  readonly bot: TeamsBot | undefined;
  /** Builds the bot now (to start the digest scheduler at boot, or in tests). */
  ensure(services: Services): TeamsBot;
}

export function teamsRoute(options: Pick<TeamsBotDeps, 'digestIntervalMs' | 'backoff' | 'proactive' | 'authEndpoints' | 'credentialsFactory'> = {}): TeamsRoute {
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
    get bot() {
      return bot;
    },
    ensure,
    async handler(req, res, services) {
      const pathname = (req.url ?? '/').split('?')[0];
      if (pathname !== MESSAGES_PATH) return false;
      await ensure(services).handler(req, res);
      return true;
    },
  };
}

/**
 * How often reviewers get the proactive digest: `KEKAO_DIGEST_INTERVAL_MINUTES` (default 1440 =
 * daily; 0 turns it off). Returns milliseconds, or undefined when off.
 */
export function digestIntervalFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.KEKAO_DIGEST_INTERVAL_MINUTES?.trim();
  const r = z.coerce.number().int().min(0).max(7 * 24 * 60).safeParse(raw === undefined || raw === '' ? 1440 : raw);
  if (!r.success) throw new Error(`环境变量 KEKAO_DIGEST_INTERVAL_MINUTES 无效：须为 0–10080 的整数（分钟） (config.invalid)`);
  return r.data === 0 ? undefined : r.data * 60_000;
}
