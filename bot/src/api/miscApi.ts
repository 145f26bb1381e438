import { daysLeft } from '@kekao/core';
import { formatScope } from '../auth/scope.js';
import { notFound } from '../http/errors.js';
import type { ApiResponse, RouteContext } from '../http/routeTypes.js';
import { getCampaign, listCampaigns, type CampaignRow } from '../store/campaigns.js';

export async function meHandler(ctx: RouteContext): Promise<ApiResponse> {
  const p = ctx.principal;
  return { status: 200, json: { id: p.userId, name: p.name, role: p.role, scope: formatScope(p.scope), organisationId: p.organisationId } };
}

function campaignJson(c: CampaignRow, now: Date) {
  const d = daysLeft({ deadline: c.deadline }, now);
  return { id: c.id, year: c.year, title: c.title, deadline: c.deadline, daysLeft: d.days, deadlinePassed: d.passed };
}

export async function listCampaignsHandler(ctx: RouteContext): Promise<ApiResponse> {
  const now = ctx.now();
  return { status: 200, json: { items: (await listCampaigns(ctx.db)).map((c) => campaignJson(c, now)) } };
}

export async function getCampaignHandler(ctx: RouteContext): Promise<ApiResponse> {
  const c = await getCampaign(ctx.db, ctx.params.id!);
  if (!c) throw notFound('评选活动', 'campaign');
  return { status: 200, json: { ...campaignJson(c, ctx.now()), campaign: c.data } };
}
