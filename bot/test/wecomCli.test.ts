import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { main } from '@kekao/cli';
import type { CliIO } from '@kekao/cli';
import { openPglite } from '../src/db/pglite.js';
import { principalForIdentity } from '../src/store/users.js';

/**
 * `kekao users link --user ID --wecom USERID [--corp CORPID]` through the real CLI on a PGlite data
 * folder: the member is stored as CorpID/userid (lower case, WeCom UserIDs are case-insensitive) in
 * user_identities under channel `wecom`, which is how the WeCom channel resolves the sender; the
 * CorpID defaults to KEKAO_WECOM_CORP_ID; every mistake names the option.
 */

describe('kekao users link --wecom', () => {
  let dir: string;
  const saved = { KEKAO_DATA_DIR: process.env.KEKAO_DATA_DIR, DATABASE_URL: process.env.DATABASE_URL, KEKAO_WECOM_CORP_ID: process.env.KEKAO_WECOM_CORP_ID };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kekao-cli-wecom-'));
    process.env.KEKAO_DATA_DIR = path.join(dir, 'data');
    delete process.env.DATABASE_URL;
    delete process.env.KEKAO_WECOM_CORP_ID;
  });
  afterAll(async () => {
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    await rm(dir, { recursive: true, force: true });
  });

  async function run(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const cli: CliIO = { out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir, interactive: false };
    const code = await main(argv, cli);
    return { code, out: out.join(''), err: err.join('') };
  }

  async function addUser(name: string) {
    const r = await run('users', 'add', '--role', 'officer', '--scope', 'city:河北/石家庄', '--name', name);
    expect(r.code, r.err).toBe(0);
    return /user id: (\S+)/.exec(r.out)![1]!;
  }

  it('links a WeCom member; the bot then finds the user by CorpID/userid', async () => {
    const id = await addUser('王科长');
    const r = await run('users', 'link', '--user', id, '--wecom', 'WangKeZhang', '--corp', 'ww1436e0e65a779aee');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('已绑定 / linked: wecom ww1436e0e65a779aee/wangkezhang → 王科长');
    const again = await run('users', 'link', '--user', id, '--wecom', 'wangkezhang', '--corp', 'ww1436e0e65a779aee');
    expect(again.out).toContain('already linked, nothing changed');
    const db = await openPglite(path.join(dir, 'data', 'pglite'));
    try {
      const p = await principalForIdentity(db, 'wecom', 'ww1436e0e65a779aee/wangkezhang');
      expect(p).toMatchObject({ userId: id, role: 'officer', name: '王科长' });
    } finally {
      await db.close();
    }
  });

  it('takes the CorpID from KEKAO_WECOM_CORP_ID; refuses a member already linked to someone else', async () => {
    const first = await addUser('李科长');
    const second = await addUser('赵处长');
    process.env.KEKAO_WECOM_CORP_ID = 'wwfromenv';
    try {
      expect((await run('users', 'link', '--user', first, '--wecom', 'li')).out).toContain('wecom wwfromenv/li → 李科长');
      const taken = await run('users', 'link', '--user', second, '--wecom', 'LI');
      expect(taken.code).toBe(1);
      expect(taken.err).toContain('--wecom LI 已绑定到另一用户 李科长');
      expect(taken.err).toContain('users.identityLinkedToOther');
    } finally {
      delete process.env.KEKAO_WECOM_CORP_ID;
    }
  });

  it('names what is wrong: no CorpID, a malformed UserID, both --teams and --wecom', async () => {
    const id = await addUser('周老师');
    const noCorp = await run('users', 'link', '--user', id, '--wecom', 'zhou');
    expect(noCorp.code).toBe(2);
    expect(noCorp.err).toContain('缺少 --corp');
    expect(noCorp.err).toContain('KEKAO_WECOM_CORP_ID');
    const bad = await run('users', 'link', '--user', id, '--wecom', '周老师', '--corp', 'wwx');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('不是企业微信 UserID');
    const both = await run('users', 'link', '--user', id, '--wecom', 'zhou', '--teams', '00000000-0000-0000-0000-000000000001', '--corp', 'wwx');
    expect(both.code).toBe(2);
    expect(both.err).toContain('--teams 与 --wecom 只能选一个');
    const help = await run('users', 'link', '--help');
    expect(help.out).toContain('kekao users link --user USER_ID --wecom USERID [--corp CORPID]');
  });
});
