import { z } from 'zod/v4';
import { submissionSchema } from '@kekao/core';
import type { RouteDef } from '../http/routeTypes.js';
import { ROLES } from '../auth/principal.js';
import type { Config } from '../config.js';
import * as s from './schemas.js';
import {
  createSubmission, getHistoryHandler, getStatusHandler, getSubmissionHandler, listSubmissionsHandler, replaceSubmission, transitionHandler, XLSX_TYPE,
} from './submissionsApi.js';
import { assignHandler, listAssignmentsHandler, listReviewersHandler, panelHandler, reviewHandler } from './reviewsApi.js';
import { createAssistanceHandler, getAssistanceHandler, listAssistanceHandler, updateAssistanceHandler } from './assistanceApi.js';
import { exportSummaryHandler } from './exportApi.js';
import { getCampaignHandler, listCampaignsHandler, meHandler } from './miscApi.js';

const err = (description: string) => ({ description, schema: s.errorResponseSchema });
const COMMON = { 401: err('缺少或无效的令牌 / missing or invalid bearer token') };
const NOT_FOUND = { 404: err('不存在或不在权限范围内 / not found or not in scope') };
const json = (description: string, schema?: z.ZodType) => ({ description, ...(schema ? { schema } : {}) });
const KIB = 1024;
/** Uploads take the larger of the workbook and JSON limits; the handler then applies the one of the type received. */
const uploadLimit = (c: Config) => Math.max(c.maxUploadBytes, c.maxJsonBytes);
const upload = { contentTypes: { 'application/json': submissionSchema as z.ZodType, [XLSX_TYPE]: 'binary' as const }, required: true };

/**
 * Every /api/v1 operation. The HTTP layer (http/apiRoutes.ts) makes one Fastify route of each
 * entry — path parameters validated with `params` (a UUID `id` when absent), bodies limited to
 * `bodyLimit` — and openapi.ts documents the same entries with the same zod schemas.
 */
