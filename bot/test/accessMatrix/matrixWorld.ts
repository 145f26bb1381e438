import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { writeTemplate } from '@kekao/workbook';
import { call, reliabilitySubmission, type Caller } from '../helpers/fixtures.js';
import type { TestDatabase } from '../helpers/backends.js';

/**
 * The access-control matrix's world: the callers (every role, plus no token and a forged one), the
 * two enterprises, and the helpers that put an entry into the state an action needs.
 */

export const CALLERS = [
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
export type CallerName = (typeof CALLERS)[number];

/** 'ok' = 2xx; a number = that refusal status. For reads of lists: 'sees' / 'hidden' (both 200). */
export type Expect = 'ok' | 'sees' | 'hidden' | 401 | 403 | 404 | 409;

export interface World {
  url: string;
  callers: Record<CallerName, Caller>;
  ids: { s1: string; case1: string; assignedReviewerId: string };
  db: TestDatabase['db'];
}

export interface Action {
  name: string;
  /** Per-case preparation (a fresh entry in the right state); its changes are made before the snapshot. */
  prepare?: (w: World) => Promise<Record<string, string>>;
  run: (w: World, who: Caller, prep: Record<string, string>) => Promise<{ status: number; json?: any; body: Buffer }>;
  /** For list-like reads: does the answer include the shared entry? */
  sees?: (w: World, res: { json?: any; body: Buffer }) => Promise<boolean> | boolean;
  expect: Record<CallerName, Expect>;
}

export const ENT_A = { name: '上海某电源有限公司', uscc: '91310115MA1K3YJ12X', province: '上海', district: '浦东新区' };
export const ENT_B = { name: '石家庄某电器有限公司', uscc: '91130102MA0CXXXX1Y', province: '河北', city: '石家庄', district: '长安区' };
export const UNAUTH = { missingToken: 401, forgedToken: 401 } as const;

export async function freshDraft(w: World): Promise<string> {
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

export async function walk(w: World, id: string, steps: Array<[CallerName, string]>): Promise<void> {
  for (const [who, to] of steps) {
    const r = await call(w.url, 'POST', `/api/v1/submissions/${id}/transitions`, w.callers[who], { to });
    if (r.status !== 200) throw new Error(`walk to ${to} by ${who}: ${r.status} ${JSON.stringify(r.json)}`);
  }
}

export const TO_PROVINCE: Array<[CallerName, string]> = [
  ['enterprise', '已提交'],
  ['districtOfficer', '区县初审'],
  ['districtOfficer', '省级审核'],
];

export async function exportIds(body: Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('流程状态');
  const ids: string[] = [];
  ws?.eachRow((row, n) => {
    if (n > 1) ids.push(String(row.getCell(2).value));
  });
  return ids;
}

export function assistanceBody() {
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
export async function exampleWorkbook(): Promise<Buffer> {
  exampleCache ??= await writeTemplate('best-practice', { example: true });
  return exampleCache;
}
