import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { main } from '@kekao/cli';
import type { CliIO } from '@kekao/cli';
import { openPglite } from '../src/db/pglite.js';
import { openPostgres } from '../src/db/postgres.js';
import type { Database } from '../src/db/database.js';
import { principalForIdentity } from '../src/store/users.js';
import { dropSchema } from './helpers/backends.js';
import { hashToken } from '../src/auth/tokens.js';
import { campaign2025 } from '@kekao/core';

/** The administration commands against a PGlite data folder (KEKAO_DATA_DIR), as an admin runs them. */
function io(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIO = { out: (t) => out.push(t), err: (t) => err.push(t), cwd, interactive: false };
  return { cli, out, err };
}

describe('kekao users / campaigns / db', () => {
  let dir: string;
  const saved = { KEKAO_DATA_DIR: process.env.KEKAO_DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kekao-cli-'));
    process.env.KEKAO_DATA_DIR = path.join(dir, 'data');
    delete process.env.DATABASE_URL;
  });

  afterAll(async () => {
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    await rm(dir, { recursive: true, force: true });
  });

  it('--help after a command explains it (every subcommand with its options) and touches no database', async () => {
    const m = io(dir);
    expect(await main(['users', 'add', '--help'], m.cli)).toBe(0);
    const text = m.out.join('');
    expect(text).toContain('kekao users add --role R --scope S --name N');
    expect(text).toContain('kekao users link --user USER_ID --teams AAD_OBJECT_ID');
    expect(m.err).toEqual([]);
    const t = io(dir);
    expect(await main(['template', '-h'], t.cli)).toBe(0);
    expect(t.out.join('')).toContain('kekao template --kind best-practice|fmea|breakthrough');
    await expect(stat(path.join(dir, 'data'))).rejects.toThrow();
  });

  it('migrates, adds users (token printed once, only its hash stored) and imports a campaign', async () => {
    const m = io(dir);
    expect(await main(['db', 'migrate'], m.cli)).toBe(0);
    expect(m.out.join('')).toContain('PGlite');
    expect(m.out.join('')).toMatch(/001/);

    const add = io(dir);
    expect(
      await main(
        [
          'users',
          'add',
          '--role',
          'enterprise',
          '--scope',
          'org',
          '--name',
          '张工',
          '--org',
          '上海某电源有限公司',
          '--uscc',
          '91310115MA1K3YJ12X',
          '--province',
          '上海',
          '--district',
          '浦东新区',
        ],
        add.cli,
      ),
    ).toBe(0);
    const token = /^(kk_[A-Za-z0-9_-]{43})$/m.exec(add.out.join(''))?.[1];
    expect(token).toBeDefined();

    const bad = io(dir);
    expect(await main(['users', 'add', '--role', 'officer', '--scope', 'org', '--name', 'x'], bad.cli)).toBe(2);
    expect(bad.err.join('')).toContain('user.scopeNotAllowed');
    const badScope = io(dir);
    expect(await main(['users', 'add', '--role', 'officer', '--scope', 'county:上海', '--name', 'x'], badScope.cli)).toBe(2);
    expect(badScope.err.join('')).toContain('--scope');

    const next = { ...campaign2025, id: '2026', year: 2026, announcedOn: '2026-05-01', deadline: '2026-09-30' };
    await writeFile(path.join(dir, 'c2026.json'), JSON.stringify(next));
    const imp = io(dir);
    expect(await main(['campaigns', 'import', 'c2026.json'], imp.cli)).toBe(0);
    expect(imp.out.join('')).toContain('2026-09-30');
    await writeFile(path.join(dir, 'bad.json'), JSON.stringify({ ...next, deadline: '2026-02-30' }));
    const badImp = io(dir);
    expect(await main(['campaigns', 'import', 'bad.json'], badImp.cli)).toBe(1);
    expect(badImp.err.join('')).toContain('deadline');

    const db = await openPglite(path.join(dir, 'data', 'pglite'));
    try {
      const users = await db.query<{ token_hash: string; role: string }>('SELECT token_hash, role FROM users');
      expect(users.rows).toEqual([{ token_hash: hashToken(token!), role: 'enterprise' }]);
      const dump = JSON.stringify((await db.query('SELECT * FROM users')).rows) + JSON.stringify((await db.query('SELECT * FROM audit_log')).rows);
      expect(dump).not.toContain(token!);
      const campaigns = await db.query<{ id: string; deadline: string }>('SELECT id, deadline FROM campaigns ORDER BY id');
      expect(campaigns.rows).toEqual([
        { id: '2025', deadline: '2025-09-30' },
        { id: '2026', deadline: '2026-09-30' },
      ]);
    } finally {
      await db.close();
    }
  }, 300_000);
});

