import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, type TestDatabase } from './helpers/backends.js';
import { call, org, reliabilitySubmission, startServer, user } from './helpers/fixtures.js';
import { uscc } from './helpers/chatWorld.js';
import type { RunningServer } from '../src/server.js';

/**
 * One source of truth for names in the official export: an enterprise that uploads evidence under
 * another company's name (and no USCC) appears in summary.xlsx — 附件5, 全部评分, 流程状态 — under its
 * registered name and USCC, with the stated name flagged 需核实 on the cell; the API's submission
 * detail lists the same discrepancy. The workbook is read back with exceljs.
 */
const REGISTERED = { name: '上海乙精密电子有限公司', uscc: uscc('91310115MA1K3YJ20'), province: '上海', district: '浦东新区' };
const CLAIMED = '上海丙科技集团有限公司';

describe.each(backends)('registered names in the export on $name', (backend) => {
  let tdb: TestDatabase;
  let server: RunningServer;
  let enterprise: { token: string };
  let officer: { token: string };
  let id: string;

  beforeAll(async () => {
    tdb = await backend.open();
    server = await startServer(tdb.db);
    const o = await org(tdb.db, { kind: 'enterprise', ...REGISTERED });
    enterprise = await user(tdb.db, '上海乙 质量部', 'enterprise', 'org', o.id);
    officer = await user(tdb.db, '上海市局', 'officer', 'province:上海');
    const up = await call(
      server.url,
      'POST',
      '/api/v1/submissions?campaign=2026',
      enterprise,
      reliabilitySubmission({ name: CLAIMED, province: '上海', district: '浦东新区' }, '精密电源 JP-7'),
    );
    expect(up.status, JSON.stringify(up.json)).toBe(201);
    id = up.json.id;
    expect((await call(server.url, 'POST', `/api/v1/submissions/${id}/transitions`, enterprise, { to: '已提交' })).status).toBe(200);
  });
  afterAll(async () => {
    await server?.close();
    await tdb?.dispose();
  });

  it('exports the registered name and USCC, and flags the stated name on the cell', async () => {
    const r = await call(server.url, 'GET', '/api/v1/exports/summary.xlsx?campaign=2026', officer);
    expect(r.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.body as unknown as ArrayBuffer);
    const texts = (ws: ExcelJS.Worksheet) => {
      const out: string[] = [];
      ws.eachRow((row) => row.eachCell((c) => out.push(String(c.text))));
      return out;
    };

    const annex = wb.getWorksheet('附件5 最佳实践推荐汇总表')!;
    const nameCell = annex.getCell(5, 2);
    expect(nameCell.text).toBe(REGISTERED.name);
    expect(String(nameCell.note ?? '')).toContain(`需核实：申报材料中的企业名称为“${CLAIMED}”，与登记名称“${REGISTERED.name}”不一致`);
    expect(texts(annex)).not.toContain(CLAIMED);

    const all = wb.getWorksheet('全部评分')!;
    expect(all.getCell(3, 3).text).toBe(REGISTERED.name);
    expect(all.getCell(3, 4).text).toBe(REGISTERED.uscc);
    expect(String(all.getCell(3, 3).note ?? '')).toContain(CLAIMED);
    expect(texts(all)).not.toContain(CLAIMED);

    const status = wb.getWorksheet('流程状态')!;
    const header = (status.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('需核实');
    const check = status.getRow(2).getCell(header.indexOf('需核实') + 1).text;
    expect(check).toContain(CLAIMED);
    expect(status.getRow(2).getCell(3).text).toBe(REGISTERED.name);
  });

  it('the submission detail lists the discrepancy for officers', async () => {
    const d = await call(server.url, 'GET', `/api/v1/submissions/${id}`, officer);
    expect(d.json.enterprise.name).toBe(REGISTERED.name);
    expect(d.json.registryCheck).toEqual([expect.objectContaining({ field: 'enterprise.name', stated: CLAIMED, registered: REGISTERED.name })]);
  });
});
