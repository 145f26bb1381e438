import type { Config } from '../config.js';
import { resolveDataDir } from '../config.js';
import type { Database } from './database.js';
import { migrate } from './migrate.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';
import path from 'node:path';

/** The embedded database's folder: `pglite` inside KEKAO_DATA_DIR (its lock file sits beside it). */
export function pgliteDataDir(config: Config): string {
  return path.join(resolveDataDir(config), 'pglite');
}

/**
 * Opens the database the configuration names: PostgreSQL when DATABASE_URL is set, else PGlite in
 * the data folder. With KEKAO_MIGRATION_DATABASE_URL (the schema owner) the pending migrations are
 * applied through that connection first and it is closed again; the service itself then works
 * through DATABASE_URL (the least-privilege runtime role).
 */
export async function openDatabase(config: Config): Promise<Database> {
  if (config.databaseUrl) {
    if (config.migrationDatabaseUrl) {
      const owner = await openPostgres(config.migrationDatabaseUrl, config.databaseSchema, 1);
      try {
        await migrate(owner);
      } finally {
        await owner.close();
      }
    }
    return openPostgres(config.databaseUrl, config.databaseSchema);
  }
  return openPglite(pgliteDataDir(config));
}
