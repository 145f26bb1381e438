import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { pgErrorCode, type Database } from './database.js';
import { BilingualError } from '@kekao/core/i18n';

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The ordered migrations `NNN_name.sql` of bot/src/db/migrations. */
export async function loadMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f)).sort();
  const out: Migration[] = [];
  for (const f of files) {
    out.push({ version: Number(f.slice(0, 3)), name: f.slice(4, -4), sql: await readFile(path.join(dir, f), 'utf8') });
  }
  const versions = out.map((m) => m.version);
  if (new Set(versions).size !== versions.length) throw new Error(`duplicate migration numbers in ${dir}`);
  return out;
}

/** The database role may not create or alter the schema; `detail` is the database's own message. */
export class MigrationPrivilegeError extends BilingualError {
  constructor(detail: string) {
    const zh = `数据库迁移需要表的所有者权限：请以所有者身份运行 kekao db migrate，或设置 KEKAO_MIGRATION_DATABASE_URL（${detail}）`;
    const en = 'migrations need the schema owner: run kekao db migrate as the owner, or set KEKAO_MIGRATION_DATABASE_URL';
    super('db.migrationPrivilege', zh, en, { message: `${zh}(db.migrationPrivilege)\n${en}` });
  }
}

/**
 * Applies the pending migrations in order, all in ONE transaction, under a transaction-level
 * advisory lock keyed on the current schema: several processes may start at once; the first
 * applies, the others wait and then find nothing to do. Returns the versions applied now.
 *
 * Nothing but reads happens when no migration is pending, so a least-privilege runtime role (which
 * may not create or alter anything) can start the service once the owner has migrated.
 */
export async function migrate(db: Database, migrations?: Migration[]): Promise<number[]> {
  const list = migrations ?? (await loadMigrations());
  try {
    return await db.transaction(
      async (tx) => {
        await tx.query(`SELECT pg_advisory_xact_lock(hashtext('kekao.migrate.' || current_schema()))`);
        const exists = (await tx.query<{ e: boolean }>(`SELECT to_regclass('schema_migrations') IS NOT NULL AS e`)).rows[0]!.e;
        const applied = new Set(exists ? (await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version) : []);
        const pending = list.filter((m) => !applied.has(m.version));
        if (pending.length === 0) return [];
        if (!exists) {
          await tx.exec(`CREATE TABLE schema_migrations (
          version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
        }
        for (const m of pending) {
          await tx.exec(m.sql);
          await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
        }
        return pending.map((m) => m.version);
      },
      { actor: 'system:migrate' },
    );
  } catch (e) {
    if (pgErrorCode(e) !== '42501') throw e;
    throw new MigrationPrivilegeError(e instanceof Error ? e.message : String(e));
  }
}
