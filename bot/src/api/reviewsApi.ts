import { aggregatePanel, type Assessment, type Submission } from '@kekao/core';
import { actorLabel } from '../auth/principal.js';
import { coversSubmission, isRecused } from '../auth/access.js';
import { ApiError, forbidden, validationFailed } from '../http/errors.js';
import { readJson } from '../http/jsonBody.js';
import type { ApiResponse, RouteContext } from '../http/routeTypes.js';
import { getSubmissionFull } from '../store/submissions.js';
import { principalForUser } from '../store/users.js';
import { assignReviewer, listAssignments, listReviewers, listReviewScores, upsertReviewScore, type ReviewScoreRow } from '../store/reviews.js';
import { assignmentBodySchema, reviewBodySchema, type ReviewBody } from './schemas.js';
import { parseOr422 } from './validate.js';
import { assessReviewerScores, panelWeights, scoresOf, type ReviewerScores, panelReviewsOf } from '../workflow/reviewScores.js';
import { readableSubmission } from './submissionsApi.js';

const ASSIGNABLE_STATUSES = new Set(['省级审核', '专家评审']);

/** Officers of the province (or the secretariat) with the entry in scope choose the panel. */
function mayManagePanel(ctx: RouteContext, row: Parameters<typeof coversSubmission>[1]): boolean {
  const p = ctx.principal;
  if (p.role === 'secretariat') return coversSubmission(p, row);
  return p.role === 'officer' && p.scope.level === 'province' && coversSubmission(p, row);
}

export async function assignHandler(ctx: RouteContext): Promise<ApiResponse> {
  const p = ctx.principal;
  const body = parseOr422(assignmentBodySchema, readJson(ctx.headers, ctx.body));
  const created = await ctx.db.transaction(
    async (tx) => {
      const row = await readableSubmission(tx, p, ctx.params.id!, true);
      if (!mayManagePanel(ctx, row))
        throw forbidden('只有省级市场监管部门或秘书处可以指派评审专家', 'only provincial officers or the secretariat assign reviewers', 'assignment.forbidden');
      if (!ASSIGNABLE_STATUSES.has(row.status)) {
        throw new ApiError(
          409,
          'assignment.wrongStage',
          `申报处于“${row.status}”，只能在省级审核或专家评审阶段指派专家`,
          'reviewers are assigned during provincial review or expert review only',
        );
      }
      const reviewer = await principalForUser(tx, body.reviewerId);
      if (!reviewer || reviewer.role !== 'reviewer') {
        throw new ApiError(422, 'assignment.notAReviewer', `用户 ${body.reviewerId} 不是评审专家`, `user ${body.reviewerId} is not a reviewer`, 'reviewerId');
      }
      if (isRecused(reviewer, row)) {
        throw new ApiError(
          409,
          'assignment.recused',
          `评审专家“${reviewer.name}”与申报企业存在利益关系，应予回避（DB31/T 1368—2022 5.2）`,
          `reviewer ${reviewer.name} is affiliated with the enterprise and must recuse (DB31/T 1368—2022 §5.2)`,
          'reviewerId',
        );
      }
      return assignReviewer(tx, row.id, reviewer.userId, p.userId);
    },
    { actor: actorLabel(p), requestId: ctx.requestId },
  );
  return { status: created ? 201 : 200, json: { submissionId: ctx.params.id, reviewerId: body.reviewerId, created } };
}

export async function listAssignmentsHandler(ctx: RouteContext): Promise<ApiResponse> {
  const row = await readableSubmission(ctx.db, ctx.principal, ctx.params.id!);
  if (ctx.principal.role === 'enterprise' || ctx.principal.role === 'reviewer') {
    throw forbidden('评审专家名单保密（DB31/T 1368—2022 5.2）', 'the panel is confidential (DB31/T 1368—2022 §5.2)', 'assignment.confidential');
  }
  const rows = await listAssignments(ctx.db, row.id);
  return { status: 200, json: { items: rows.map((a) => ({ reviewerId: a.reviewer_id, name: a.reviewer_name, assignedAt: a.assigned_at.toISOString() })) } };
}

export async function listReviewersHandler(ctx: RouteContext): Promise<ApiResponse> {
  const p = ctx.principal;
  if (!(p.role === 'secretariat' || (p.role === 'officer' && p.scope.level === 'province'))) {
    throw forbidden('只有省级市场监管部门或秘书处可以查看专家库', 'only provincial officers or the secretariat see the reviewer pool', 'assignment.forbidden');
  }
  const rows = await listReviewers(ctx.db);
  return { status: 200, json: { items: rows.map((r) => ({ id: r.id, name: r.name, organisationId: r.organisation_id, organisation: r.organisation_name })) } };
}

