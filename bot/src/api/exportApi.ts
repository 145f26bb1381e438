import ExcelJS from 'exceljs';
import { registryMismatches, type Submission, type Assessment } from '@kekao/core';
import type { CellNote } from '@kekao/core/workbook';
import { writeSummaryWorkbook } from '@kekao/workbook/summary';
import { forbidden } from '../http/errors.js';
import type { ApiResponse, RouteContext } from '../http/routeTypes.js';
import { listSubmissionsFull } from '../store/submissions.js';
import { exportQuerySchema } from './schemas.js';
import { parseOr422, queryObject } from './validate.js';
import { resolveCampaign, XLSX_TYPE } from './submissionsApi.js';

/**
 * The 推荐汇总表 (Annex 5 or 6 of the 2025 notice) plus every score, for a campaign within the
 * caller's scope: the summary writer of workbook/ gives the annex sheets and 全部评分; kekao adds
 * 流程状态 (status of each entry) and 专家评分 (each reviewer's raw score per indicator).
 */
export async function exportSummaryHandler(ctx: RouteContext): Promise<ApiResponse> {
  const p = ctx.principal;
  if (p.role !== 'officer' && p.role !== 'secretariat') {
    throw forbidden('只有市场监管部门人员或秘书处可以导出推荐汇总表', 'only officers and the secretariat export the summary', 'export.forbidden');
  }
  const q = parseOr422(exportQuerySchema, queryObject(ctx.query), 'query');
  const campaign = await resolveCampaign(ctx.db, q.campaign);
  const rows = await listSubmissionsFull(ctx.db, p, { campaignId: campaign.id, kind: q.kind, province: q.province });
  // The registered organisation is what the official forms show; where the evidence names another
  // enterprise (or USCC) the difference is flagged for the officer, never silently exported.
  const entries = rows.map((r) => ({
    file: r.file_name ?? `${r.enterprise_name} — ${r.subject_name}`,
    submission: r.evidence as Submission,
    assessment: r.assessment as Assessment,
    readWarnings: (r.read_warnings ?? []) as CellNote[],
    registered: { name: r.enterprise_name, uscc: r.enterprise_uscc },
  }));
  const summary = await writeSummaryWorkbook(entries);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(summary as unknown as ArrayBuffer);
  const status = wb.addWorksheet('流程状态');
  status.columns = [
    { header: '序号', key: 'n', width: 6 },
    { header: '编号 / id', key: 'id', width: 38 },
    { header: '企业名称', key: 'enterprise', width: 30 },
    { header: '统一社会信用代码', key: 'uscc', width: 22 },
    { header: '省（市）', key: 'province', width: 10 },
    { header: '产品/案例名称', key: 'subject', width: 30 },
    { header: '状态', key: 'status', width: 10 },
    { header: '自评总分', key: 'total', width: 10 },
    { header: '需核实', key: 'check', width: 60 },
  ];
  rows.forEach((r, i) =>
    status.addRow({
      n: i + 1,
      id: r.id,
      enterprise: r.enterprise_name,
      uscc: r.enterprise_uscc ?? '',
      province: r.province ?? '',
      subject: r.subject_name,
      status: r.status,
      total: r.total,
      check: registryMismatches((r.evidence as Submission).enterprise, { name: r.enterprise_name, uscc: r.enterprise_uscc })
        .map((m) => m.zh)
        .join('\n'),
    }),
  );

  const ids = rows.map((r) => r.id);
  const reviews =
    ids.length === 0
      ? []
      : (
          await ctx.db.query<{ submission_id: string; reviewer: string; indicator: string; raw: number; reason: string | null; fraud: boolean }>(
            `SELECT r.submission_id, u.name AS reviewer, r.indicator, r.raw, r.reason, r.fraud FROM reviews r JOIN users u ON u.id = r.reviewer_id
       WHERE r.submission_id = ANY($1::uuid[]) ORDER BY r.submission_id, u.name, r.indicator`,
            [ids],
          )
        ).rows;
  const byId = new Map(rows.map((r) => [r.id, r]));
  const sheet = wb.addWorksheet('专家评分');
  sheet.columns = [
    { header: '编号 / id', key: 'id', width: 38 },
    { header: '企业名称', key: 'enterprise', width: 30 },
    { header: '产品/案例名称', key: 'subject', width: 30 },
    { header: '评审专家', key: 'reviewer', width: 14 },
    { header: '指标', key: 'indicator', width: 8 },
    { header: '原始得分', key: 'raw', width: 10 },
    { header: '数据造假（注d）', key: 'fraud', width: 14 },
    { header: '理由', key: 'reason', width: 40 },
  ];
  for (const r of reviews) {
    const s = byId.get(r.submission_id)!;
    sheet.addRow({
      id: r.submission_id,
      enterprise: s.enterprise_name,
      subject: s.subject_name,
      reviewer: r.reviewer,
      indicator: r.indicator,
      raw: r.raw,
      fraud: r.fraud ? '是' : '',
      reason: r.reason ?? '',
    });
  }
  const out = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const name = `推荐汇总表-${campaign.id}-${q.kind}.xlsx`;
  return {
    status: 200,
    body: out,
    contentType: XLSX_TYPE,
    headers: { 'content-disposition': `attachment; filename="summary-${campaign.id}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}` },
  };
}
