import type { Database } from './database.js';
import { BilingualError } from '@kekao/core/i18n';

/**
 * The least-privilege runtime role on PostgreSQL. Migrations run as the schema owner; the service
 * connects as a role that owns nothing and holds only what it uses:
 *
 * - USAGE on the schema, no CREATE: it cannot create, ALTER or DROP tables, or DISABLE TRIGGER (all
 *   need ownership);
 * - SELECT, INSERT, UPDATE, DELETE on the application tables — every change still fires the audit
 *   triggers; no TRUNCATE (refused by a trigger anyway), REFERENCES or TRIGGER;
 * - nothing on audit_log: the audit rows are written by the SECURITY DEFINER trigger function as its
 *   owner, so the role can neither change nor forge them;
 * - SELECT on schema_migrations (to see that nothing is pending at start);
 * - not a superuser, so it cannot `SET session_replication_role = replica` (which silences triggers).
 *
 * Default privileges give tables that later migrations add the same four rights.
 */

export class RuntimeRoleError extends BilingualError {
  constructor(key: string, zh: string, en: string) {
    super(key, zh, en, { message: `${key}: ${en}` });
  }
}

const ROLE_NAME = /^[a-z_][a-z0-9_$]{0,62}$/;
const NO_DML = new Set(['audit_log', 'schema_migrations']);

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function grantRuntimeRole(db: Database, role: string): Promise<{ schema: string; tables: string[] }> {
  if (db.kind !== 'postgres') {
    throw new RuntimeRoleError(
      'db.runtimeRolePostgresOnly',
      'PGlite 只有一个数据库用户：运行角色只适用于 PostgreSQL（DATABASE_URL）',
      'PGlite has a single database user: the runtime role applies to PostgreSQL (DATABASE_URL) only',
    );
  }
  if (!ROLE_NAME.test(role)) {
    throw new RuntimeRoleError(
      'db.runtimeRoleName',
      `角色名“${role}”无效（小写字母、数字、_，以字母或 _ 开头）`,
      `"${role}" is not a valid role name (lower-case letters, digits, _)`,
    );
  }
  return db.transaction(
    async (tx) => {
      const me = (await tx.query<{ user: string; schema: string }>('SELECT current_user AS user, current_schema() AS schema')).rows[0]!;
      const r = (
        await tx.query<{ rolsuper: boolean; member: boolean }>(
          `SELECT rolsuper, pg_has_role(rolname, current_user, 'MEMBER') AS member FROM pg_roles WHERE rolname = $1`,
          [role],
        )
      ).rows[0];
      if (!r) {
        throw new RuntimeRoleError(
          'db.runtimeRoleMissing',
          `角色 ${role} 不存在：请先由数据库管理员创建（CREATE ROLE ${role} LOGIN PASSWORD '…'）`,
          `role ${role} does not exist; have the database administrator create it first (CREATE ROLE ${role} LOGIN PASSWORD '…')`,
        );
      }
      if (r.rolsuper || r.member || role === me.user) {
        throw new RuntimeRoleError(
          'db.runtimeRoleTooPowerful',
          `角色 ${role} 是超级用户、表的所有者或其成员，不能作为受限运行角色`,
          `role ${role} is a superuser, the owner or a member of it: it cannot be a least-privilege runtime role`,
        );
      }
      const tables = (await tx.query<{ tablename: string }>('SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename')).rows.map(
        (t) => t.tablename,
      );
      const s = ident(me.schema);
      const to = ident(role);
      await tx.exec(`GRANT USAGE ON SCHEMA ${s} TO ${to}; REVOKE CREATE ON SCHEMA ${s} FROM ${to}`);
      for (const t of tables) {
        const table = `${s}.${ident(t)}`;
        await tx.exec(`REVOKE ALL ON ${table} FROM ${to}`);
        if (t === 'schema_migrations') await tx.exec(`GRANT SELECT ON ${table} TO ${to}`);
        else if (!NO_DML.has(t)) await tx.exec(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO ${to}`);
      }
      await tx.exec(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${to}`);
      return { schema: me.schema, tables: tables.filter((t) => !NO_DML.has(t)) };
    },
    { actor: 'cli:db-grant-runtime' },
  );
}

/**
 * Says so when the service runs with more rights than it needs (PostgreSQL as superuser or as the
 * owner of the audit log): the audit trail can then be bypassed by the service's own connection.
 */
export async function privilegeWarnings(db: Database): Promise<string[]> {
  if (db.kind !== 'postgres') return [];
  const r = (
    await db.query<{ superuser: boolean; owner: boolean }>(
      `SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
            coalesce((SELECT tableowner = current_user FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'audit_log'), false) AS owner`,
    )
  ).rows[0]!;
  if (!r.superuser && !r.owner) return [];
  return [
    `the service connects to PostgreSQL as ${r.superuser ? 'a superuser' : 'the owner of the tables'}: its own connection could bypass the audit log; ` +
      'run it as a least-privilege role (kekao db grant-runtime, KEKAO_MIGRATION_DATABASE_URL; bot/README.md "Security model")',
  ];
}
