import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { main } from '@kekao/cli';
import type { CliIO } from '@kekao/cli';
import { openPglite } from '@kekao/service/db';

/**
 * `kekao db backup` / `kekao db restore` on real PGlite data folders, through the CLI as an
 * administrator runs it: a backup restored into a new folder holds the same rows in every table
 * (users, audit log, schema_migrations, …), read back directly from both folders.
 */
let dir: string;
const saved = { KEKAO_DATA_DIR: process.env.KEKAO_DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };

async function kekao(dataDir: string, ...argv: string[]) {
  process.env.KEKAO_DATA_DIR = dataDir;
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir, interactive: false };
  const code = await main(argv, io);
  return { code, out: out.join(''), err: err.join('') };
}

/** Every row of every table of the database in `dataDir`, tables by name, rows in a stable order. */
async function everything(dataDir: string): Promise<Record<string, string[]>> {
  const db = await openPglite(path.join(dataDir, 'pglite'));
  try {
    const tables = await db.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    const out: Record<string, string[]> = {};
    for (const { name } of tables.rows) {
      out[name] = (await db.query(`SELECT * FROM "${name}"`)).rows.map((r) => JSON.stringify(r)).sort();
    }
    return out;
  } finally {
    await db.close();
  }
}

/** Opens the database in a second process, as the running service would, until stop(). */
async function holdInAnotherProcess(dataDir: string): Promise<{ pid: number; stop(): Promise<void> }> {
  const script = `const { openPglite } = await import('@kekao/service/db');
    await openPglite(${JSON.stringify(dataDir)}); process.stdout.write('open\\n'); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('open')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`the holder exited (${code})`)));
  });
  return {
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners('exit');
        child.on('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}

const A = () => path.join(dir, 'a');
const B = () => path.join(dir, 'b');
const BACKUP = 'kekao-backup.tar.gz';

describe('kekao db backup / restore (embedded database)', () => {
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kekao-backup-'));
    delete process.env.DATABASE_URL;
    const add = (name: string, org: string) =>
      kekao(A(), 'users', 'add', '--role', 'enterprise', '--scope', 'org', '--name', name, '--org', org, '--province', '上海');
    expect((await add('张工', '上海某电源有限公司')).code).toBe(0);
    expect((await add('李工', '上海某电机有限公司')).code).toBe(0);
  }, 300_000);

  afterAll(async () => {
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    await rm(dir, { recursive: true, force: true });
  });

  it('restores into a new folder every row of every table, the audit log and schema_migrations included', async () => {
    const backup = await kekao(A(), 'db', 'backup', BACKUP);
    expect(backup.code, backup.err).toBe(0);
    expect(backup.out).toContain(path.join(dir, BACKUP));
    const restore = await kekao(B(), 'db', 'restore', BACKUP);
    expect(restore.code, restore.err).toBe(0);

    const before = await everything(A());
    const after = await everything(B());
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['audit_log', 'schema_migrations', 'users', 'organisations', 'campaigns']));
    // Two users added above; each add writes its organisation and user, so the audit log has rows.
    expect(before.users).toHaveLength(2);
    expect(before.audit_log!.length).toBeGreaterThanOrEqual(4);
    expect(before.schema_migrations!.map((r) => JSON.parse(r).version)).toContain(1);
    expect(after).toEqual(before);
  }, 300_000);

  it('refuses to restore over a folder that holds data unless --force, and --force replaces it', async () => {
    expect((await kekao(B(), 'users', 'add', '--role', 'reviewer', '--scope', 'assigned', '--name', '王专家')).code).toBe(0);
    const withThree = await everything(B());
    expect(withThree.users).toHaveLength(3);

    const refused = await kekao(B(), 'db', 'restore', BACKUP);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('restore.notEmpty');
    expect(refused.err).toContain('--force');
    expect(await everything(B())).toEqual(withThree);

    const forced = await kekao(B(), 'db', 'restore', BACKUP, '--force');
    expect(forced.code, forced.err).toBe(0);
    expect(await everything(B())).toEqual(await everything(A()));
    expect((await readdir(dir)).filter((f) => f.startsWith('.'))).toEqual([]);
  }, 300_000);

  it('refuses a file that is not a backup and leaves the data folder as it was, even with --force', async () => {
    const kept = await everything(B());
    await writeFile(path.join(dir, 'notes.txt'), '这不是备份 / not a backup');
    await writeFile(path.join(dir, 'other.tar.gz'), gzipSync(Buffer.from('not a tar archive of a data folder')));
    const text = await kekao(B(), 'db', 'restore', 'notes.txt', '--force');
    expect(text.code).toBe(1);
    expect(text.err).toContain('backup.notABackup');
    const gz = await kekao(B(), 'db', 'restore', 'other.tar.gz', '--force');
    expect(gz.code).toBe(1);
    expect(gz.err).toContain('other.tar.gz');
    expect(gz.err).toMatch(/backup\.not(ABackup|Kekao)/);
    const missing = await kekao(B(), 'db', 'restore', 'nowhere.tar.gz');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('backup.unreadable');
    expect(await everything(B())).toEqual(kept);
    expect((await readdir(dir)).filter((f) => f.startsWith('.'))).toEqual([]);
  }, 300_000);

  it('refuses to back up or restore while another process holds the data folder', async () => {
    const held = await holdInAnotherProcess(path.join(A(), 'pglite'));
    try {
      const backup = await kekao(A(), 'db', 'backup', 'while-running.tar.gz');
      expect(backup.code).toBe(1);
      expect(backup.err).toContain('db.dataDirLocked');
      expect(backup.err).toContain(String(held.pid));
      const restore = await kekao(A(), 'db', 'restore', BACKUP, '--force');
      expect(restore.code).toBe(1);
      expect(restore.err).toContain('db.dataDirLocked');
    } finally {
      await held.stop();
    }
    expect(await readdir(dir)).not.toContain('while-running.tar.gz');
  }, 300_000);

  it('sends a PostgreSQL server to pg_dump, and refuses a folder with no database', async () => {
    process.env.DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/test';
    try {
      const r = await kekao(A(), 'db', 'backup', 'pg.tar.gz');
      expect(r.code).toBe(1);
      expect(r.err).toContain('db.backupPostgres');
      expect(r.err).toContain('pg_dump');
    } finally {
      delete process.env.DATABASE_URL;
    }
    const empty = await kekao(path.join(dir, 'empty'), 'db', 'backup', 'empty.tar.gz');
    expect(empty.code).toBe(1);
    expect(empty.err).toContain('backup.noDatabase');
  });
});
