import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '@kekao/cli';
import type { CliIO } from '@kekao/cli';
import { assess, campaign2025, validateSubmission } from '@kekao/core';
import type { Database } from '../src/db/database.js';
import { openPglite } from '../src/db/pglite.js';
import { openPostgres } from '../src/db/postgres.js';
import type { RunningServer } from '../src/server.js';
import { applyTransition, insertSubmission } from '../src/store/submissions.js';
import { createServicePorts } from '../src/conversation/serviceBindings.js';
import type { Status } from '../src/workflow/statuses.js';
import { dropSchema } from './helpers/backends.js';
import { uscc } from './helpers/chatWorld.js';
import { call, reliabilitySubmission, startServer, user } from './helpers/fixtures.js';

/**
 * Recusal by organisation identity (DB31/T 1368—2022 §5.2), and withdrawn entries leaving the
 * reviewers. Reviewers are added as an administrator adds them, with `kekao users add` against the
 * service database; the enterprise registered as 上海甲公司 with its 统一社会信用代码. A reviewer whose
 * affiliation is typed “上海甲公司” without a USCC — a separate organisation row — must not be
 * assigned to, read or score 上海甲公司's entry; nor one typed “上海甲有限责任公司”; nor one given the
 * enterprise's USCC. A reviewer of 上海乙公司 is assigned normally.
 */

const url = process.env.DATABASE_URL?.trim() || undefined;
const targets = [{ name: 'pglite' as const }, ...(url ? [{ name: 'postgres' as const }] : [])];

const ENTERPRISE_USCC = uscc('91310115MA1K3YJ10');
const ENT = { name: '上海甲公司', uscc: ENTERPRISE_USCC, province: '上海', district: '浦东新区' };

