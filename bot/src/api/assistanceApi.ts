import { assistanceKpis, triageAssistance, triageInputFromApplication, type AssistanceKpiInput, type AssistanceTriageInput } from '@kekao/core';
import { actorLabel, type Principal } from '../auth/principal.js';
import { coversSubmission } from '../auth/access.js';
import { canonicalProvince } from '../auth/places.js';
import { ApiError, forbidden, notFound } from '../http/errors.js';
import { readJson } from '../http/jsonBody.js';
import type { ApiResponse, RouteContext } from '../http/routeTypes.js';
import type { Queryable } from '../db/database.js';
import { openAssistanceCase } from '../workflow/openAssistanceCase.js';
import {
  addItem,
  addRecord,
  getAssistanceCase,
  listAssistanceCases,
  listItems,
  listRecords,
  touchCase,
  updateItem,
  type AssistanceCaseRow,
} from '../store/assistance.js';
import { assistanceCreateSchema, assistanceUpdateSchema, listQuerySchema } from './schemas.js';
import { parseOr422, queryObject } from './validate.js';

function accessRow(c: AssistanceCaseRow) {
  return { id: c.id, enterprise_org_id: c.enterprise_org_id ?? '', enterprise_uscc: null, province: c.province, city: c.city, district: c.district };
}

/** Cases are seen by the enterprise itself and by officers/secretariat whose scope covers it; never by reviewers. */
async function readableCase(db: Queryable, p: Principal, id: string, forUpdate = false): Promise<AssistanceCaseRow> {
  const c = await getAssistanceCase(db, id, forUpdate);
  if (!c || p.role === 'reviewer' || !coversSubmission(p, accessRow(c))) throw notFound('帮扶案件', 'assistance case');
  return c;
}

function caseSummary(c: AssistanceCaseRow) {
  return {
    id: c.id,
    caseNo: c.case_no,
    verification: c.verification,
    enterpriseName: c.enterprise_name,
    enterpriseOrgId: c.enterprise_org_id,
    province: c.province,
    city: c.city,
    district: c.district,
    trigger: c.trigger,
    decision: (c.triage as { decision?: string }).decision ?? null,
    status: c.status,
    version: c.version,
    openedAt: c.opened_at.toISOString(),
    closedAt: c.closed_at?.toISOString() ?? null,
    closingNote: c.closing_note,
  };
}

export async function createAssistanceHandler(ctx: RouteContext): Promise<ApiResponse> {
  const p = ctx.principal;
  // Refused before the body is read: a reviewer learns nothing from a validation error.
  if (p.role === 'reviewer') throw forbidden('评审专家不能受理帮扶申请', 'reviewers do not take assistance requests', 'assistance.forbiddenRole');
  const body = parseOr422(assistanceCreateSchema, readJson(ctx.headers, ctx.body));
  const opened = await openAssistanceCase(ctx.db, {
    principal: p,
    trigger: body.trigger,
    enterprise: {
      name: body.application.orgName,
      uscc: body.enterprise.uscc ?? null,
      place: { province: canonicalProvince(body.enterprise.province), city: body.enterprise.city || null, district: body.enterprise.district || null },
    },
    intake: { application: body.application, supervision: body.supervision ?? null, review: body.review ?? null },
    triage: () => {
      const base = triageInputFromApplication(body.application, body.review ?? {});
      const input: AssistanceTriageInput = body.trigger === 'supervision' ? { ...base, trigger: 'supervision', ...(body.supervision ?? {}) } : base;
      try {
        return triageAssistance(input);
      } catch (e) {
        throw new ApiError(
          422,
          'assistance.triageInput',
          `分诊信息不完整：${e instanceof Error ? e.message : String(e)}`,
          'the triage input is incomplete',
          'supervision',
        );
      }
    },
    requestId: ctx.requestId,
    now: ctx.now(),
  });
  if ('refused' in opened) throw new ApiError(403, opened.refused.key, opened.refused.zh, opened.refused.en, opened.refused.path);
  return {
    status: 201,
    headers: { location: `/api/v1/assistance-cases/${opened.id}` },
    json: { id: opened.id, caseNo: opened.caseNo, triage: opened.triage, status: 'open' },
  };
}

export async function listAssistanceHandler(ctx: RouteContext): Promise<ApiResponse> {
  if (ctx.principal.role === 'reviewer') throw forbidden('评审专家不能查看帮扶案件', 'reviewers do not see assistance cases', 'assistance.forbiddenRole');
  const q = parseOr422(listQuerySchema.pick({ limit: true, offset: true }), queryObject(ctx.query), 'query');
  const rows = await listAssistanceCases(ctx.db, ctx.principal, q.limit, q.offset);
  return { status: 200, json: { items: rows.map(caseSummary), limit: q.limit, offset: q.offset } };
}

async function caseDetail(db: Queryable, c: AssistanceCaseRow) {
  const items = await listItems(db, c.id);
  const records = await listRecords(db, c.id);
  return {
    ...caseSummary(c),
    intake: c.intake,
    triage: c.triage,
    items: items.map((i) => ({ id: i.id, position: i.position, ...i.item })),
    records: records.map((r) => ({ id: r.id, recordedBy: r.recorded_by, at: r.created_at.toISOString(), ...r.record })),
    kpiInput: c.kpi_input,
    // Table D.2 indicators, computed by core from the stored counts and dates.
    kpis: assistanceKpis(c.kpi_input as AssistanceKpiInput),
  };
}

export async function getAssistanceHandler(ctx: RouteContext): Promise<ApiResponse> {
  const c = await readableCase(ctx.db, ctx.principal, ctx.params.id!);
  return { status: 200, json: await caseDetail(ctx.db, c) };
}

export async function updateAssistanceHandler(ctx: RouteContext): Promise<ApiResponse> {
  const p = ctx.principal;
  const body = parseOr422(assistanceUpdateSchema, readJson(ctx.headers, ctx.body));
  const detail = await ctx.db.transaction(
    async (tx) => {
      const c = await readableCase(tx, p, ctx.params.id!, true);
      if (p.role !== 'officer' && p.role !== 'secretariat')
        throw forbidden('只有市场监管部门人员可以更新帮扶案件', 'only officers update assistance cases', 'assistance.forbiddenRole');
      if (c.status === 'closed') throw new ApiError(409, 'assistance.closed', '帮扶案件已结案，不能再修改', 'the case is closed');
      if (body.expectedVersion !== undefined && body.expectedVersion !== c.version) {
        throw new ApiError(
          409,
          'assistance.versionConflict',
          `案件已被他人修改（当前版本 ${c.version}）`,
          `the case changed meanwhile (now version ${c.version})`,
          'expectedVersion',
        );
      }
      for (const item of body.addItems ?? []) await addItem(tx, c.id, item);
      for (const [i, u] of (body.updateItems ?? []).entries()) {
        if (!(await updateItem(tx, c.id, u.id, u.item))) {
          throw new ApiError(
            422,
            'assistance.unknownItem',
            `updateItems[${i}].id：清单中没有此项`,
            `updateItems[${i}].id: no such item in this case`,
            `updateItems[${i}].id`,
          );
        }
      }
      for (const r of body.addRecords ?? []) await addRecord(tx, c.id, r, p.userId);
      await touchCase(tx, c.id, { kpiInput: body.kpiInput, ...(body.close ? { closeReason: body.close.reason } : {}) });
      return caseDetail(tx, (await getAssistanceCase(tx, c.id))!);
    },
    { actor: actorLabel(p), requestId: ctx.requestId },
  );
  return { status: 200, json: detail };
}
