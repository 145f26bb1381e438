import { assessInput, registryMismatches, type Assessment, type Submission } from '@kekao/core';
import type { Queryable } from '../db/database.js';
import { actorLabel, type Principal } from '../auth/principal.js';
import { canReadSubmission, coversSubmission } from '../auth/access.js';
import { scopeCoversPlace } from '../auth/scope.js';
import { canonicalProvince } from '../auth/places.js';
import { ApiError, forbidden, notFound, validationFailed } from '../http/errors.js';
import { mediaType, readJson, refuseBadStrings, tooLarge } from '../http/jsonBody.js';
import type { ApiResponse, RouteContext } from '../http/routeTypes.js';
import { getCampaign, latestCampaign, type CampaignRow } from '../store/campaigns.js';
import { getOrganisation } from '../store/organisations.js';
import { EnterpriseOutOfScopeError, enterpriseInScope, placeText } from '../workflow/enterpriseInScope.js';
import {
  applyTransition,
  getHistory,
  getSubmissionFull,
  getSubmissionRow,
  insertSubmission,
  listSubmissions,
  replaceEvidence,
  type HistoryRow,
  type SubmissionRow,
} from '../store/submissions.js';
import { listAssignments, listReviewScores } from '../store/reviews.js';
import { findTransition, nextStatuses } from '../workflow/transitions.js';
import { EDITABLE_STATUSES, STATUS_EN } from '../workflow/statuses.js';
import { deadlinePassed } from '../workflow/deadline.js';
import { daysLeft } from '@kekao/core';
import { listQuerySchema, submissionQuerySchema, transitionBodySchema } from './schemas.js';
import { parseOr422, queryObject } from './validate.js';
import { readWorkbookUpload, XLSX_TYPE } from './workbookUpload.js';

export { XLSX_TYPE };

export async function resolveCampaign(db: Queryable, id: string | undefined): Promise<CampaignRow> {
  const c = id ? await getCampaign(db, id) : await latestCampaign(db);
  if (!c) throw new ApiError(404, 'campaign.notFound', `评选活动“${id ?? ''}”不存在`, `campaign "${id ?? ''}" not found`, 'campaign');
  return c;
}

