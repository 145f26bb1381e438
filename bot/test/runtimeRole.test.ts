import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '@kekao/cli';
import type { CliIO } from '@kekao/cli';
import { pgErrorCode, type Database } from '../src/db/database.js';
import { openPostgres } from '../src/db/postgres.js';
import { migrate } from '../src/db/migrate.js';
import { createServer, type RunningServer } from '../src/server.js';
import { createLogger } from '../src/log.js';
import { upsertCampaign } from '../src/store/campaigns.js';
import { backends, dropSchema, type TestDatabase } from './helpers/backends.js';
import { BEFORE_DEADLINE, call, campaign2026, org, reliabilitySubmission, user } from './helpers/fixtures.js';

/**
 * The audit log holds against the service's own database role.
 * - Every backend (PGlite too): TRUNCATE of an audited table is refused, even for the owner.
 * - PostgreSQL: migrations run as the owner; `kekao db grant-runtime ROLE` gives a fresh role (unique
 *   per run, dropped afterwards) only what the service needs. As that role the service cannot
 *   change, delete, truncate, forge or even read audit rows, cannot silence triggers
 *   (session_replication_role, DISABLE TRIGGER), cannot drop or create tables, and cannot redirect
 *   the audit trigger into a temporary table — and the whole API flow (upload, workflow, panel,
 *   scores, export, assistance) works under it, every change audited.
 */

const url = process.env.DATABASE_URL?.trim() || undefined;

const AUDITED = [
  'campaigns',
  'organisations',
  'users',
  'user_identities',
  'submissions',
  'status_history',
  'reviewer_assignments',
  'reviews',
  'assistance_cases',
  'assistance_items',
  'assistance_records',
  'conversation_references',
  'bot_state',
];

async function failureCode(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    return pgErrorCode(e) ?? String(e);
  }
}

describe.each(backends)('TRUNCATE of audited tables on $name', (backend) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await backend.open();
    await migrate(tdb.db);
  });
  afterAll(async () => tdb?.dispose());

  it('is refused for every audited table, even for the owner, and the rows stay', async () => {
    await tdb.db.transaction((tx) => tx.query(`INSERT INTO bot_state (key, value, etag) VALUES ('k', '{}', 'e')`), { actor: 'test' });
    for (const t of AUDITED) {
      const code = await failureCode(tdb.db.query(`TRUNCATE ${t} CASCADE`));
      expect(code, t).toBe('42501');
    }
    expect((await tdb.db.query('SELECT key FROM bot_state')).rows).toEqual([{ key: 'k' }]);
  });
});