/**
 * `users link` / `users list` through the real CLI, on a PGlite data folder and — when
 * DATABASE_URL is set — on a fresh PostgreSQL schema too (KEKAO_DB_SCHEMA). Every test adds its
 * own users and Teams ids (random GUIDs), so the tests share one database but not their rows.
 */
const postgresUrl = process.env.DATABASE_URL?.trim() || undefined;

interface CliBackend {
  name: string;
  /** Environment the CLI reads (loadConfig), and a direct connection for checking the result. */
  setUp(dir: string): Promise<{ env: Record<string, string | undefined>; open(): Promise<Database>; dispose(): Promise<void> }>;
}

const cliBackends: CliBackend[] = [
  {
    name: 'pglite',
    async setUp(dir) {
      return {
        env: { KEKAO_DATA_DIR: path.join(dir, 'data'), DATABASE_URL: undefined, KEKAO_DB_SCHEMA: undefined },
        open: () => openPglite(path.join(dir, 'data', 'pglite')),
        dispose: async () => undefined,
      };
    },
  },
  ...(postgresUrl
    ? [
        {
          name: 'postgres',
          async setUp(dir: string) {
            const schema = `kekao_cli_${randomBytes(6).toString('hex')}`;
            return {
              env: { KEKAO_DATA_DIR: path.join(dir, 'data'), DATABASE_URL: postgresUrl, KEKAO_DB_SCHEMA: schema },
              open: () => openPostgres(postgresUrl, schema, 2),
              dispose: () => dropSchema(schema),
            };
          },
        },
      ]
    : []),
];

