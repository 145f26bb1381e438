import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { backends, type TestDatabase } from './helpers/backends.js';
import { BEFORE_DEADLINE, call, org, reliabilitySubmission, startServer, user } from './helpers/fixtures.js';
import type { RunningServer } from '../src/server.js';
import { isLegalPath } from '../src/workflow/transitions.js';
import type { Status } from '../src/workflow/statuses.js';
import { writeTemplate } from '@kekao/workbook';
import { XLSX_TYPE } from '../src/api/workbookUpload.js';

/** Official weights of the reliability rubric (2025 notice, Annex 1 / 2024 通用要求): Ic 20 %, Id 25 %, Ir 25 %, W 15 %, C 5 %, G 10 %. */
const WEIGHTS: Record<string, number> = { Ic: 0.2, Id: 0.25, Ir: 0.25, W: 0.15, C: 0.05, G: 0.1 };
const ENT = { name: '上海某电源有限公司', uscc: '91310115MA1K3YJ12X', province: '上海', district: '浦东新区' };

describe.each(backends)('submission workflow on $name', (backend) => {
  let tdb: TestDatabase;
  let server: RunningServer;
  let clock = BEFORE_DEADLINE;
  const t: Record<string, { token: string; id: string }> = {};

  beforeAll(async () => {
    tdb = await backend.open();
    server = await startServer(tdb.db, () => clock);
    const db = tdb.db;
    const a = await org(db, { kind: 'enterprise', ...ENT });
    const inst = await org(db, { kind: 'institution', name: '某检测研究院' });
    t.enterprise = await user(db, '企业甲', 'enterprise', 'org', a.id);
    t.district = await user(db, '浦东新区局', 'officer', 'district:上海/浦东新区');
    t.province = await user(db, '上海市局', 'officer', 'province:上海');
    t.secretariat = await user(db, '秘书处', 'secretariat', 'all');
    t.r1 = await user(db, '专家一', 'reviewer', 'assigned', inst.id);
    t.r2 = await user(db, '专家二', 'reviewer', 'assigned', inst.id);
  });

  afterAll(async () => {
    await server?.close();
    await tdb?.dispose();
  });

  const move = (who: string, id: string, to: string, extra: Record<string, unknown> = {}) =>
    call(server.url, 'POST', `/api/v1/submissions/${id}/transitions`, t[who], { to, ...extra });

  it('walks one entry 草稿 → 认定 with the right roles, and the 推荐汇总表 contains it', async () => {
    clock = BEFORE_DEADLINE;
    const up = await call(server.url, 'POST', '/api/v1/submissions?campaign=2026', t.enterprise, reliabilitySubmission(ENT, '走完全程的电源'));
    expect(up.status).toBe(201);
    expect(up.json.status).toBe('草稿');
    expect(up.json.assessment.indicators.map((i: { code: string }) => i.code)).toEqual(['Ic', 'Id', 'Ir', 'W', 'C', 'G']);
    const id: string = up.json.id;

    expect((await move('enterprise', id, '认定')).json.error.key).toBe('workflow.illegalTransition');
    expect((await move('enterprise', id, '已提交')).status).toBe(200);
    expect((await move('district', id, '区县初审')).status).toBe(200);
    expect((await move('district', id, '省级审核')).status).toBe(200);
    expect((await move('province', id, '专家评审')).status).toBe(200);
    for (const r of ['r1', 'r2']) {
      const a = await call(server.url, 'POST', `/api/v1/submissions/${id}/assignments`, t.province, { reviewerId: t[r]!.id });
      expect(a.status).toBe(201);
    }
    // Not before every reviewer has scored every indicator.
    const early = await move('province', id, '拟评定');
    expect(early.status).toBe(409);
    expect(early.json.error.key).toBe('workflow.reviewsIncomplete');

    const raw: Record<string, Record<string, number>> = {
      r1: { Ic: 85, Id: 80, Ir: 90, W: 75, C: 70, G: 60 },
      r2: { Ic: 95, Id: 60, Ir: 85, W: 80, C: 90, G: 70 },
    };
    for (const r of ['r1', 'r2']) {
      const scores = Object.fromEntries(Object.entries(raw[r]!).map(([c, v]) => [c, { raw: v, reason: `${c} 依据申报证据打分` }]));
      const res = await call(server.url, 'PUT', `/api/v1/submissions/${id}/reviews`, t[r], { scores });
      expect(res.status, JSON.stringify(res.json)).toBe(200);
    }
    const panel = await call(server.url, 'GET', `/api/v1/submissions/${id}/panel`, t.province);
    expect(panel.status).toBe(200);
    const total = (s: Record<string, number>) => Object.entries(WEIGHTS).reduce((acc, [c, w]) => acc + s[c]! * w, 0);
    // r1: 17 + 20 + 22.5 + 11.25 + 3.5 + 6 = 80.25; r2: 19 + 15 + 21.25 + 12 + 4.5 + 7 = 78.75.
    expect(total(raw.r1!)).toBeCloseTo(80.25, 10);
    expect(total(raw.r2!)).toBeCloseTo(78.75, 10);
    expect(panel.json.aggregate.score).toBeCloseTo((80.25 + 78.75) / 2, 9);
    expect(panel.json.aggregate.method).toBe('mean');
    // Id spans 20 points (60–80): not more than the default range 20; C spans 20 too.
    expect(panel.json.aggregate.indicators.find((i: { code: string }) => i.code === 'Id').range).toBe(20);

    expect((await move('province', id, '拟评定')).status).toBe(200);
    expect((await move('province', id, '公示')).json.error.key).toBe('workflow.roleNotAllowed');
    expect((await move('secretariat', id, '公示')).status).toBe(200);
    expect((await move('secretariat', id, '认定', { note: '公示期满无异议' })).status).toBe(200);

    const hist = await call(server.url, 'GET', `/api/v1/submissions/${id}/history`, t.enterprise);
    const path = hist.json.history.map((h: { to: Status }) => h.to);
    expect(path).toEqual(['草稿', '已提交', '区县初审', '省级审核', '专家评审', '拟评定', '公示', '认定']);
    expect(isLegalPath(path)).toBe(true);
    expect(hist.json.history.map((h: { actor: { role: string } }) => h.actor.role)).toEqual([
      'enterprise',
      'enterprise',
      'officer',
      'officer',
      'officer',
      'officer',
      'secretariat',
      'secretariat',
    ]);
    expect((await move('secretariat', id, '退回')).json.error.key).toBe('workflow.illegalTransition');

    const exp = await call(server.url, 'GET', '/api/v1/exports/summary.xlsx?campaign=2026', t.secretariat);
    expect(exp.status).toBe(200);
    expect(exp.headers.get('content-type')).toBe(XLSX_TYPE);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exp.body as unknown as ArrayBuffer);
    const texts = (name: string) => {
      const out: string[] = [];
      wb.getWorksheet(name)?.eachRow((row) => row.eachCell((c) => out.push(String(c.text))));
      return out;
    };
    const annex = wb.worksheets.find((w) => w.name.includes('推荐汇总') || w.name.includes('附件5'));
    expect(annex, wb.worksheets.map((w) => w.name).join(',')).toBeDefined();
    const annexTexts = texts(annex!.name);
    expect(annexTexts).toContain(ENT.name);
    expect(annexTexts.some((x) => x.includes('走完全程的电源'))).toBe(true);
    expect(texts('流程状态')).toContain(id);
    expect(texts('流程状态')).toContain('认定');
    const reviewRows = texts('专家评分');
    expect(reviewRows.filter((x) => x === id)).toHaveLength(12);
  });

  it('refuses deadline-bound steps after the deadline unless an officer overrides with a reason', async () => {
    clock = new Date('2026-09-30T15:59:59Z'); // 23:59:59 Beijing time on the deadline day: still open
    const a = await call(server.url, 'POST', '/api/v1/submissions?campaign=2026', t.enterprise, reliabilitySubmission(ENT, '临近截止'));
    expect((await move('enterprise', a.json.id, '已提交')).status).toBe(200);

    clock = new Date('2026-09-30T16:00:00Z'); // 00:00 on 1 October, Beijing time
    const b = await call(server.url, 'POST', '/api/v1/submissions?campaign=2026', t.enterprise, reliabilitySubmission(ENT, '逾期'));
    const late = await move('enterprise', b.json.id, '已提交');
    expect(late.status).toBe(409);
    expect(late.json.error).toMatchObject({ key: 'workflow.deadlinePassed', path: 'override' });
    expect(late.json.error.zh).toContain('2026-09-30');
    const byEnterprise = await move('enterprise', b.json.id, '已提交', { override: { reason: '企业自称迟到' } });
    expect(byEnterprise.json.error.key).toBe('workflow.overrideNotAllowed');
    const blank = await move('district', b.json.id, '已提交', { override: { reason: '  ' } });
    expect(blank.status).toBe(422);
    expect(blank.json.error.path).toBe('override.reason');
    const ok = await move('district', b.json.id, '已提交', { override: { reason: '纸质材料已于9月29日送达区局' }, note: '补录' });
    expect(ok.status).toBe(200);
    expect(ok.json.overrideReason).toBe('纸质材料已于9月29日送达区局');
    const hist = await call(server.url, 'GET', `/api/v1/submissions/${b.json.id}/history`, t.district);
    expect(hist.json.history.at(-1)).toMatchObject({ from: '草稿', to: '已提交', overrideReason: '纸质材料已于9月29日送达区局', note: '补录' });
    // Later stages are not deadline-bound.
    expect((await move('district', b.json.id, '区县初审', { override: { reason: '同上' } })).status).toBe(200);
    expect((await move('district', b.json.id, '省级审核', { override: { reason: '同上' } })).status).toBe(200);
    expect((await move('province', b.json.id, '专家评审')).status).toBe(200);
    clock = BEFORE_DEADLINE;
  });

  it('validates review scores through core: range, rubric codes and a reason outside the suggested band', async () => {
    clock = BEFORE_DEADLINE;
    const up = await call(server.url, 'POST', '/api/v1/submissions?campaign=2026', t.enterprise, reliabilitySubmission(ENT, '评分校验'));
    const id = up.json.id;
    for (const [who, to] of [
      ['enterprise', '已提交'],
      ['district', '区县初审'],
      ['district', '省级审核'],
      ['province', '专家评审'],
    ])
      expect((await move(who!, id, to!)).status).toBe(200);
    await call(server.url, 'POST', `/api/v1/submissions/${id}/assignments`, t.province, { reviewerId: t.r1!.id });
    const put = (scores: unknown) => call(server.url, 'PUT', `/api/v1/submissions/${id}/reviews`, t.r1, { scores });

    const tooHigh = await put({ Ic: { raw: 120, reason: 'x' } });
    expect(tooHigh.status).toBe(422);
    expect(tooHigh.json.error.path).toBe('scores.Ic.raw');
    const unknown = await put({ Xx: { raw: 50 } });
    expect(unknown.status).toBe(422);
    expect(unknown.json.error).toMatchObject({ key: 'validation.failed', path: 'scores.Xx' });
    const ic = up.json.assessment.indicators.find((i: { code: string }) => i.code === 'Ic');
    expect(ic.suggestedBand).not.toBeNull();
    const outside = ic.suggestedBand.min >= 41 ? 10 : 95;
    const noReason = await put({ Ic: { raw: outside } });
    expect(noReason.status).toBe(422);
    expect(noReason.json.error.key).toBe('review.invalidScore');
    expect(noReason.json.error.path).toBe('scores.Ic');
    expect((await put({ Ic: { raw: outside, reason: '现场核查发现 t>0 数据不足' } })).status).toBe(200);
    expect((await put({ Ic: { raw: ic.suggestedBand.min } })).status).toBe(200);
    const mine = await call(server.url, 'GET', `/api/v1/submissions/${id}/panel`, t.r1);
    expect(mine.json.mine.Ic.raw).toBe(ic.suggestedBand.min);
    expect(mine.json.reviewers).toBeUndefined();
  });

  it('accepts an xlsx workbook and answers bad requests with JSON errors naming the field', async () => {
    const book = await writeTemplate('best-practice', { example: true });
    const up = await call(server.url, 'POST', '/api/v1/submissions?campaign=2026&fileName=example.xlsx', t.province, new Uint8Array(book), XLSX_TYPE);
    expect(up.status, JSON.stringify(up.json)).toBe(201);
    expect(up.json.assessment.rubric).toBe('reliability-2024');
    const detail = await call(server.url, 'GET', `/api/v1/submissions/${up.json.id}`, t.province);
    expect(detail.json).toMatchObject({ source: 'xlsx', fileName: 'example.xlsx', status: '草稿' });

    const notXlsx = await call(
      server.url,
      'POST',
      '/api/v1/submissions?campaign=2026',
      t.province,
      new Uint8Array(Buffer.from('not a zip file at all')),
      XLSX_TYPE,
    );
    expect(notXlsx.status).toBe(422);
    expect(notXlsx.json.error.zh).toMatch(/[\u4e00-\u9fff]/u);

    const bad = await call(server.url, 'POST', '/api/v1/submissions?campaign=2026', t.enterprise, {
      ...reliabilitySubmission(ENT),
      w: { before: { failures: -1, exposure: 10 }, after: { failures: 0, exposure: 10 } },
    });
    expect(bad.status).toBe(422);
    expect(bad.json.error.path).toBe('w.before.failures');
    const wrongType = await call(server.url, 'POST', '/api/v1/submissions', t.enterprise, new Uint8Array(Buffer.from('x')), 'text/plain');
    expect(wrongType.status).toBe(415);
    const badJson = await fetch(`${server.url}/api/v1/submissions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.enterprise!.token}`, 'content-type': 'application/json' },
      body: '{"rubric":',
    });
    expect(badJson.status).toBe(400);
    expect((await badJson.json()).error.key).toBe('request.invalidJson');
    const badStatus = await call(server.url, 'POST', `/api/v1/submissions/${up.json.id}/transitions`, t.province, { to: '完成' });
    expect(badStatus.status).toBe(422);
    expect(badStatus.json.error.path).toBe('to');
    const noCampaign = await call(server.url, 'POST', '/api/v1/submissions?campaign=1999', t.enterprise, reliabilitySubmission(ENT));
    expect(noCampaign.status).toBe(404);
    expect(noCampaign.json.error.key).toBe('campaign.notFound');
    const tooBig = await fetch(`${server.url}/api/v1/submissions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.enterprise!.token}`, 'content-type': XLSX_TYPE },
      body: new Uint8Array(21 * 1024 * 1024),
    });
    expect(tooBig.status).toBe(413);
    expect((await tooBig.json()).error.key).toBe('request.tooLarge');
  });

  it('keeps a known enterprise in its registered place: another province cannot claim it', async () => {
    const hebei = await user(tdb.db, '河北省局', 'officer', 'province:河北');
    const before = await tdb.db.query<{ n: number }>('SELECT count(*)::int AS n FROM submissions');
    const moved = await call(
      server.url,
      'POST',
      '/api/v1/submissions?campaign=2026',
      hebei,
      reliabilitySubmission({ ...ENT, province: '河北', city: '石家庄' }, '换了省份'),
    );
    expect(moved.status).toBe(403);
    expect(moved.json.error.key).toBe('submission.outOfScope');
    const after = await tdb.db.query<{ n: number }>('SELECT count(*)::int AS n FROM submissions');
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
    // A new Hebei enterprise is the Hebei officer's to enter.
    const own = await call(
      server.url,
      'POST',
      '/api/v1/submissions?campaign=2026',
      hebei,
      reliabilitySubmission({ name: '石家庄新企业', province: '河北', city: '石家庄', district: '长安区' }, '河北产品'),
    );
    expect(own.status).toBe(201);
    expect(own.json.province).toBe('河北省');
  });

  it('keeps the audit log append-only: UPDATE, DELETE and TRUNCATE fail in the database itself', async () => {
    const rows = await tdb.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE table_name = 'status_history' AND actor LIKE 'user:%'`);
    expect(rows.rows[0]!.n).toBeGreaterThan(5);
    await expect(tdb.db.query(`UPDATE audit_log SET actor = 'someone else'`)).rejects.toThrow(/append-only/);
    await expect(tdb.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(tdb.db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    await expect(tdb.db.transaction((tx) => tx.query('DELETE FROM audit_log WHERE id = (SELECT min(id) FROM audit_log)'))).rejects.toThrow(/append-only/);
    const after = await tdb.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE table_name = 'status_history' AND actor LIKE 'user:%'`);
    expect(after.rows[0]!.n).toBe(rows.rows[0]!.n);
    // Every change is there, with who made it: one audit row per status_history row.
    const h = await tdb.db.query<{ n: number }>('SELECT count(*)::int AS n FROM status_history');
    const ah = await tdb.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE table_name = 'status_history' AND operation = 'INSERT'`);
    expect(ah.rows[0]!.n).toBe(h.rows[0]!.n);
  });

  it('serves /healthz and a valid OpenAPI 3.1 document with every path', async () => {
    const h = await call(server.url, 'GET', '/healthz', undefined);
    expect(h.json).toEqual({ status: 'ok', database: backend.name });
    const o = await call(server.url, 'GET', '/api/v1/openapi.json', undefined);
    expect(o.status).toBe(200);
    const doc = JSON.parse(o.body.toString('utf8'));
    expect(doc.openapi).toBe('3.1.0');
    for (const p of [
      '/api/v1/submissions',
      '/api/v1/submissions/{id}',
      '/api/v1/submissions/{id}/transitions',
      '/api/v1/submissions/{id}/assignments',
      '/api/v1/submissions/{id}/reviews',
      '/api/v1/submissions/{id}/panel',
      '/api/v1/assistance-cases',
      '/api/v1/assistance-cases/{id}',
      '/api/v1/exports/summary.xlsx',
    ]) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
    const post = doc.paths['/api/v1/submissions'].post;
    expect(Object.keys(post.requestBody.content)).toEqual(['application/json', XLSX_TYPE]);
    expect(post.requestBody.content['application/json'].schema.oneOf ?? post.requestBody.content['application/json'].schema.anyOf).toBeDefined();
    const transition = doc.paths['/api/v1/submissions/{id}/transitions'].post.requestBody.content['application/json'].schema;
    expect(transition.properties.to.enum).toContain('认定');
    expect(transition.required).toEqual(['to']);
  });
});
