import path from 'node:path';
import type { CliCommand, CliIO } from '../io.js';
import { UserError } from '../io.js';
import { booleanFlag, parseArgs, type OptionSpecs } from '../args.js';
import { explainLocked, loadServiceConfig, withServiceDatabase } from './serviceDb.js';
import { pgliteDataDir } from '@kekao/service/db';
import { BackupError, backupPglite, restorePglite } from '@kekao/service/db';
import { grantRuntimeRole, RuntimeRoleError } from '@kekao/service/db';

const USAGE_MIGRATE = 'db migrate';
const USAGE_BACKUP = 'db backup FILE.tar.gz';
const USAGE_RESTORE = 'db restore FILE.tar.gz [--force]';
const USAGE_GRANT = 'db grant-runtime ROLE';
const USAGE_LINES = [USAGE_MIGRATE, USAGE_BACKUP, USAGE_RESTORE, USAGE_GRANT];

const RESTORE_OPTIONS: OptionSpecs = { force: { type: 'boolean' } };

function usageError(): UserError {
  return new UserError(
    'cli.usage',
    `用法：\n${USAGE_LINES.map((u) => `  kekao ${u}`).join('\n')}`,
    'usage: kekao db migrate | backup FILE | restore FILE [--force] | grant-runtime ROLE',
    2,
  );
}

const fmt = (vs: number[]) => vs.map((v) => String(v).padStart(3, '0')).join(', ') || '—';

/**
 * `kekao db migrate`: applies the service's pending migrations (the service also does at start), as
 * the schema owner (KEKAO_MIGRATION_DATABASE_URL when set, else DATABASE_URL or PGlite).
 * `kekao db backup FILE` / `kekao db restore FILE`: the embedded database (PGlite) as one file;
 * a PostgreSQL server (DATABASE_URL) is backed up with pg_dump (docs/deployment.md).
 * `kekao db grant-runtime ROLE` (PostgreSQL): gives an existing role exactly the rights the service
 * needs at run time (bot/src/db/runtimeRole.ts); the service then connects as it (DATABASE_URL).
 */
export const dbCommand: CliCommand = {
  name: 'db',
  summary: {
    zh: '数据库：迁移、备份、恢复（嵌入式数据库）、授予受限运行角色权限',
    en: 'database: migrate, back up, restore (embedded database), grant the least-privilege runtime role',
  },
  usage: 'db migrate | backup FILE | restore FILE [--force] | grant-runtime ROLE',
  usageDetails: USAGE_LINES,
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub === 'migrate') return migrateCommand(rest, io);
    if (sub === 'backup') return backupCommand(rest, io);
    if (sub === 'restore') return restoreCommand(rest, io);
    if (sub === 'grant-runtime') return grantCommand(rest, io);
    throw usageError();
  },
};

async function migrateCommand(rest: string[], io: CliIO): Promise<number> {
  parseArgs(rest, {}, { positionals: false });
  const result = await withServiceDatabase(
    async (db, applied) => ({
      description: db.description,
      applied,
      versions: (await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map((r) => r.version),
    }),
    { asOwner: true },
  );
  io.out(`数据库 / database: ${result.description}\n`);
  io.out(`本次应用 / applied now: ${fmt(result.applied)}\n`);
  io.out(`已有迁移 / schema version: ${fmt(result.versions)}\n`);
  return 0;
}

/** The embedded database's folder and the backup file named on the command line. */
function embeddedTarget(rest: string[], io: CliIO, specs: OptionSpecs) {
  const p = parseArgs(rest, specs);
  const [file, ...extra] = p.positional;
  if (!file || extra.length) throw usageError();
  const config = loadServiceConfig();
  if (config.databaseUrl) {
    throw new UserError(
      'db.backupPostgres',
      '已设置 DATABASE_URL：PostgreSQL 服务器请用 pg_dump / pg_restore 备份和恢复（见 docs/deployment.md）',
      'DATABASE_URL is set: back up and restore a PostgreSQL server with pg_dump / pg_restore (see docs/deployment.md)',
    );
  }
  return { p, file: path.resolve(io.cwd, file), dataDir: pgliteDataDir(config) };
}

async function asUserErrors<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (e) {
    if (e instanceof BackupError) throw new UserError(e.key, e.zh, e.en);
    throw explainLocked(e);
  }
}

async function backupCommand(rest: string[], io: CliIO): Promise<number> {
  const { file, dataDir } = embeddedTarget(rest, io, {});
  const r = await asUserErrors(backupPglite(dataDir, file));
  io.out(`已备份 / backed up: ${dataDir} → ${file}（${(r.bytes / 1024 / 1024).toFixed(1)} MB）\n`);
  io.out(`迁移版本 / schema version: ${fmt(r.schemaVersions)}\n`);
  return 0;
}

async function restoreCommand(rest: string[], io: CliIO): Promise<number> {
  const { p, file, dataDir } = embeddedTarget(rest, io, RESTORE_OPTIONS);
  const r = await asUserErrors(restorePglite(file, dataDir, { force: booleanFlag(p, 'force') }));
  io.out(`已恢复 / restored: ${file} → ${dataDir}\n`);
  io.out(`迁移版本 / schema version: ${fmt(r.schemaVersions)}（服务启动时应用更新的迁移 / newer migrations apply when the service starts）\n`);
  return 0;
}

async function grantCommand(rest: string[], io: CliIO): Promise<number> {
  const [role, ...extra] = parseArgs(rest).positional;
  if (!role || extra.length) throw usageError();
  try {
    const r = await withServiceDatabase((db) => grantRuntimeRole(db, role), { asOwner: true });
    io.out(`已授予角色 ${role} 运行所需的权限（模式 ${r.schema}：${r.tables.length} 张表可读写，审计日志无任何权限）\n`);
    io.out(`granted role ${role} the run-time rights (schema ${r.schema}: read/write on ${r.tables.length} tables, nothing on audit_log)\n`);
    io.out(`现在让服务以该角色连接：DATABASE_URL=postgresql://${role}@…，KEKAO_MIGRATION_DATABASE_URL=<所有者连接>\n`);
    return 0;
  } catch (e) {
    if (e instanceof RuntimeRoleError) throw new UserError(e.key, e.zh, e.en);
    throw e;
  }
}
