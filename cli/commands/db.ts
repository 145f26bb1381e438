import type { CliCommand, CliIO } from '../io.js';
import { UserError } from '../io.js';
import { withServiceDatabase } from './serviceDb.js';
import { grantRuntimeRole, RuntimeRoleError } from '../../bot/src/db/runtimeRole.js';

const USAGE = ['db migrate', 'db grant-runtime ROLE'];

/**
 * `kekao db migrate`: applies the service's pending migrations (the service also does at start), as
 * the schema owner (KEKAO_MIGRATION_DATABASE_URL when set, else DATABASE_URL or PGlite).
 * `kekao db grant-runtime ROLE` (PostgreSQL): gives an existing role exactly the rights the service
 * needs at run time (bot/src/db/runtimeRole.ts); the service then connects as it (DATABASE_URL).
 */
export const dbCommand: CliCommand = {
  name: 'db',
  summary: { zh: '数据库迁移；授予受限运行角色权限', en: 'apply database migrations; grant the least-privilege runtime role' },
  usage: 'db migrate | db grant-runtime ROLE',
  usageDetails: USAGE,
  async run(args, io) {
    if (args[0] === 'migrate' && args.length === 1) return migrateCommand(io);
    if (args[0] === 'grant-runtime' && args.length === 2) return grantCommand(args[1]!, io);
    throw new UserError('cli.usage', `用法：${USAGE.map((u) => `kekao ${u}`).join(' | ')}`, `usage: ${USAGE.map((u) => `kekao ${u}`).join(' | ')}`, 2);
  },
};

async function migrateCommand(io: CliIO): Promise<number> {
  const result = await withServiceDatabase(async (db, applied) => ({ description: db.description, applied,
    versions: (await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map((r) => r.version) }), { asOwner: true });
  io.out(`数据库 / database: ${result.description}\n`);
  const fmt = (vs: number[]) => vs.map((v) => String(v).padStart(3, '0')).join(', ') || '—';
  io.out(`本次应用 / applied now: ${fmt(result.applied)}\n`);
  io.out(`已有迁移 / schema version: ${fmt(result.versions)}\n`);
  return 0;
}

async function grantCommand(role: string, io: CliIO): Promise<number> {
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
