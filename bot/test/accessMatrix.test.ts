import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { backends, type TestDatabase } from './helpers/backends.js';
import { call, org, reliabilitySubmission, startServer, user, type Caller } from './helpers/fixtures.js';
import { snapshot } from './helpers/snapshot.js';
import type { RunningServer } from '../src/server.js';
import { writeTemplate } from '@kekao/workbook';
import { XLSX_TYPE } from '../src/api/workbookUpload.js';

/**
 * Every role × every API action, through real HTTP: who may do what, and a refused call changes
 * nothing (a digest of every table before and after is equal).
 */

const CALLERS = [
  'enterprise',
  'otherEnterprise',
  'districtOfficer',
  'provinceOfficer',
  'otherProvinceOfficer',
  'secretariat',
  'assignedReviewer',
  'unassignedReviewer',
  'recusedReviewer',
  'missingToken',
  'forgedToken',
] as const;
type CallerName = (typeof CALLERS)[number];

/** 'ok' = 2xx; a number = that refusal status. For reads of lists: 'sees' / 'hidden' (both 200). */
type Expect = 'ok' | 'sees' | 'hidden' | 401 | 403 | 404 | 409;

interface World {
  url: string;
  callers: Record<CallerName, Caller>;
  ids: { s1: string; case1: string; assignedReviewerId: string };
  db: TestDatabase['db'];
}

interface Action {
  name: string;
  /** Per-case preparation (a fresh entry in the right state); its changes are made before the snapshot. */
  prepare?: (w: World) => Promise<Record<string, string>>;
  run: (w: World, who: Caller, prep: Record<string, string>) => Promise<{ status: number; json?: any; body: Buffer }>;
  /** For list-like reads: does the answer include the shared entry? */
  sees?: (w: World, res: { json?: any; body: Buffer }) => Promise<boolean> | boolean;
  expect: Record<CallerName, Expect>;
}

const ENT_A = { name: '上海某电源有限公司', uscc: '91310115MA1K3YJ12X', province: '上海', district: '浦东新区' };
const ENT_B = { name: '石家庄某电器有限公司', uscc: '91130102MA0CXXXX1Y', province: '河北', city: '石家庄', district: '长安区' };
const UNAUTH = { missingToken: 401, forgedToken: 401 } as const;

