import { ConfigError, loadConfig, type Config } from '@kekao/service/config';
import { openDatabase } from '@kekao/service/db';
import { migrate } from '@kekao/service/db';
import { ensureDefaultCampaign } from '@kekao/service/store';
import type { Database } from '@kekao/service/db';
import { DataDirLockedError } from '@kekao/service/db';
import { UserError } from '../io.js';

/** The service's configuration (the environment `npm start` reads); a bad value is a user error. */
export function loadServiceConfig(): Config {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) throw new UserError('config.invalid', e.message, 'invalid configuration', 78);
    throw e;
  }
}

/** The user's version of "another process holds the data folder"; other errors pass through. */
export function explainLocked(e: unknown): unknown {
  if (e instanceof DataDirLockedError) {
    return new UserError(
      'db.dataDirLocked',
      `数据目录正由进程 ${e.pid} 使用，请先停止服务或改用 DATABASE_URL`,
      `the data folder is in use by process ${e.pid}; stop the service or use DATABASE_URL`,
    );
  }
  return e;
}

/**
 * Opens the service database the same way `npm start` does (KEKAO_DATA_DIR / DATABASE_URL),
 * migrated and seeded, runs `fn`, and closes it.
 */
export async function withServiceDatabase<T>(fn: (db: Database, migrationsApplied: number[]) => Promise<T>, o: { asOwner?: boolean } = {}): Promise<T> {
  let config = loadServiceConfig();
  // Schema changes and grants are made as the schema owner (KEKAO_MIGRATION_DATABASE_URL when the
  // service itself runs as a least-privilege role).
  if (o.asOwner && config.migrationDatabaseUrl) config = { ...config, databaseUrl: config.migrationDatabaseUrl, migrationDatabaseUrl: undefined };
  let db: Database;
  try {
    db = await openDatabase(config);
  } catch (e) {
    throw explainLocked(e);
  }
  try {
    const applied = await migrate(db);
    await ensureDefaultCampaign(db);
    return await fn(db, applied);
  } finally {
    await db.close();
  }
}