export const ROUTES: readonly RouteDef[] = [
  {
    method: 'GET', path: '/api/v1/me', operationId: 'getMe', tag: 'auth', roles: ROLES,
    summary: { zh: '当前用户', en: 'The caller' }, responses: { 200: json('当前用户 / the caller'), ...COMMON }, handler: meHandler,
  },
  {
    method: 'GET', path: '/api/v1/campaigns', operationId: 'listCampaigns', tag: 'campaigns', roles: ROLES,
    summary: { zh: '评选活动列表', en: 'Campaigns' }, responses: { 200: json('活动 / campaigns'), ...COMMON }, handler: listCampaignsHandler,
  },
  {
    method: 'GET', path: '/api/v1/campaigns/{id}', operationId: 'getCampaign', tag: 'campaigns', roles: ROLES,
    summary: { zh: '评选活动（截止日期、材料、流程）', en: 'A campaign (deadline, materials, flow)' }, params: s.campaignParamsSchema,
    responses: { 200: json('活动 / campaign'), ...COMMON, ...NOT_FOUND }, handler: getCampaignHandler,
  },
  {
    method: 'POST', path: '/api/v1/submissions', operationId: 'createSubmission', tag: 'submissions', roles: ['enterprise', 'officer', 'secretariat'],
    summary: { zh: '上传推荐表（xlsx 工作簿或 JSON），返回评估结果', en: 'Upload a workbook (xlsx) or JSON submission; returns the assessment' },
    query: s.submissionQuerySchema, requestBody: upload, bodyLimit: uploadLimit,
    responses: {
      201: json('已保存（草稿）/ stored as draft', s.submissionSummarySchema), ...COMMON,
      403: err('无权提交 / not allowed'), 413: err('超过大小上限 / too large'), 415: err('不支持的类型 / unsupported media type'),
      422: err('内容无效（字段路径或工作表!单元格）/ invalid (field path or sheet!cell)'),
    },
    handler: createSubmission,
  },
  {
    method: 'GET', path: '/api/v1/submissions', operationId: 'listSubmissions', tag: 'submissions', roles: ROLES,
    summary: { zh: '权限范围内的申报列表', en: 'Submissions in the caller\'s scope' }, query: s.listQuerySchema,
    responses: { 200: json('列表 / list', z.object({ items: z.array(s.submissionSummarySchema), limit: z.number(), offset: z.number() })), ...COMMON },
    handler: listSubmissionsHandler,
  },
  {
    method: 'GET', path: '/api/v1/submissions/{id}', operationId: 'getSubmission', tag: 'submissions', roles: ROLES,
    summary: { zh: '申报详情（内容、评估、流程记录）', en: 'A submission (evidence, assessment, history)' },
    responses: { 200: json('详情 / detail', s.submissionDetailSchema), ...COMMON, ...NOT_FOUND }, handler: getSubmissionHandler,
  },
  {
    method: 'PUT', path: '/api/v1/submissions/{id}', operationId: 'replaceSubmission', tag: 'submissions', roles: ['enterprise', 'officer', 'secretariat'],
    summary: { zh: '修改申报内容（草稿或退回时），生成新版本', en: 'Replace the evidence (draft or returned only); a new version' },
    requestBody: upload, bodyLimit: uploadLimit,
    responses: { 200: json('新版本 / new version'), ...COMMON, ...NOT_FOUND, 409: err('状态不允许修改 / not editable'), 422: err('内容无效 / invalid') },
    handler: replaceSubmission,
  },
  {
    method: 'GET', path: '/api/v1/submissions/{id}/status', operationId: 'getSubmissionStatus', tag: 'submissions', roles: ROLES,
    summary: { zh: '申报状态与下一步', en: 'Status and next steps' },
    responses: { 200: json('状态 / status', s.statusResponseSchema), ...COMMON, ...NOT_FOUND }, handler: getStatusHandler,
  },
  {
    method: 'GET', path: '/api/v1/submissions/{id}/history', operationId: 'getSubmissionHistory', tag: 'submissions', roles: ROLES,
    summary: { zh: '流程记录', en: 'Status history' },
    responses: { 200: json('记录 / history', z.object({ id: z.string(), status: s.statusSchema, history: z.array(s.historyEntrySchema) })), ...COMMON, ...NOT_FOUND },
    handler: getHistoryHandler,
  },
  {
    method: 'POST', path: '/api/v1/submissions/{id}/transitions', operationId: 'transitionSubmission', tag: 'workflow', roles: ['enterprise', 'officer', 'secretariat'],
    summary: { zh: '流转申报状态（截止后须主管部门填写理由超期办理）', en: 'Move the submission through the flow (after the deadline an officer overrides with a reason)' },
    requestBody: { contentTypes: { 'application/json': s.transitionBodySchema }, required: true }, bodyLimit: 64 * KIB,
    responses: {
      200: json('已流转 / moved'), ...COMMON, 403: err('角色无权 / role not allowed'), ...NOT_FOUND,
      409: err('非法流转、版本冲突或已过截止日期 / illegal transition, version conflict or deadline passed'), 422: err('内容无效 / invalid'),
    },
    handler: transitionHandler,
  },
  {
    method: 'GET', path: '/api/v1/reviewers', operationId: 'listReviewers', tag: 'review', roles: ['officer', 'secretariat'],
    summary: { zh: '评审专家库', en: 'The reviewer pool' }, responses: { 200: json('专家 / reviewers'), ...COMMON, 403: err('无权 / not allowed') },
    handler: listReviewersHandler,
  },
  {
    method: 'POST', path: '/api/v1/submissions/{id}/assignments', operationId: 'assignReviewer', tag: 'review', roles: ['officer', 'secretariat'],
    summary: { zh: '指派评审专家（与企业有关联的专家须回避）', en: 'Assign a reviewer (recusal when affiliated with the enterprise)' },
    requestBody: { contentTypes: { 'application/json': s.assignmentBodySchema }, required: true }, bodyLimit: 16 * KIB,
    responses: { 201: json('已指派 / assigned'), 200: json('已是评审 / already assigned'), ...COMMON, 403: err('无权 / not allowed'), ...NOT_FOUND, 409: err('回避或阶段不符 / recusal or wrong stage'), 422: err('内容无效 / invalid') },
    handler: assignHandler,
  },
  {
    method: 'GET', path: '/api/v1/submissions/{id}/assignments', operationId: 'listAssignments', tag: 'review', roles: ['officer', 'secretariat'],
    summary: { zh: '评审专家名单', en: 'The panel of an entry' }, responses: { 200: json('名单 / panel'), ...COMMON, 403: err('保密 / confidential'), ...NOT_FOUND },
    handler: listAssignmentsHandler,
  },
  {
    method: 'PUT', path: '/api/v1/submissions/{id}/reviews', operationId: 'recordReview', tag: 'review', roles: ['reviewer'],
    summary: { zh: '录入本人评分（0–100；超出建议分段须写理由）', en: 'Record my scores (0–100; a reason when outside the suggested band)' },
    requestBody: { contentTypes: { 'application/json': s.reviewBodySchema }, required: true }, bodyLimit: 256 * KIB,
    responses: { 200: json('已保存 / saved'), ...COMMON, 403: err('无权 / not allowed'), ...NOT_FOUND, 409: err('不在评审阶段 / not in review'), 422: err('评分无效 / invalid score') },
    handler: reviewHandler,
  },
  {
    method: 'GET', path: '/api/v1/submissions/{id}/panel', operationId: 'getPanel', tag: 'review', roles: ['officer', 'reviewer', 'secretariat'],
    summary: { zh: '专家组汇总（平均分、分歧）', en: 'Panel aggregate (mean, disagreement)' },
    responses: { 200: json('汇总 / aggregate'), ...COMMON, 403: err('保密 / confidential'), ...NOT_FOUND }, handler: panelHandler,
  },
  {
    method: 'POST', path: '/api/v1/assistance-cases', operationId: 'openAssistanceCase', tag: 'assistance', roles: ['enterprise', 'officer', 'secretariat'],
    summary: { zh: '受理帮扶（附录A.1申请表），返回分诊结论与理由', en: 'Open an assistance case (Annex A.1), with the triage decision and reason' },
    requestBody: { contentTypes: { 'application/json': s.assistanceCreateSchema }, required: true }, bodyLimit: 256 * KIB,
    responses: { 201: json('已受理 / opened'), ...COMMON, 403: err('无权 / not allowed'), 422: err('内容无效 / invalid') },
    handler: createAssistanceHandler,
  },
  {
    method: 'GET', path: '/api/v1/assistance-cases', operationId: 'listAssistanceCases', tag: 'assistance', roles: ['enterprise', 'officer', 'secretariat'],
    summary: { zh: '帮扶案件列表', en: 'Assistance cases in scope' }, responses: { 200: json('列表 / list'), ...COMMON, 403: err('无权 / not allowed') },
    handler: listAssistanceHandler,
  },
  {
    method: 'GET', path: '/api/v1/assistance-cases/{id}', operationId: 'getAssistanceCase', tag: 'assistance', roles: ['enterprise', 'officer', 'secretariat'],
    summary: { zh: '帮扶案件（清单、工作记录、表D.2指标）', en: 'An assistance case (list, work records, table D.2 KPIs)' },
    responses: { 200: json('案件 / case'), ...COMMON, ...NOT_FOUND }, handler: getAssistanceHandler,
  },
  {
    method: 'PATCH', path: '/api/v1/assistance-cases/{id}', operationId: 'updateAssistanceCase', tag: 'assistance', roles: ['officer', 'secretariat'],
    summary: { zh: '更新帮扶案件（清单项、工作记录、指标数据、结案）', en: 'Update a case (list items, work records, KPI data, close)' },
    requestBody: { contentTypes: { 'application/json': s.assistanceUpdateSchema }, required: true }, bodyLimit: 1024 * KIB,
    responses: { 200: json('案件 / case'), ...COMMON, 403: err('无权 / not allowed'), ...NOT_FOUND, 409: err('已结案或版本冲突 / closed or conflict'), 422: err('内容无效 / invalid') },
    handler: updateAssistanceHandler,
  },
  {
    method: 'GET', path: '/api/v1/exports/summary.xlsx', operationId: 'exportSummary', tag: 'exports', roles: ['officer', 'secretariat'],
    summary: { zh: '导出推荐汇总表（附件5/6）及全部评分', en: 'Export the 推荐汇总表 (Annex 5/6) and all scores' }, query: s.exportQuerySchema,
    responses: { 200: { description: 'xlsx', contentType: XLSX_TYPE }, ...COMMON, 403: err('无权 / not allowed') },
    handler: exportSummaryHandler,
  },
];