describe.each(cliBackends)('kekao users link / list ($name)', (backend) => {
  let dir: string;
  let open: () => Promise<Database>;
  let dispose: () => Promise<void>;
  const saved = { KEKAO_DATA_DIR: process.env.KEKAO_DATA_DIR, DATABASE_URL: process.env.DATABASE_URL, KEKAO_DB_SCHEMA: process.env.KEKAO_DB_SCHEMA };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kekao-cli-link-'));
    const b = await backend.setUp(dir);
    for (const [k, v] of Object.entries(b.env))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    open = b.open;
    dispose = b.dispose;
  });

  afterAll(async () => {
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    await dispose();
    await rm(dir, { recursive: true, force: true });
  });

  async function run(...argv: string[]) {
    const m = io(dir);
    const code = await main(argv, m.cli);
    return { code, out: m.out.join(''), err: m.err.join('') };
  }

  /** Adds a user through the CLI; returns its id, token and organisation id as printed. */
  async function addUser(...options: string[]) {
    const r = await run('users', 'add', ...options);
    expect(r.code, r.err).toBe(0);
    return {
      id: /user id: (\S+)/.exec(r.out)![1]!,
      token: /^(kk_\S+)$/m.exec(r.out)![1]!,
      organisationId: /organisation id: (\S+)/.exec(r.out)?.[1],
    };
  }

  async function withDb<T>(fn: (db: Database) => Promise<T>): Promise<T> {
    const db = await open();
    try {
      return await fn(db);
    } finally {
      await db.close();
    }
  }

  it("links a Teams account, after which the bot resolves the user's role and scope", async () => {
    const officer = await addUser('--role', 'officer', '--scope', 'city:河北/石家庄', '--name', '石家庄官员', '--org', '石家庄市市场监督管理局');
    const aad = randomUUID();
    const r = await run('users', 'link', '--user', officer.id, '--teams', aad);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('已绑定 / linked');
    expect(r.out).toContain(aad);
    const principal = await withDb((db) => principalForIdentity(db, 'msteams', aad));
    expect(principal).toEqual({
      userId: officer.id,
      name: '石家庄官员',
      role: 'officer',
      scope: { level: 'city', province: '河北省', city: '石家庄', district: null, organisationId: officer.organisationId },
      organisationId: officer.organisationId,
      organisationUscc: null,
      organisationName: '石家庄市市场监督管理局',
    });
    // Another channel's identity with the same id is not this one.
    expect(await withDb((db) => principalForIdentity(db, 'webchat', aad))).toBeUndefined();
  }, 120_000);

  it('re-linking the same account to the same user changes nothing', async () => {
    const reviewer = await addUser('--role', 'reviewer', '--scope', 'assigned', '--name', '评审专家甲');
    const aad = randomUUID();
    expect((await run('users', 'link', '--user', reviewer.id, '--teams', aad)).code).toBe(0);
    // Upper case and surrounding blanks, as pasted from the Entra admin centre, name the same account.
    const again = await run('users', 'link', '--user', reviewer.id.toUpperCase(), '--teams', ` ${aad.toUpperCase()} `, '--channel', 'msteams');
    expect(again.code, again.err).toBe(0);
    expect(again.out).toContain('already linked, nothing changed');
    await withDb(async (db) => {
      const rows = await db.query<{ user_id: string }>('SELECT user_id FROM user_identities WHERE external_id = $1', [aad]);
      expect(rows.rows).toEqual([{ user_id: reviewer.id }]);
      const audit = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_log WHERE table_name = 'user_identities' AND new_row->>'external_id' = $1`,
        [aad],
      );
      expect(audit.rows[0]!.n).toBe(1);
      expect((await principalForIdentity(db, 'msteams', aad))?.role).toBe('reviewer');
    });
  }, 120_000);

  it('refuses an account already linked to another user, naming that user', async () => {
    const first = await addUser('--role', 'secretariat', '--scope', 'all', '--name', '秘书处王某');
    const second = await addUser('--role', 'secretariat', '--scope', 'province:上海', '--name', '秘书处李某');
    const aad = randomUUID();
    expect((await run('users', 'link', '--user', first.id, '--teams', aad)).code).toBe(0);
    const r = await run('users', 'link', '--user', second.id, '--teams', aad);
    expect(r.code).toBe(1);
    expect(r.err).toContain('users.identityLinkedToOther');
    expect(r.err).toContain('秘书处王某');
    expect(r.err).toContain(first.id);
    const principal = await withDb((db) => principalForIdentity(db, 'msteams', aad));
    expect(principal?.userId).toBe(first.id);
    expect(principal?.scope.level).toBe('all');
  }, 120_000);

  it('refuses an unknown or malformed --user', async () => {
    const ghost = randomUUID();
    const aad = randomUUID();
    const unknown = await run('users', 'link', '--user', ghost, '--teams', aad);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('users.unknownUser');
    expect(unknown.err).toContain('--user');
    expect(unknown.err).toContain('没有这个用户');
    expect(unknown.err).toContain(ghost);
    const malformed = await run('users', 'link', '--user', '42', '--teams', aad);
    expect(malformed.code).toBe(2);
    expect(malformed.err).toContain('users.userId');
    expect(malformed.err).toContain('--user "42"');
    const missing = await run('users', 'link', '--teams', aad);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('缺少 --user');
    const rows = await withDb((db) => db.query('SELECT 1 FROM user_identities WHERE external_id = $1', [aad]));
    expect(rows.rows).toEqual([]);
  }, 120_000);

  it('refuses a --teams value that is not a GUID, but accepts the Agents Playground user', async () => {
    const officer = await addUser('--role', 'officer', '--scope', 'district:上海/浦东新区', '--name', '浦东官员');
    for (const bad of [
      'alex@example.com',
      '00000000-0000-0000-0000-00000000a0',
      'g0000000-0000-0000-0000-000000000000',
      '{00000000-0000-0000-0000-000000000001}',
    ]) {
      const r = await run('users', 'link', '--user', officer.id, '--teams', bad);
      expect(r.code, bad).toBe(2);
      expect(r.err).toContain('users.teamsId');
      expect(r.err).toContain(`--teams "${bad}"`);
    }
    const badChannel = await run('users', 'link', '--user', officer.id, '--teams', randomUUID(), '--channel', 'MS Teams');
    expect(badChannel.code).toBe(2);
    expect(badChannel.err).toContain('users.channel');
    expect(await withDb(async (db) => (await db.query('SELECT 1 FROM user_identities WHERE user_id = $1', [officer.id])).rows)).toEqual([]);

    // The Playground's built-in user (README.md (在 Teams 中使用)) is not a GUID but must be linkable.
    const playground = '00000000-0000-0000-0000-0000000000020';
    const other = await withDb(
      async (db) =>
        (await db.query<{ user_id: string }>(`SELECT user_id FROM user_identities WHERE channel = 'msteams' AND external_id = $1`, [playground])).rows,
    );
    expect(other).toEqual([]);
    const r = await run('users', 'link', '--user', officer.id, '--teams', playground);
    expect(r.code, r.err).toBe(0);
    expect((await withDb((db) => principalForIdentity(db, 'msteams', playground)))?.scope).toMatchObject({
      level: 'district',
      province: '上海市',
      district: '浦东新区',
    });
  }, 120_000);

  it('lists users with scope, organisation and linked accounts, never token hashes', async () => {
    const enterprise = await addUser(
      '--role',
      'enterprise',
      '--scope',
      'org',
      '--name',
      '冀北电源张工',
      '--org',
      '冀北电源有限公司',
      '--uscc',
      '91130100MA0CKJ0000',
      '--province',
      '河北',
      '--city',
      '石家庄',
    );
    const lone = await addUser('--role', 'reviewer', '--scope', 'assigned', '--name', '未绑定专家');
    const [aadA, aadB] = [randomUUID(), randomUUID()].sort();
    expect((await run('users', 'link', '--user', enterprise.id, '--teams', aadB)).code).toBe(0);
    expect((await run('users', 'link', '--user', enterprise.id, '--teams', aadA)).code).toBe(0);

    const json = await run('users', 'list', '--json');
    expect(json.code, json.err).toBe(0);
    const listed = JSON.parse(json.out) as Array<Record<string, unknown>>;
    expect(listed.find((u) => u.id === enterprise.id)).toEqual({
      id: enterprise.id,
      name: '冀北电源张工',
      role: 'enterprise',
      scope: 'org',
      organisation: { id: enterprise.organisationId, name: '冀北电源有限公司', uscc: '91130100MA0CKJ0000' },
      identities: [
        { channel: 'msteams', externalId: aadA },
        { channel: 'msteams', externalId: aadB },
      ],
      disabled: false,
    });
    expect(listed.find((u) => u.id === lone.id)).toMatchObject({ name: '未绑定专家', role: 'reviewer', scope: 'assigned', organisation: null, identities: [] });

    const text = await run('users', 'list');
    expect(text.code).toBe(0);
    const block = text.out.split('\n\n').find((b) => b.includes(enterprise.id))!;
    expect(block).toContain('冀北电源张工  enterprise  org');
    expect(block).toContain('冀北电源有限公司 (91130100MA0CKJ0000)');
    expect(block).toContain(`msteams ${aadA}, msteams ${aadB}`);

    for (const output of [json.out, text.out]) {
      expect(output).not.toContain(hashToken(enterprise.token));
      expect(output).not.toContain(hashToken(lone.token));
      expect(output).not.toContain(enterprise.token);
      expect(output).not.toMatch(/token/i);
    }
  }, 120_000);

  it('names a mistyped option or subcommand', async () => {
    const typo = await run('users', 'link', '--user', randomUUID(), '--tems', randomUUID());
    expect(typo.code).toBe(2);
    expect(typo.err).toContain('cli.unknownOption');
    expect(typo.err).toContain('--tems');
    const listValue = await run('users', 'list', '--json=yes');
    expect(listValue.code).toBe(2);
    expect(listValue.err).toContain('--json 不带值');
    const noSub = await run('users', 'bind');
    expect(noSub.code).toBe(2);
    expect(noSub.err).toContain('kekao users link --user USER_ID --teams AAD_OBJECT_ID');
    expect(noSub.err).toContain('kekao users list [--json]');
  }, 60_000);
});