describe.each(targets)('recusal by organisation identity on $name', ({ name }) => {
  let dir: string;
  let schema: string | undefined;
  let db: Database;
  let server: RunningServer;
  const saved = { KEKAO_DATA_DIR: process.env.KEKAO_DATA_DIR, DATABASE_URL: process.env.DATABASE_URL, KEKAO_DB_SCHEMA: process.env.KEKAO_DB_SCHEMA };
  const reviewers: Record<string, { id: string; token: string; err: string }> = {};
  let officer: { id: string; token: string };
  let enterprise: { id: string; token: string };
  let entry: string;
  let typo: { code: number; out: string; err: string };
  let none: { code: number; out: string; err: string };

  async function cli(...args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIO = { out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir, interactive: false };
    const code = await main(args, io);
    return { code, out: out.join(''), err: err.join('') };
  }

  async function addReviewer(label: string, ...orgArgs: string[]) {
    const r = await cli('users', 'add', '--role', 'reviewer', '--scope', 'assigned', '--name', label, ...orgArgs);
    expect(r.code, r.err).toBe(0);
    reviewers[label] = { id: /user id: (\S+)/.exec(r.out)![1]!, token: /^(kk_[A-Za-z0-9_-]{43})$/m.exec(r.out)![1]!, err: r.err };
  }

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kekao-recusal-'));
    if (name === 'postgres') {
      schema = `kekao_test_${randomBytes(6).toString('hex')}`;
      process.env.DATABASE_URL = url;
      process.env.KEKAO_DB_SCHEMA = schema;
    } else {
      process.env.KEKAO_DATA_DIR = path.join(dir, 'data');
      delete process.env.DATABASE_URL;
      delete process.env.KEKAO_DB_SCHEMA;
    }
    const ent = await cli(
      'users',
      'add',
      '--role',
      'enterprise',
      '--scope',
      'org',
      '--name',
      '上海甲公司 质量部',
      '--org',
      ENT.name,
      '--uscc',
      ENT.uscc,
      '--province',
      ENT.province,
      '--district',
      ENT.district,
    );
    expect(ent.code, ent.err).toBe(0);
    enterprise = { id: /user id: (\S+)/.exec(ent.out)![1]!, token: /^(kk_[A-Za-z0-9_-]{43})$/m.exec(ent.out)![1]! };
    const enterpriseOrgId = /organisation id: (\S+)/.exec(ent.out)![1]!;
    await addReviewer('专家王', '--org', '上海甲公司');
    await addReviewer('专家赵', '--org', '上海甲 有限责任公司');
    await addReviewer('专家周', '--org', '上海甲', '--uscc', ENTERPRISE_USCC);
    await addReviewer('专家李', '--org', '上海乙公司');
    // (Run before the test opens the database: PGlite admits one process — and one opener — at a time.)
    typo = await cli(
      'users',
      'add',
      '--role',
      'reviewer',
      '--scope',
      'assigned',
      '--name',
      '专家错',
      '--org',
      '上海丙公司',
      '--uscc',
      ENTERPRISE_USCC.slice(0, 17) + (ENTERPRISE_USCC[17] === '1' ? '2' : '1'),
    );
    none = await cli('users', 'add', '--role', 'reviewer', '--scope', 'assigned', '--name', '专家无');
    db = name === 'postgres' ? await openPostgres(url!, schema) : await openPglite(path.join(dir, 'data', 'pglite'));
    server = await startServer(db);
    officer = await user(db, '上海市局 邱处长', 'officer', 'province:上海');
    const district = await user(db, '浦东新区局', 'officer', 'district:上海/浦东新区');
    const v = validateSubmission(reliabilitySubmission(ENT, '伺服电机 SM-1'));
    if (!v.ok) throw new Error(JSON.stringify(v.errors));
    entry = await db.transaction(
      (tx) =>
        insertSubmission(tx, {
          campaignId: campaign2025.id,
          enterpriseOrgId,
          place: { province: '上海市', city: null, district: '浦东新区' },
          submission: v.submission,
          assessment: assess(v.submission),
          source: 'json',
          fileName: null,
          readWarnings: [],
          createdBy: enterprise.id,
        }),
      { actor: 'test' },
    );
    let from: Status = '草稿';
    for (const to of ['已提交', '区县初审', '省级审核'] as Status[]) {
      await db.transaction((tx) => applyTransition(tx, entry, from, to, to === '已提交' ? enterprise.id : district.id, null, null), { actor: 'test' });
      from = to;
    }
  }, 180_000);

  afterAll(async () => {
    await server?.close();
    await db?.close();
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    if (schema) await dropSchema(schema);
    await rm(dir, { recursive: true, force: true });
  });

  it("kekao users add --role reviewer asks for the affiliation's USCC and checks it", async () => {
    expect(reviewers['专家王']!.err).toContain('警告：未提供所属单位“上海甲公司”的统一社会信用代码（--uscc）');
    expect(reviewers['专家王']!.err).toContain('warning: no USCC (--uscc)');
    expect(reviewers['专家周']!.err).toBe('');
    expect(typo.code).toBe(2);
    expect(typo.err).toContain('uscc.checkCharacter');
    expect(none.code).toBe(0);
    expect(none.err).toContain('--org');
  });

  it('refuses to assign a reviewer of the same organisation, by USCC or by name, however the name is written', async () => {
    const assign = (who: string) => call(server.url, 'POST', `/api/v1/submissions/${entry}/assignments`, officer, { reviewerId: reviewers[who]!.id });
    for (const who of ['专家王', '专家赵', '专家周']) {
      const r = await assign(who);
      expect(r.status, who).toBe(409);
      expect(r.json.error.key).toBe('assignment.recused');
    }
    expect((await assign('专家李')).status).toBe(201);
    const panel = await call(server.url, 'GET', `/api/v1/submissions/${entry}/assignments`, officer);
    expect(panel.json.items.map((i: { name: string }) => i.name)).toEqual(['专家李']);
  });

  it('an assignment made before the rule gives the recused reviewer nothing to read or score', async () => {
    // As if assigned by the old row-based check: the assignment row exists.
    await db.transaction(
      (tx) =>
        tx.query('INSERT INTO reviewer_assignments (submission_id, reviewer_id, assigned_by) VALUES ($1, $2, $3)', [
          entry,
          reviewers['专家王']!.id,
          officer.id,
        ]),
      { actor: 'test' },
    );
    const moved = await call(server.url, 'POST', `/api/v1/submissions/${entry}/transitions`, officer, { to: '专家评审' });
    expect(moved.status).toBe(200);
    const wang = reviewers['专家王']!;
    expect((await call(server.url, 'GET', '/api/v1/submissions', wang)).json.items).toEqual([]);
    expect((await call(server.url, 'GET', `/api/v1/submissions/${entry}`, wang)).status).toBe(404);
    expect((await call(server.url, 'GET', `/api/v1/submissions/${entry}/panel`, wang)).status).toBe(404);
    expect((await call(server.url, 'PUT', `/api/v1/submissions/${entry}/reviews`, wang, { scores: { Ic: { raw: 95, reason: '数据完整' } } })).status).toBe(404);
    expect((await db.query('SELECT 1 FROM reviews WHERE reviewer_id = $1', [wang.id])).rows).toEqual([]);
    // The unrelated reviewer reads it.
    const li = reviewers['专家李']!;
    expect((await call(server.url, 'GET', '/api/v1/submissions', li)).json.items.map((i: { id: string }) => i.id)).toEqual([entry]);
  });

  it('an entry the enterprise withdraws (撤回) leaves its reviewers, in the API and in chat', async () => {
    const li = reviewers['专家李']!;
    const ports = createServicePorts({
      db,
      channel: 'msteams',
      now: () => new Date('2026-05-01T04:00:00Z'),
      notify: { notifyUsers: async () => ({ delivered: [], failed: [] }) },
    });
    const identity = { userId: li.id, role: 'reviewer' as const, name: '专家李', scopeLabel: '分配给您的评审条目' };
    expect((await ports.reviews.assignedEntries(identity)).map((e) => e.submissionId)).toEqual([entry]);
    const withdrawn = await call(server.url, 'POST', `/api/v1/submissions/${entry}/transitions`, enterprise, { to: '撤回', note: '企业撤回申报' });
    expect(withdrawn.status).toBe(200);
    expect((await call(server.url, 'GET', '/api/v1/submissions', li)).json.items).toEqual([]);
    expect((await call(server.url, 'GET', `/api/v1/submissions/${entry}`, li)).status).toBe(404);
    expect(await ports.reviews.assignedEntries(identity)).toEqual([]);
    const score = await ports.reviews.recordScore(identity, { submissionId: entry, indicator: 'Ic', raw: 80 });
    expect(score.ok).toBe(false);
    // The officer still sees it, withdrawn.
    expect((await call(server.url, 'GET', `/api/v1/submissions/${entry}`, officer)).json.status).toBe('撤回');
  });
});
