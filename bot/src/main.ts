import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './log.js';
import { createServer } from './server.js';
import { digestIntervalFromEnv, teamsRoute } from './channels/teams/mount.js';
import { wecomConfigFromEnv, WecomConfigError } from './channels/wecom/config.js';
import { wecomRoute } from './channels/wecom/mount.js';
import { createNotifyRouter, proactiveRouting } from './channels/notifyRouter.js';

/** `npm start`: the service in one process; SIGTERM/SIGINT finish the requests in flight, then exit. */
async function main(): Promise<void> {
  let config;
  let wecom;
  try {
    config = loadConfig();
    wecom = wecomConfigFromEnv();
  } catch (e) {
    process.stderr.write(`${e instanceof ConfigError || e instanceof WecomConfigError ? e.message : String(e)}\n`);
    process.exit(78);
  }
  const log = createLogger(config.logLevel, { service: 'kekao' });
  // The Teams bot at POST /api/messages; built at start so the digest scheduler runs.
  // With WeCom on, proactive messages go through every channel a user is linked to.
  const router = createNotifyRouter();
  const bot = teamsRoute({ digestIntervalMs: digestIntervalFromEnv(), ...(wecom ? { proactive: proactiveRouting(router, ['wecom']) } : {}) });
  const channels = wecom ? [wecomRoute({ config: wecom, router })] : [];
  if (wecom) log.info('wecom channel on', { path: '/api/wecom', apiBase: wecom.apiBase, corpId: wecom.corpId, agentId: wecom.agentId });
  const running = await createServer(config, { logger: log, channels: [bot, ...channels] });
  bot.ensure(running.services);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down', { signal });
    const force = setTimeout(() => {
      log.warn('forced exit after 10 s');
      process.exit(1);
    }, 10_000);
    force.unref();
    running.close().then(
      () => {
        log.info('stopped');
        process.exit(0);
      },
      (e) => {
        log.error('shutdown failed', { err: e });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((e) => {
  process.stderr.write(
    JSON.stringify({ time: new Date().toISOString(), level: 'error', msg: 'startup failed', err: e instanceof Error ? e.message : String(e) }) + '\n',
  );
  process.exit(1);
});
