import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { configSchema, type Config, type ConfigInput } from './config.js';
import { createLogger, type Logger } from './log.js';
import type { Database } from './db/database.js';
import { openDatabase } from './db/open.js';
import { migrate } from './db/migrate.js';
import { privilegeWarnings } from './db/runtimeRole.js';
import { ensureDefaultCampaign } from './store/campaigns.js';
import type { ChannelRoute } from './http/channelRoute.js';
import type { Services } from './http/routeTypes.js';
import { createHttpApp } from './http/app.js';

export interface ServerOptions {
  /** Use this database instead of opening one from the config (it is then not closed by `close`). */
  db?: Database;
  logger?: Logger;
  now?: () => Date;
  /** Chat channel endpoints (Teams `teamsRoute()`, WeCom `wecomRoute()`; see http/channelRoute.ts). */
  channels?: ChannelRoute[];
  /** Time /healthz allows the database to answer (default 3 s). */
  healthTimeoutMs?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  db: Database;
  services: Services;
  close(): Promise<void>;
}

/**
 * Starts the service: opens the database, applies the migrations, loads the 2025 campaign on
 * first start, and listens (the HTTP edge is http/app.ts). `port: 0` picks a free port (tests).
 */
export async function createServer(configInput: ConfigInput | Config, options: ServerOptions = {}): Promise<RunningServer> {
  const config = configSchema.parse(configInput);
  const log = options.logger ?? createLogger(config.logLevel);
  const ownsDb = !options.db;
  const db = options.db ?? (await openDatabase(config));
  try {
    const applied = await migrate(db);
    const seeded = await ensureDefaultCampaign(db);
    if (applied.length > 0 || seeded) log.info('database prepared', { migrationsApplied: applied, defaultCampaignLoaded: seeded });
    for (const warning of await privilegeWarnings(db)) log.warn(warning);
  } catch (e) {
    if (ownsDb) await db.close().catch(() => undefined);
    throw e;
  }
  const services: Services = { db, config, log, now: options.now ?? (() => new Date()) };
  const channels = options.channels ?? [];
  let app;
  try {
    ({ app } = await createHttpApp(services, { channels, healthTimeoutMs: options.healthTimeoutMs }));
    await app.listen({ port: config.port, host: config.host, listenTextResolver: () => 'http listening' });
  } catch (e) {
    if (ownsDb) await db.close().catch(() => undefined);
    throw e;
  }
  const port = (app.server.address() as AddressInfo).port;
  for (const c of channels) c.start?.(services);
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const url = `http://${host}:${port}`;
  const addinDir = path.resolve(config.addinDir);
  log.info('kekao service listening', { url, port, database: db.kind, databaseDescription: db.description, addin: existsSync(addinDir) ? addinDir : null });

  let closed = false;
  return {
    url,
    port,
    db,
    services,
    async close() {
      if (closed) return;
      closed = true;
      for (const c of channels) await c.stop?.();
      await app.close();
      if (ownsDb) await db.close();
    },
  };
}