async function freshDraft(w: World): Promise<string> {
  const r = await call(
    w.url,
    'POST',
    '/api/v1/submissions?campaign=2026',
    w.callers.enterprise,
    reliabilitySubmission(ENT_A, `草稿产品 ${randomBytes(3).toString('hex')}`),
  );
  if (r.status !== 201) throw new Error(`prepare failed: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json.id;
}

async function walk(w: World, id: string, steps: Array<[CallerName, string]>): Promise<void> {
  for (const [who, to] of steps) {
    const r = await call(w.url, 'POST', `/api/v1/submissions/${id}/transitions`, w.callers[who], { to });
    if (r.status !== 200) throw new Error(`walk to ${to} by ${who}: ${r.status} ${JSON.stringify(r.json)}`);
  }
}

const TO_PROVINCE: Array<[CallerName, string]> = [
  ['enterprise', '已提交'],
  ['districtOfficer', '区县初审'],
  ['districtOfficer', '省级审核'],
];

async function exportIds(body: Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('流程状态');
  const ids: string[] = [];
  ws?.eachRow((row, n) => {
    if (n > 1) ids.push(String(row.getCell(2).value));
  });
  return ids;
}

const ACTIONS: Action[] = [
  {
    name: 'GET /me',
    run: (w, who) => call(w.url, 'GET', '/api/v1/me', who),
    expect: {
      enterprise: 'ok',
      otherEnterprise: 'ok',
      districtOfficer: 'ok',
      provinceOfficer: 'ok',
      otherProvinceOfficer: 'ok',
      secretariat: 'ok',
      assignedReviewer: 'ok',
      unassignedReviewer: 'ok',
      recusedReviewer: 'ok',
      ...UNAUTH,
    },
  },
  {
    name: 'upload JSON submission',
    run: (w, who) => call(w.url, 'POST', '/api/v1/submissions?campaign=2026', who, reliabilitySubmission(ENT_A, '新产品')),
    expect: {
      enterprise: 'ok',
      otherEnterprise: 403,
      districtOfficer: 'ok',
      provinceOfficer: 'ok',
      otherProvinceOfficer: 403,
      secretariat: 'ok',
      assignedReviewer: 403,
      unassignedReviewer: 403,
      recusedReviewer: 403,
      ...UNAUTH,
    },
  },
  {
    name: 'upload xlsx workbook',
    run: async (w, who) =>
      call(w.url, 'POST', '/api/v1/submissions?campaign=2026&fileName=example.xlsx', who, new Uint8Array(await exampleWorkbook()), XLSX_TYPE),
    // The example workbook's enterprise (上海可靠电源科技有限公司（示例）, 浦东新区) is neither
    // company A nor B: both enterprise users are refused (USCC not theirs); Hebei is out of scope.
    expect: {
      enterprise: 403,
      otherEnterprise: 403,
      districtOfficer: 'ok',
      provinceOfficer: 'ok',
      otherProvinceOfficer: 403,
      secretariat: 'ok',
      assignedReviewer: 403,
      unassignedReviewer: 403,
      recusedReviewer: 403,
      ...UNAUTH,
    },
  },
  {
    name: 'list submissions',
    run: (w, who) => call(w.url, 'GET', '/api/v1/submissions?limit=500', who),
    sees: (w, res) => res.json.items.some((i: { id: string }) => i.id === w.ids.s1),
    expect: {
      enterprise: 'sees',
      otherEnterprise: 'hidden',
      districtOfficer: 'sees',
      provinceOfficer: 'sees',
      otherProvinceOfficer: 'hidden',
      secretariat: 'sees',
      assignedReviewer: 'sees',
      unassignedReviewer: 'hidden',
      recusedReviewer: 'hidden',
      ...UNAUTH,
    },
  },
  {
    name: 'read submission',
    run: (w, who) => call(w.url, 'GET', `/api/v1/submissions/${w.ids.s1}`, who),
    expect: {
      enterprise: 'ok',
      otherEnterprise: 404,
      districtOfficer: 'ok',
      provinceOfficer: 'ok',
      otherProvinceOfficer: 404,
      secretariat: 'ok',
      assignedReviewer: 'ok',
      unassignedReviewer: 404,
      recusedReviewer: 404,
      ...UNAUTH,
    },
  },
  {
    name: 'read status',
    run: (w, who) => call(w.url, 'GET', `/api/v1/submissions/${w.ids.s1}/status`, who),
    expect: {
      enterprise: 'ok',
      otherEnterprise: 404,
      districtOfficer: 'ok',
      provinceOfficer: 'ok',
      otherProvinceOfficer: 404,
      secretariat: 'ok',
      assignedReviewer: 'ok',
      unassignedReviewer: 404,
      recusedReviewer: 404,
      ...UNAUTH,
    },
  },
  {
    name: 'read history',
    run: (w, who) => call(w.url, 'GET', `/api/v1/submissions/${w.ids.s1}/history`, who),
    expect: {
      enterprise: 'ok',
      otherEnterprise: 404,
      districtOfficer: 'ok',
      provinceOfficer: 'ok',
      otherProvinceOfficer: 404,
      secretariat: 'ok',
      assignedReviewer: 'ok',
      unassignedReviewer: 404,
      recusedReviewer: 404,
      ...UNAUTH,
    },
  },
  {
    name: 'replace evidence of a draft',
    prepare: async (w) => ({ id: await freshDraft(w) }),
    run: (w, who, p) => call(w.url, 'PUT', `/api/v1/submissions/${p.id}`, who, reliabilitySubmission(ENT_A, '改名后的产品')),
    expect: {
      enterprise: 'ok',
      otherEnterprise: 404,
      districtOfficer: 'ok',
      provinceOfficer: 'ok',
      otherProvinceOfficer: 404,
      secretariat: 'ok',
      assignedReviewer: 403,
      unassignedReviewer: 403,
      recusedReviewer: 403,
      ...UNAUTH,
    },
  },
  {
    name: 'transition 草稿 → 已提交',
    prepare: async (w) => ({ id: await freshDraft(w) }),
    run: (w, who, p) => call(w.url, 'POST', `/api/v1/submissions/${p.id}/transitions`, who, { to: '已提交' }),
    expect: {
      enterprise: 'ok',
      otherEnterprise: 404,
      districtOfficer: 'ok',
      provinceOfficer: 403,
      otherProvinceOfficer: 404,
      secretariat: 403,
      assignedReviewer: 403,
      unassignedReviewer: 403,
      recusedReviewer: 403,
      ...UNAUTH,
    },
  },
  {
    name: 'transition 省级审核 → 专家评审',
    prepare: async (w) => {
      const id = await freshDraft(w);
      await walk(w, id, TO_PROVINCE);
      return { id };
    },
    run: (w, who, p) => call(w.url, 'POST', `/api/v1/submissions/${p.id}/transitions`, who, { to: '专家评审' }),
    expect: {
      enterprise: 403,
      otherEnterprise: 404,
      districtOfficer: 403,
      provinceOfficer: 'ok',
      otherProvinceOfficer: 404,
      secretariat: 403,
      assignedReviewer: 403,
      unassignedReviewer: 403,
      recusedReviewer: 403,
      ...UNAUTH,
    },
  },
  {
    name: 'assign reviewer',
    prepare: async (w) => {
      const id = await freshDraft(w);
      await walk(w, id, TO_PROVINCE);
      return { id };
    },
    run: (w, who, p) => call(w.url, 'POST', `/api/v1/submissions/${p.id}/assignments`, who, { reviewerId: w.ids.assignedReviewerId }),
    expect: {
      enterprise: 403,
      otherEnterprise: 403,
      districtOfficer: 403,
      provinceOfficer: 'ok',
      otherProvinceOfficer: 404,
      secretariat: 'ok',
      assignedReviewer: 403,
      unassignedReviewer: 403,
      recusedReviewer: 403,
      ...UNAUTH,
    },
  },
  {
    name: 'list assignments',
    run: (w, who) => call(w.url, 'GET', `/api/v1/submissions/${w.ids.s1}/assignments`, who),
    expect: {
      enterprise: 403,
      otherEnterprise: 403,
      districtOfficer: 'ok',
      provinceOfficer: 'ok',
      otherProvinceOfficer: 404,
      secretariat: 'ok',
      assignedReviewer: 403,
      unassignedReviewer: 403,
      recusedReviewer: 403,
      ...UNAUTH,
    },
  },
  {
    name: 'record review scores',
    run: (w, who) => call(w.url, 'PUT', `/api/v1/submissions/${w.ids.s1}/reviews`, who, { scores: { C: { raw: 75, reason: '创新点明确' } } }),
    expect: {
      enterprise: 403,
      otherEnterprise: 403,
      districtOfficer: 403,
      provinceOfficer: 403,
      otherProvinceOfficer: 403,
      secretariat: 403,
      assignedReviewer: 'ok',
      unassignedReviewer: 404,
      recusedReviewer: 404,
      ...UNAUTH,
    },
  },
  {
    name: 'panel view',
    run: (w, who) => call(w.url, 'GET', `/api/v1/submissions/${w.ids.s1}/panel`, who),
    expect: {
      enterprise: 403,
      otherEnterprise: 403,
      districtOfficer: 'ok',
      provinceOfficer: 'ok',
      otherProvinceOfficer: 404,
      secretariat: 'ok',
      assignedReviewer: 'ok',
      unassignedReviewer: 404,
      recusedReviewer: 404,
      ...UNAUTH,
    },
  },
  {
    name: 'reviewer pool',
    run: (w, who) => call(w.url, 'GET', '/api/v1/reviewers', who),
    expect: {
      enterprise: 403,
      otherEnterprise: 403,
      districtOfficer: 403,
      provinceOfficer: 'ok',
      otherProvinceOfficer: 'ok',
      secretariat: 'ok',
      assignedReviewer: 403,
      unassignedReviewer: 403,
      recusedReviewer: 403,
      ...UNAUTH,
    },
  },
  {
    name: 'open assistance case',
    run: (w, who) => call(w.url, 'POST', '/api/v1/assistance-cases', who, assistanceBody()),
    expect: {
      enterprise: 'ok',
      otherEnterprise: 'ok',
      districtOfficer: 'ok',
      provinceOfficer: 'ok',
      otherProvinceOfficer: 403,
      secretariat: 'ok',
      assignedReviewer: 403,
      unassignedReviewer: 403,
      recusedReviewer: 403,
      ...UNAUTH,
    },
  },
  {
    name: 'list assistance cases',
    run: (w, who) => call(w.url, 'GET', '/api/v1/assistance-cases?limit=500', who),
    sees: (w, res) => res.json.items.some((i: { id: string }) => i.id === w.ids.case1),
    expect: {
      enterprise: 'sees',
      otherEnterprise: 'hidden',
      districtOfficer: 'sees',
      provinceOfficer: 'sees',
      otherProvinceOfficer: 'hidden',
      secretariat: 'sees',
      assignedReviewer: 403,
      unassignedReviewer: 403,
      recusedReviewer: 403,
      ...UNAUTH,
    },
  },
  {
    name: 'read assistance case',
    run: (w, who) => call(w.url, 'GET', `/api/v1/assistance-cases/${w.ids.case1}`, who),
    expect: {
      enterprise: 'ok',
      otherEnterprise: 404,
      districtOfficer: 'ok',
      provinceOfficer: 'ok',
      otherProvinceOfficer: 404,
      secretariat: 'ok',
      assignedReviewer: 403,
      unassignedReviewer: 403,
      recusedReviewer: 403,
      ...UNAUTH,
    },
  },
  {
    name: 'update assistance case',
    run: (w, who) => call(w.url, 'PATCH', `/api/v1/assistance-cases/${w.ids.case1}`, who, { kpiInput: { tasks: { completed: 9, total: 10 } } }),
    expect: {
      enterprise: 403,
      otherEnterprise: 403,
      districtOfficer: 'ok',
      provinceOfficer: 'ok',
      otherProvinceOfficer: 404,
      secretariat: 'ok',
      assignedReviewer: 403,
      unassignedReviewer: 403,
      recusedReviewer: 403,
      ...UNAUTH,
    },
  },
  {
    name: 'export 推荐汇总表',
    run: (w, who) => call(w.url, 'GET', '/api/v1/exports/summary.xlsx?campaign=2026', who),
    sees: async (w, res) => (await exportIds(res.body)).includes(w.ids.s1),
    expect: {
      enterprise: 403,
      otherEnterprise: 403,
      districtOfficer: 'sees',
      provinceOfficer: 'sees',
      otherProvinceOfficer: 'hidden',
      secretariat: 'sees',
      assignedReviewer: 403,
      unassignedReviewer: 403,
      recusedReviewer: 403,
      ...UNAUTH,
    },
  },
];

function assistanceBody() {
  return {
    enterprise: { province: '上海', district: '浦东新区', uscc: ENT_A.uscc },
    trigger: 'application',
    application: {
      orgName: ENT_A.name,
      address: '上海市浦东新区某路1号',
      contact: '张工/质量经理',
      phone: '13812345678',
      industry: '电子信息',
      size: 'medium',
      productCategory: 'industrial',
      problemTypes: ['process-fluctuation'],
      problemDetails: '输出电压批间波动',
      needs: ['diagnosis'],
      willing: true,
      commitment: true,
    },
  };
}

let exampleCache: Buffer | undefined;
async function exampleWorkbook(): Promise<Buffer> {
  exampleCache ??= await writeTemplate('best-practice', { example: true });
  return exampleCache;
}

describe.each(backends)('access-control matrix on $name', (backend) => {
  let tdb: TestDatabase;
  let server: RunningServer;
  let world: World;

  beforeAll(async () => {
    tdb = await backend.open();
    const db = tdb.db;
    server = await startServer(db);
    const a = await org(db, { kind: 'enterprise', ...ENT_A });
    const b = await org(db, { kind: 'enterprise', ...ENT_B });
    const institute = await org(db, { kind: 'institution', name: '某可靠性研究所' });
    const u = {
      enterprise: await user(db, '企业甲', 'enterprise', 'org', a.id),
      otherEnterprise: await user(db, '企业乙', 'enterprise', 'org', b.id),
      districtOfficer: await user(db, '浦东新区局', 'officer', 'district:上海/浦东新区'),
      provinceOfficer: await user(db, '上海市局', 'officer', 'province:上海'),
      otherProvinceOfficer: await user(db, '河北省局', 'officer', 'province:河北'),
      secretariat: await user(db, '秘书处', 'secretariat', 'all'),
      assignedReviewer: await user(db, '专家甲', 'reviewer', 'assigned', institute.id),
      unassignedReviewer: await user(db, '专家乙', 'reviewer', 'assigned', institute.id),
      recusedReviewer: await user(db, '专家丙（甲公司）', 'reviewer', 'assigned', a.id),
    };
    const callers = {
      ...Object.fromEntries(Object.entries(u).map(([k, v]) => [k, { token: v.token }])),
      missingToken: {},
      forgedToken: { token: `kk_${randomBytes(32).toString('base64url')}` },
    } as Record<CallerName, Caller>;
    world = { url: server.url, callers, ids: { s1: '', case1: '', assignedReviewerId: u.assignedReviewer.id }, db };
    // The shared entry S1: in expert review with one assigned reviewer.
    const s1 = await freshDraft(world);
    await walk(world, s1, [...TO_PROVINCE, ['provinceOfficer', '专家评审']]);
    const assign = await call(server.url, 'POST', `/api/v1/submissions/${s1}/assignments`, callers.provinceOfficer, { reviewerId: u.assignedReviewer.id });
    expect(assign.status).toBe(201);
    // Assigning the reviewer from company A is refused (recusal, DB31/T 1368 §5.2) …
    const recuse = await call(server.url, 'POST', `/api/v1/submissions/${s1}/assignments`, callers.provinceOfficer, { reviewerId: u.recusedReviewer.id });
    expect(recuse.status).toBe(409);
    expect(recuse.json.error.key).toBe('assignment.recused');
    // … and even an assignment row that exists (say the expert joined company A after being
    // assigned) gives no access: recusal is checked on every call.
    await db.transaction(
      (tx) =>
        tx.query('INSERT INTO reviewer_assignments (submission_id, reviewer_id, assigned_by) VALUES ($1, $2, $3)', [
          s1,
          u.recusedReviewer.id,
          u.provinceOfficer.id,
        ]),
      { actor: 'test' },
    );
    const c1 = await call(server.url, 'POST', '/api/v1/assistance-cases', callers.enterprise, assistanceBody());
    expect(c1.status).toBe(201);
    world.ids.s1 = s1;
    world.ids.case1 = c1.json.id;
  });

  afterAll(async () => {
    await server?.close();
    await tdb?.dispose();
  });

  it('covers at least 4 roles × 10 actions', () => {
    expect(ACTIONS.length).toBeGreaterThanOrEqual(10);
    expect(CALLERS.length).toBeGreaterThanOrEqual(4 + 5);
  });

  for (const action of ACTIONS) {
    it(`${action.name}: each caller allowed or refused as it should be`, async () => {
      for (const who of CALLERS) {
        const expected = action.expect[who];
        const prep = action.prepare ? await action.prepare(world) : {};
        const before = await snapshot(world.db);
        const res = await action.run(world, world.callers[who], prep);
        const label = `${action.name} as ${who}: ${res.status} ${res.json ? JSON.stringify(res.json).slice(0, 200) : ''}`;
        if (expected === 'ok') {
          expect(res.status, label).toBeGreaterThanOrEqual(200);
          expect(res.status, label).toBeLessThan(300);
        } else if (expected === 'sees' || expected === 'hidden') {
          expect(res.status, label).toBe(200);
          expect(await action.sees!(world, res), label).toBe(expected === 'sees');
        } else {
          expect(res.status, label).toBe(expected);
          expect(res.json?.error?.key, label).toEqual(expect.any(String));
          expect(res.json?.error?.zh, label).toMatch(/[\u4e00-\u9fff]/u);
          // A refused call changes nothing.
          expect(await snapshot(world.db), label).toEqual(before);
        }
      }
    });
  }
});
