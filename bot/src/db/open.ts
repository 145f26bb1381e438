import type { Config } from '../config.js';
import { resolveDataDir } from '../config.js';
import type { Database } from './database.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';
import path from 'node:path';

/** The embedded database's folder: `pglite` inside KEKAO_DATA_DIR (its lock file sits beside it). */
export function pgliteDataDir(config: Config): string {
  return path.join(resolveDataDir(config), 'pglite');
}

/** Opens the database the configuration names: PostgreSQL when DATABASE_URL is set, else PGlite in the data folder. */
export async function openDatabase(config: Config): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl, config.databaseSchema);
  return openPglite(pgliteDataDir(config));
}
