import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, type TestDatabase } from './helpers/backends.js';
import { call, org, startServer, user } from './helpers/fixtures.js';
import type { RunningServer } from '../src/server.js';

/** Assistance (帮扶) cases through the API: A.1 intake, triage of guide §7.2, list D.1, record E.1, KPIs D.2. */
const application = {
  orgName: '浦东某精密零件有限公司',
  address: '上海市浦东新区某路8号',
  contact: '李工/质量部长',
  phone: '021-64220000*2318',
  industry: '汽车零部件',
  size: 'small',
  productCategory: 'industrial',
  problemTypes: ['spot-check-failure'],
  problemDetails: '监督抽查硬度不合格',
  needs: ['diagnosis', 'improvement-plan'],
  willing: true,
  commitment: true,
};

describe.each(backends)('assistance cases on $name', (backend) => {
  let tdb: TestDatabase;
  let server: RunningServer;
  let officer: { token: string };

  beforeAll(async () => {
    tdb = await backend.open();
    server = await startServer(tdb.db);
    officer = await user(tdb.db, '浦东新区局', 'officer', 'district:上海/浦东新区');
    await org(tdb.db, { kind: 'bureau', name: '浦东新区市场监督管理局' });
  });

  afterAll(async () => {
    await server?.close();
    await tdb?.dispose();
  });

  const open = (body: Record<string, unknown>) =>
    call(server.url, 'POST', '/api/v1/assistance-cases', officer, { enterprise: { province: '上海', district: '浦东新区' }, application, ...body });

  it('triages by the trigger and the start rules, and keeps the decision with its reasons', async () => {
    const high = await open({ trigger: 'supervision', supervision: { supervisionSources: ['spot-check-failure'], riskFactors: ['personal-health'] } });
    expect(high.status).toBe(201);
    expect(high.json.triage).toMatchObject({ decision: 'started', riskGrade: 'high' });
    expect(high.json.triage.reasons.length).toBeGreaterThan(0);
    const low = await open({ trigger: 'supervision', supervision: { riskFactors: ['occasional'], riskGrade: 'low' } });
    expect(low.json.triage.decision).toBe('not-started');
    const food = await open({ trigger: 'application', application: { ...application, productCategory: 'food' } });
    expect(food.json.triage.decision).toBe('out-of-scope');
    const untrue = await open({ trigger: 'application', review: { claimsVerified: false } });
    expect(untrue.json.triage.decision).toBe('not-started');
    const noGrade = await open({ trigger: 'supervision', supervision: {} });
    expect(noGrade.status).toBe(422);
    const badPhone = await open({ trigger: 'application', application: { ...application, phone: '12345' } });
    expect(badPhone.status).toBe(422);
    expect(badPhone.json.error.path).toBe('application.phone');
    const stored = await call(server.url, 'GET', `/api/v1/assistance-cases/${high.json.id}`, officer);
    expect(stored.json).toMatchObject({
      trigger: 'supervision',
      decision: 'started',
      status: 'open',
      intake: { application: { orgName: application.orgName } },
    });
  });

  it('adds 帮扶清单 items with targets and E.1 work records, computes the D.2 KPIs, and closes', async () => {
    const c = await open({ trigger: 'application' });
    const id = c.json.id;
    const item = {
      serviceType: '现场诊断类',
      problemTypes: ['监督抽查不合格'],
      content: '组织专家赴企业开展工艺全流程诊断，出具诊断报告，逐项跟踪整改',
      responsible: 'XX技术机构（张工）',
      period: { from: '2026-03-01', to: '2026-06-30' },
      targets: [
        { indicator: '整改完成率', op: '>=', value: 95, unit: '%' },
        { indicator: '高风险问题整改闭环周期', op: '<=', value: 60, unit: '天' },
      ],
    };
    const record = {
      visitDate: '2026-03-10',
      experts: ['张工', '王工'],
      diagnosis: { status: '已完成', text: '淬火温度控制不稳' },
      nonconformingProducts: { status: '已完成', text: '隔离 3 批' },
      rectification: { status: '待改进', text: '更换温控仪' },
      managementImprovement: { status: '待改进', text: '' },
      recheck: { status: '尚未复查', text: '' },
      suggestions: ['建立淬火工艺参数点检表'],
    };
    const badItem = await call(server.url, 'PATCH', `/api/v1/assistance-cases/${id}`, officer, { addItems: [{ ...item, targets: [] }] });
    expect(badItem.status).toBe(422);
    expect(badItem.json.error.path).toBe('addItems[0].targets');
    const kpiInput = {
      tasks: { completed: 9, total: 10 },
      closures: [
        { start: '2026-03-01', accepted: '2026-04-15' },
        { start: '2026-03-20', accepted: '2026-04-02' },
      ],
    };
    const up = await call(server.url, 'PATCH', `/api/v1/assistance-cases/${id}`, officer, {
      addItems: [item],
      addRecords: [record],
      kpiInput,
      expectedVersion: 1,
    });
    expect(up.status, JSON.stringify(up.json)).toBe(200);
    expect(up.json.items).toHaveLength(1);
    expect(up.json.items[0]).toMatchObject({ position: 1, serviceType: '现场诊断类', status: 'planned' });
    expect(up.json.records[0]).toMatchObject({ visitDate: '2026-03-10', experts: ['张工', '王工'] });
    const kpi = (k: string) => up.json.kpis.find((x: { key: string }) => x.key === k);
    // 9 of 10 tasks = 0.9, target ≥ 90 % (table D.2): met.
    expect(kpi('taskCompletionRate')).toMatchObject({ value: 0.9, met: true });
    // 1 Mar → 15 Apr = 30 (rest of March) + 15 = 45 days; 20 Mar → 2 Apr = 13 days; the longest counts: 45 ≤ 60.
    expect(kpi('closureCycleDays')).toMatchObject({ value: 45, met: true });
    expect(kpi('samplingPassRate')).toMatchObject({ value: null, met: null });

    const stale = await call(server.url, 'PATCH', `/api/v1/assistance-cases/${id}`, officer, { addRecords: [record], expectedVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.json.error.key).toBe('assistance.versionConflict');
    const closed = await call(server.url, 'PATCH', `/api/v1/assistance-cases/${id}`, officer, { close: { reason: '整改完成，复查合格' } });
    expect(closed.json).toMatchObject({ status: 'closed', closingNote: '整改完成，复查合格' });
    const after = await call(server.url, 'PATCH', `/api/v1/assistance-cases/${id}`, officer, { addRecords: [record] });
    expect(after.status).toBe(409);
    expect(after.json.error.key).toBe('assistance.closed');
  });
});