export function summaryJson(r: SubmissionRow) {
  return {
    id: r.id,
    campaignId: r.campaign_id,
    kind: r.kind,
    enterprise: { id: r.enterprise_org_id, name: r.enterprise_name, uscc: r.enterprise_uscc },
    province: r.province,
    city: r.city,
    district: r.district,
    subjectName: r.subject_name,
    recommendingUnit: r.recommending_unit,
    status: r.status,
    version: r.version,
    total: r.total,
    nextStatuses: nextStatuses(r.status),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

function historyJson(h: HistoryRow) {
  return {
    from: h.from_status,
    to: h.to_status,
    actor: { id: h.actor_id, name: h.actor_name, role: h.actor_role },
    at: h.at.toISOString(),
    note: h.note,
    overrideReason: h.override_reason,
  };
}

/** Reads a submission the caller may see; otherwise 404 (existence is not disclosed). */
export async function readableSubmission(db: Queryable, p: Principal, id: string, forUpdate = false): Promise<SubmissionRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('申报', 'submission');
  const row = await getSubmissionRow(db, id, forUpdate);
  if (!row || !(await canReadSubmission(db, p, row))) throw notFound('申报', 'submission');
  return row;
}

/** `X-File-Name` is percent-encoded (header values are Latin-1); a malformed encoding is a 400, not a crash. */
function fileNameHeader(raw: string | string[] | undefined): string | null {
  if (raw === undefined) return null;
  try {
    const name = decodeURIComponent(String(raw));
    refuseBadStrings(name, 'X-File-Name');
    return name;
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError(
      400,
      'request.invalidFileName',
      'X-File-Name 须为 URL 编码（percent-encoding）的文件名',
      'X-File-Name must be a percent-encoded file name',
      'X-File-Name',
    );
  }
}

interface ParsedUpload {
  submission: Submission;
  assessment: Assessment;
  source: 'json' | 'xlsx';
  fileName: string | null;
  readWarnings: unknown[];
}

/** Parses and assesses the body in memory — nothing touches the database until it is complete. */
async function parseUpload(ctx: RouteContext): Promise<ParsedUpload> {
  const type = mediaType(ctx.headers);
  if (type === XLSX_TYPE) {
    if (ctx.body.length > ctx.config.maxUploadBytes) throw tooLarge(ctx.config.maxUploadBytes);
    const data = ctx.body;
    const fileName = ctx.query.get('fileName') ?? fileNameHeader(ctx.headers['x-file-name']);
    const read = await readWorkbookUpload(data, fileName, { workers: ctx.config.workbookWorkers, log: ctx.log });
    const r = assessInput(read.submission);
    if (!r.ok) throw validationFailed(r.errors, 'submission.invalid');
    return { submission: r.submission, assessment: r.assessment, source: 'xlsx', fileName, readWarnings: read.warnings };
  }
  if (type === 'application/json') {
    const body = readJson(ctx.headers, ctx.body, ctx.config.maxJsonBytes);
    const r = assessInput(body);
    if (!r.ok) throw validationFailed(r.errors, 'submission.invalid');
    return { submission: r.submission, assessment: r.assessment, source: 'json', fileName: null, readWarnings: [] };
  }
  throw new ApiError(
    415,
    'request.unsupportedMediaType',
    `请上传 JSON（application/json）或 Excel 工作簿（${XLSX_TYPE}），收到 ${type || '无'}`,
    `upload JSON (application/json) or an Excel workbook (${XLSX_TYPE}); got ${type || 'none'}`,
  );
}

function checkRubricInCampaign(campaign: CampaignRow, rubric: string): void {
  const allowed = Object.values(campaign.data.rubricByKind ?? {});
  if (!allowed.includes(rubric)) {
    throw new ApiError(
      422,
      'submission.rubricNotInCampaign',
      `评选活动 ${campaign.id} 不接受 ${rubric} 类申报（可选：${allowed.join('、')}）`,
      `campaign ${campaign.id} does not take ${rubric} entries (allowed: ${allowed.join(', ')})`,
      'rubric',
    );
  }
}

export async function createSubmission(ctx: RouteContext): Promise<ApiResponse> {
  const p = ctx.principal;
  if (p.role === 'reviewer') throw forbidden('评审专家不能提交申报', 'reviewers cannot submit entries', 'submission.forbiddenRole');
  const q = parseOr422(submissionQuerySchema, queryObject(ctx.query), 'query');
  const campaign = await resolveCampaign(ctx.db, q.campaign);
  const upload = await parseUpload(ctx);
  checkRubricInCampaign(campaign, upload.submission.rubric);
  const ent = upload.submission.enterprise;

  let place = { province: canonicalProvince(ent.province), city: ent.city?.trim() || null, district: ent.district?.trim() || null };
  let orgId: string | undefined;
  if (p.role === 'enterprise') {
    const org = p.organisationId ? await getOrganisation(ctx.db, p.organisationId) : undefined;
    if (!org) throw forbidden('您的账号未关联企业', 'your account has no organisation', 'auth.noOrganisation');
    if (ent.uscc && org.uscc && ent.uscc.trim().toUpperCase() !== org.uscc) {
      throw new ApiError(
        403,
        'submission.notYourEnterprise',
        `统一社会信用代码 ${ent.uscc} 不是您所在企业的代码`,
        `USCC ${ent.uscc} is not your enterprise's`,
        'enterprise.uscc',
      );
    }
    orgId = org.id;
    if (org.province) place = { province: org.province, city: org.city, district: org.district };
  } else if (!scopeCoversPlace(p.scope, place)) {
    throw new ApiError(
      403,
      'submission.outOfScope',
      `企业所在地（${[place.province, place.city, place.district].filter(Boolean).join('/') || '未填写'}）不在您的管辖范围内`,
      'the enterprise is located outside your scope',
      'enterprise.province',
    );
  }

  const id = await ctx.db.transaction(
    async (tx) => {
      let enterpriseOrgId = orgId;
      if (!enterpriseOrgId) {
        // A known enterprise keeps its registered place: an officer cannot move it into their scope
        // by typing another province into the form.
        try {
          const found = await enterpriseInScope(tx, p, { name: ent.name, uscc: ent.uscc, place });
          place = found.place;
          enterpriseOrgId = found.organisation.id;
        } catch (e) {
          if (!(e instanceof EnterpriseOutOfScopeError)) throw e;
          throw new ApiError(
            403,
            'submission.outOfScope',
            `企业“${e.organisation.name}”登记在 ${placeText(e.place)}，不在您的管辖范围内`,
            'the enterprise is registered outside your scope',
            'enterprise.province',
          );
        }
      }
      return insertSubmission(tx, {
        campaignId: campaign.id,
        enterpriseOrgId,
        place,
        submission: upload.submission,
        assessment: upload.assessment,
        source: upload.source,
        fileName: upload.fileName,
        readWarnings: upload.readWarnings,
        createdBy: p.userId,
      });
    },
    { actor: actorLabel(p), requestId: ctx.requestId },
  );
  const row = (await getSubmissionRow(ctx.db, id))!;
  return {
    status: 201,
    headers: { location: `/api/v1/submissions/${id}` },
    json: { ...summaryJson(row), assessment: upload.assessment, readWarnings: upload.readWarnings },
  };
}

export async function replaceSubmission(ctx: RouteContext): Promise<ApiResponse> {
  const p = ctx.principal;
  const current = await readableSubmission(ctx.db, p, ctx.params.id!);
  if (p.role === 'reviewer') throw forbidden('评审专家不能修改申报', 'reviewers cannot change entries', 'submission.forbiddenRole');
  const upload = await parseUpload(ctx);
  if (upload.submission.rubric !== current.kind) {
    throw new ApiError(
      422,
      'submission.kindChanged',
      `申报类型不能从 ${current.kind} 改为 ${upload.submission.rubric}`,
      `the kind cannot change from ${current.kind} to ${upload.submission.rubric}`,
      'rubric',
    );
  }
  const version = await ctx.db.transaction(
    async (tx) => {
      const row = await readableSubmission(tx, p, current.id, true);
      if (!EDITABLE_STATUSES.has(row.status)) {
        throw new ApiError(
          409,
          'submission.notEditable',
          `状态为“${row.status}”的申报不能修改（仅草稿或退回时可修改）`,
          `an entry in status ${STATUS_EN[row.status]} cannot be changed (only draft or returned)`,
        );
      }
      const ifMatch = ctx.headers['if-match'];
      if (ifMatch && String(ifMatch).replace(/"/g, '') !== String(row.version)) {
        throw new ApiError(
          409,
          'submission.versionConflict',
          `申报已被他人修改（当前版本 ${row.version}）`,
          `the entry was changed meanwhile (now version ${row.version})`,
        );
      }
      return replaceEvidence(tx, row.id, upload);
    },
    { actor: actorLabel(p), requestId: ctx.requestId },
  );
  return { status: 200, json: { id: current.id, version, assessment: upload.assessment, readWarnings: upload.readWarnings } };
}

export async function listSubmissionsHandler(ctx: RouteContext): Promise<ApiResponse> {
  const q = parseOr422(listQuerySchema, queryObject(ctx.query), 'query');
  const rows = await listSubmissions(ctx.db, ctx.principal, { campaignId: q.campaign, status: q.status, kind: q.kind, limit: q.limit, offset: q.offset });
  return { status: 200, json: { items: rows.map(summaryJson), limit: q.limit, offset: q.offset } };
}

export async function getSubmissionHandler(ctx: RouteContext): Promise<ApiResponse> {
  const row = await readableSubmission(ctx.db, ctx.principal, ctx.params.id!);
  const full = (await getSubmissionFull(ctx.db, row.id))!;
  const history = await getHistory(ctx.db, row.id);
  return {
    status: 200,
    headers: { etag: `"${full.version}"` },
    json: {
      ...summaryJson(full),
      evidence: full.evidence,
      assessment: full.assessment,
      // Where the evidence names another enterprise or USCC than the registry (需核实).
      registryCheck: registryMismatches(full.evidence.enterprise, { name: full.enterprise_name, uscc: full.enterprise_uscc }),
      readWarnings: full.read_warnings,
      source: full.source,
      fileName: full.file_name,
      history: history.map(historyJson),
    },
  };
}

export async function getStatusHandler(ctx: RouteContext): Promise<ApiResponse> {
  const row = await readableSubmission(ctx.db, ctx.principal, ctx.params.id!);
  const campaign = await resolveCampaign(ctx.db, row.campaign_id);
  const d = daysLeft({ deadline: campaign.deadline }, ctx.now());
  return {
    status: 200,
    json: {
      id: row.id,
      status: row.status,
      version: row.version,
      updatedAt: row.updated_at.toISOString(),
      nextStatuses: nextStatuses(row.status),
      deadline: { date: campaign.deadline, passed: d.passed, daysLeft: d.days },
    },
  };
}

export async function getHistoryHandler(ctx: RouteContext): Promise<ApiResponse> {
  const row = await readableSubmission(ctx.db, ctx.principal, ctx.params.id!);
  return { status: 200, json: { id: row.id, status: row.status, history: (await getHistory(ctx.db, row.id)).map(historyJson) } };
}

/** Does every assigned reviewer have a score for each indicator of the assessment? */
async function reviewsComplete(tx: Queryable, submissionId: string): Promise<boolean> {
  const full = (await getSubmissionFull(tx, submissionId))!;
  const codes = full.assessment.indicators.map((i) => i.code);
  const assigned = await listAssignments(tx, submissionId);
  if (assigned.length === 0) return false;
  const scores = await listReviewScores(tx, submissionId);
  return assigned.every((a) => codes.every((c) => scores.some((s) => s.reviewer_id === a.reviewer_id && s.indicator === c)));
}

export async function transitionHandler(ctx: RouteContext): Promise<ApiResponse> {
  const p = ctx.principal;
  const body = parseOr422(transitionBodySchema, readJson(ctx.headers, ctx.body));
  const result = await ctx.db.transaction(
    async (tx) => {
      const row = await readableSubmission(tx, p, ctx.params.id!, true);
      const rule = findTransition(row.status, body.to);
      if (!rule) {
        const next = nextStatuses(row.status);
        throw new ApiError(
          409,
          'workflow.illegalTransition',
          `不能从“${row.status}”转为“${body.to}”（可转为：${next.join('、') || '无'}）`,
          `cannot move from ${STATUS_EN[row.status]} to ${STATUS_EN[body.to]} (allowed: ${next.map((s) => STATUS_EN[s]).join(', ') || 'none'})`,
          'to',
        );
      }
      const roleOk =
        rule.roles.includes(p.role) && (p.role !== 'officer' || !rule.officerLevels || rule.officerLevels.includes(p.scope.level)) && coversSubmission(p, row);
      if (!roleOk) {
        throw forbidden(
          `您的角色无权执行“${rule.zh}”（${row.status} → ${body.to}）`,
          `your role may not ${rule.en} (${STATUS_EN[row.status]} → ${STATUS_EN[body.to]})`,
          'workflow.roleNotAllowed',
        );
      }
      if (body.expectedVersion !== undefined && body.expectedVersion !== row.version) {
        throw new ApiError(
          409,
          'workflow.versionConflict',
          `申报状态已变化（当前版本 ${row.version}，状态“${row.status}”）`,
          `the entry changed meanwhile (now version ${row.version}, ${STATUS_EN[row.status]})`,
          'expectedVersion',
        );
      }
      let overrideReason: string | null = null;
      if (rule.deadlineBound) {
        const campaign = await resolveCampaign(tx, row.campaign_id);
        if (deadlinePassed(campaign.deadline, ctx.now())) {
          if (!body.override) {
            throw new ApiError(
              409,
              'workflow.deadlinePassed',
              `推荐截止日期 ${campaign.deadline} 已过，“${rule.zh}”须由主管部门人员填写理由后超期办理`,
              `the deadline ${campaign.deadline} has passed: an officer must override with a reason`,
              'override',
            );
          }
          if (p.role !== 'officer') {
            throw forbidden('只有市场监管部门人员可以超期办理', 'only an officer may override the deadline', 'workflow.overrideNotAllowed');
          }
          overrideReason = body.override.reason;
        }
      }
      if (row.status === '专家评审' && body.to === '拟评定' && !(await reviewsComplete(tx, row.id))) {
        throw new ApiError(
          409,
          'workflow.reviewsIncomplete',
          '所有评审专家给出全部指标的得分后，才能列入拟评定名单',
          'every assigned reviewer must score every indicator before the entry is proposed',
        );
      }
      const version = await applyTransition(tx, row.id, row.status, body.to, p.userId, body.note ?? null, overrideReason);
      return { id: row.id, from: row.status, status: body.to, version, overrideReason };
    },
    { actor: actorLabel(p), requestId: ctx.requestId },
  );
  return { status: 200, json: { ...result, nextStatuses: nextStatuses(result.status) } };
}