/**
 * Validates one reviewer's scores against the rubric through core: raw score range (0–100 or the
 * item maximum) and a reason when outside the suggested band. Returns the reviewer's assessment.
 */
function checkScores(s: Submission, stored: Assessment, scores: ReviewerScores, changed: readonly string[]): Assessment {
  const codes = new Set(stored.indicators.map((i) => i.code));
  const unknown = changed.filter((c) => !codes.has(c));
  if (unknown.length > 0) {
    throw validationFailed(
      unknown.map((c) => ({
        path: `scores.${c}`,
        key: 'review.unknownIndicator',
        zh: `scores.${c}：“${c}”不是本评价要求的指标（可选：${[...codes].join('、')}）`,
        en: `scores.${c}: "${c}" is not an indicator of this rubric (allowed: ${[...codes].join(', ')})`,
      })),
    );
  }
  const r = assessReviewerScores(s, scores, changed);
  if (r.ok) return r.assessment;
  if (r.errors) throw validationFailed(r.errors);
  const issues = r.issues.flatMap(({ code, problems }) =>
    problems.map((n) => ({ path: `scores.${code}`, key: n.key, zh: `scores.${code}：${n.zh}`, en: `scores.${code}: ${n.en}` })),
  );
  throw validationFailed(issues, 'review.invalidScore');
}

export async function reviewHandler(ctx: RouteContext): Promise<ApiResponse> {
  const p = ctx.principal;
  const body: ReviewBody = parseOr422(reviewBodySchema, readJson(ctx.headers, ctx.body));
  const result = await ctx.db.transaction(
    async (tx) => {
      const row = await readableSubmission(tx, p, ctx.params.id!, true);
      if (p.role !== 'reviewer') throw forbidden('只有被指派的评审专家可以评分', 'only assigned reviewers score entries', 'review.reviewersOnly');
      if (row.status !== '专家评审') {
        throw new ApiError(409, 'review.notInReview', `申报处于“${row.status}”，只能在专家评审阶段评分`, 'scores are entered during the expert review only');
      }
      const full = (await getSubmissionFull(tx, row.id))!;
      const merged = { ...scoresOf(await listReviewScores(tx, row.id, p.userId)), ...body.scores };
      const assessment = checkScores(full.evidence, full.assessment, merged, Object.keys(body.scores));
      for (const [code, score] of Object.entries(body.scores)) await upsertReviewScore(tx, row.id, p.userId, code, score);
      return { scores: merged, total: assessment.total, complete: assessment.complete, missingScores: assessment.missingScores };
    },
    { actor: actorLabel(p), requestId: ctx.requestId },
  );
  return { status: 200, json: { submissionId: ctx.params.id, reviewerId: p.userId, ...result } };
}

export async function panelHandler(ctx: RouteContext): Promise<ApiResponse> {
  const p = ctx.principal;
  const row = await readableSubmission(ctx.db, p, ctx.params.id!);
  if (p.role === 'enterprise') {
    throw forbidden('评审中间结果保密（DB31/T 1368—2022 5.2）', 'intermediate review results are confidential (DB31/T 1368—2022 §5.2)', 'panel.confidential');
  }
  const full = (await getSubmissionFull(ctx.db, row.id))!;
  const rows = await listReviewScores(ctx.db, row.id);
  const assignments = await listAssignments(ctx.db, row.id);
  const byReviewer = new Map<string, ReviewScoreRow[]>();
  for (const r of rows) byReviewer.set(r.reviewer_id, [...(byReviewer.get(r.reviewer_id) ?? []), r]);
  const reviews = panelReviewsOf(rows);
  const aggregate = aggregatePanel(reviews, panelWeights(full.assessment));
  const names = new Map(assignments.map((a) => [a.reviewer_id, a.reviewer_name]));
  if (p.role === 'reviewer') {
    // Reviewers see the panel's aggregate and their own scores, not who gave what (5.2).
    const alias = new Map(reviews.map((r, i) => [r.reviewerId, r.reviewerId === p.userId ? 'me' : `R${i + 1}`]));
    return {
      status: 200,
      json: {
        submissionId: row.id,
        assigned: assignments.length,
        aggregate: { ...aggregate, reviewerTotals: aggregate.reviewerTotals.map((t) => ({ ...t, reviewerId: alias.get(t.reviewerId)! })) },
        mine: scoresOf(byReviewer.get(p.userId) ?? []),
      },
    };
  }
  return {
    status: 200,
    json: {
      submissionId: row.id,
      assigned: assignments.length,
      aggregate,
      reviewers: assignments.map((a) => ({ reviewerId: a.reviewer_id, name: names.get(a.reviewer_id), scores: scoresOf(byReviewer.get(a.reviewer_id) ?? []) })),
    },
  };
}