describe.each(url ? [url] : [])('the least-privilege runtime role on PostgreSQL', (ownerUrl) => {
  const schema = `kekao_test_${randomBytes(6).toString('hex')}`;
  const role = `kekao_rt_${randomBytes(6).toString('hex')}`;
  const runtimeUrl = (() => {
    const u = new URL(ownerUrl);
    u.username = role;
    u.password = '';
    return u.toString();
  })();
  let admin: pg.Client;
  let owner: Database;
  let runtime: Database;
  let dir: string;
  const saved = {
    DATABASE_URL: process.env.DATABASE_URL,
    KEKAO_DB_SCHEMA: process.env.KEKAO_DB_SCHEMA,
    KEKAO_MIGRATION_DATABASE_URL: process.env.KEKAO_MIGRATION_DATABASE_URL,
  };

  async function cli(...args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIO = { out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir, interactive: false };
    return { code: await main(args, io), out: out.join(''), err: err.join('') };
  }

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kekao-runtime-role-'));
    admin = new pg.Client({ connectionString: ownerUrl });
    await admin.connect();
    await admin.query(`CREATE ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE`);
    // As an administrator configures it: the service's connection is the runtime role, migrations the owner's.
    process.env.DATABASE_URL = runtimeUrl;
    process.env.KEKAO_MIGRATION_DATABASE_URL = ownerUrl;
    process.env.KEKAO_DB_SCHEMA = schema;
    await admin.query(`CREATE SCHEMA ${schema}`);
    const migrated = await cli('db', 'migrate');
    expect(migrated.code, migrated.err).toBe(0);
    expect(migrated.out).toMatch(/applied now: 001, 002, 003/);
    const granted = await cli('db', 'grant-runtime', role);
    expect(granted.code, granted.err).toBe(0);
    owner = await openPostgres(ownerUrl, schema, 2);
    runtime = await openPostgres(runtimeUrl, schema, 4);
  }, 180_000);

  afterAll(async () => {
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    await runtime?.close();
    await owner?.close();
    await dropSchema(schema);
    // Roles are cluster-wide: remove what is left of this one (default privileges, grants), then it.
    await admin.query(`DROP OWNED BY ${role}`).catch(() => undefined);
    await admin.query(`DROP ROLE IF EXISTS ${role}`);
    await admin.end();
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a superuser or an unknown role as the runtime role', async () => {
    expect((await cli('db', 'grant-runtime', 'postgres')).err).toContain('db.runtimeRoleTooPowerful');
    expect((await cli('db', 'grant-runtime', `${role}_missing`)).err).toContain('db.runtimeRoleMissing');
  });

  it('cannot touch, forge or read the audit log, silence triggers, or change the schema', async () => {
    const auditRows = async () => (await owner.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0]!.n;
    await runtime.transaction((tx) => tx.query(`INSERT INTO bot_state (key, value, etag) VALUES ('rt', '{}', 'e1')`), { actor: 'test' });
    const before = await auditRows();
    expect(before).toBeGreaterThan(0);
    const refused = {
      update: await failureCode(runtime.query(`UPDATE audit_log SET actor = 'someone else'`)),
      delete: await failureCode(runtime.query('DELETE FROM audit_log')),
      truncate: await failureCode(runtime.query('TRUNCATE audit_log')),
      forge: await failureCode(
        runtime.query(`INSERT INTO audit_log (actor, table_name, operation, row_key) VALUES ('user:forged', 'submissions', 'DELETE', 'x')`),
      ),
      read: await failureCode(runtime.query('SELECT count(*) FROM audit_log')),
      replica: await failureCode(runtime.query('SET session_replication_role = replica')),
      disableTrigger: await failureCode(runtime.query('ALTER TABLE bot_state DISABLE TRIGGER audit')),
      drop: await failureCode(runtime.query('DROP TABLE bot_state')),
      truncateTable: await failureCode(runtime.query('TRUNCATE bot_state')),
      create: await failureCode(runtime.query('CREATE TABLE shadow (id int)')),
      replaceFunction: await failureCode(
        runtime.query(`CREATE OR REPLACE FUNCTION kekao_audit_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$`),
      ),
    };
    expect(refused).toEqual(Object.fromEntries(Object.keys(refused).map((k) => [k, '42501'])));
    // A temporary table named audit_log does not capture the trigger's rows (search_path is pinned).
    const captured = await runtime.transaction(
      async (tx) => {
        await tx.query(
          'CREATE TEMP TABLE audit_log (id bigint, at timestamptz, actor text, request_id text, table_name text, operation text, row_key text, old_row jsonb, new_row jsonb) ON COMMIT DROP',
        );
        await tx.query(`UPDATE bot_state SET etag = 'e2' WHERE key = 'rt'`);
        return (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_temp.audit_log')).rows[0]!.n;
      },
      { actor: 'test' },
    );
    expect(captured).toBe(0);
    expect(await auditRows()).toBe(before + 1);
    const last = (
      await owner.query<{ table_name: string; operation: string; actor: string }>('SELECT table_name, operation, actor FROM audit_log ORDER BY id DESC LIMIT 1')
    ).rows[0];
    expect(last).toEqual({ table_name: 'bot_state', operation: 'UPDATE', actor: 'test' });
  });

  it('runs the whole API flow as the runtime role, every change audited', async () => {
    const lines: Array<{ level: string; msg: string }> = [];
    const log = createLogger('debug', {}, (line) => lines.push(JSON.parse(line)));
    const server: RunningServer = await createServer(
      {
        port: 0,
        host: '127.0.0.1',
        logLevel: 'debug',
        addinDir: '/nonexistent-addin',
        databaseUrl: runtimeUrl,
        migrationDatabaseUrl: ownerUrl,
        databaseSchema: schema,
      },
      { logger: log, now: () => BEFORE_DEADLINE },
    );
    try {
      expect(lines.filter((l) => l.level === 'warn' && /bypass the audit log/.test(l.msg))).toEqual([]);
      const db = server.db;
      await db.transaction((tx) => upsertCampaign(tx, campaign2026), { actor: 'test' });
      const ent = await org(db, { kind: 'enterprise', name: '上海某电源有限公司', uscc: '91310115MA1K3YJ12X', province: '上海', district: '浦东新区' });
      const enterprise = await user(db, '企业甲', 'enterprise', 'org', ent.id);
      const district = await user(db, '浦东新区局', 'officer', 'district:上海/浦东新区');
      const province = await user(db, '上海市局', 'officer', 'province:上海');
      const reviewer = await user(db, '专家甲', 'reviewer', 'assigned');
      const secretariat = await user(db, '秘书处', 'secretariat', 'all');

      const up = await call(
        server.url,
        'POST',
        '/api/v1/submissions?campaign=2026',
        enterprise,
        reliabilitySubmission({ name: '上海某电源有限公司', uscc: '91310115MA1K3YJ12X', province: '上海', district: '浦东新区' }),
      );
      expect(up.status).toBe(201);
      const id = up.json.id as string;
      const move = (who: { token: string }, to: string) => call(server.url, 'POST', `/api/v1/submissions/${id}/transitions`, who, { to });
      expect((await move(enterprise, '已提交')).status).toBe(200);
      expect((await move(district, '区县初审')).status).toBe(200);
      expect((await move(district, '省级审核')).status).toBe(200);
      expect((await call(server.url, 'POST', `/api/v1/submissions/${id}/assignments`, province, { reviewerId: reviewer.id })).status).toBe(201);
      expect((await move(province, '专家评审')).status).toBe(200);
      const scores = Object.fromEntries(
        (up.json.assessment.indicators as Array<{ code: string; suggestedBand: { min: number; max: number } | null }>).map((i) => [
          i.code,
          { raw: i.suggestedBand?.min ?? 60, reason: '按证据评分' },
        ]),
      );
      const reviewed = await call(server.url, 'PUT', `/api/v1/submissions/${id}/reviews`, reviewer, { scores });
      expect(reviewed.status, JSON.stringify(reviewed.json)).toBe(200);
      expect((await call(server.url, 'GET', `/api/v1/submissions/${id}/panel`, province)).status).toBe(200);
      expect((await move(province, '拟评定')).status).toBe(200);
      expect((await call(server.url, 'GET', '/api/v1/exports/summary.xlsx?campaign=2026', secretariat)).status).toBe(200);
      const assistance = await call(server.url, 'POST', '/api/v1/assistance-cases', district, {
        trigger: 'application',
        enterprise: { province: '上海', district: '浦东新区' },
        application: {
          orgName: '浦东某精密零件有限公司',
          address: '上海市浦东新区某路8号',
          contact: '李工/质量部长',
          phone: '021-64220000*2318',
          industry: '汽车零部件',
          size: 'small',
          productCategory: 'industrial',
          problemTypes: ['spot-check-failure'],
          problemDetails: '监督抽查硬度不合格',
          needs: ['diagnosis'],
          willing: true,
          commitment: true,
        },
      });
      expect(assistance.status).toBe(201);
      expect((await call(server.url, 'PATCH', `/api/v1/assistance-cases/${assistance.json.id}`, district, { close: { reason: '整改完成' } })).status).toBe(200);

      const audited = (
        await owner.query<{ table_name: string }>(`SELECT DISTINCT table_name FROM audit_log WHERE actor LIKE 'user:%' ORDER BY table_name`)
      ).rows.map((r) => r.table_name);
      expect(audited).toEqual(['assistance_cases', 'organisations', 'reviewer_assignments', 'reviews', 'status_history', 'submissions']);
    } finally {
      await server.close();
    }
    // As the owner (or a superuser) the service says the audit log could be bypassed.
    const ownerLines: Array<{ level: string; msg: string }> = [];
    const ownerServer = await createServer(
      { port: 0, host: '127.0.0.1', logLevel: 'warn', addinDir: '/nonexistent-addin', databaseUrl: ownerUrl, databaseSchema: schema },
      { logger: createLogger('warn', {}, (line) => ownerLines.push(JSON.parse(line))) },
    );
    await ownerServer.close();
    expect(ownerLines.some((l) => l.level === 'warn' && /bypass the audit log/.test(l.msg))).toBe(true);
  }, 180_000);
});
