import {
  aggregatePanel,
  assistanceApplicationSchema,
  contactForProvince,
  daysLeft,
  provincialContacts,
  routingRule,
  triageAssistance,
  triageInputFromApplication,
  type Assessment,
  type Campaign,
  type ProvincialContact,
} from '@kekao/core';
import { validateUscc } from '@kekao/core/workbook';
import type { Database } from '../db/database.js';
import { divisionName } from './places/divisions.js';
import type { Principal } from '../auth/principal.js';
import { describeScope } from '../auth/scope.js';
import { scopeCondition } from '../auth/scopeSql.js';
import { canReadSubmission } from '../auth/access.js';
import { DatabaseBotStorage } from '../store/botState.js';
import { latestCampaign } from '../store/campaigns.js';
import { principalForIdentity, principalForUser } from '../store/users.js';
import { getHistories, getSubmissionFull, getSubmissionsFull, listSubmissions } from '../store/submissions.js';
import { listReviewScores, listReviewScoresOf, upsertReviewScore } from '../store/reviews.js';
import { TRANSITIONS } from '../workflow/transitions.js';
import { assessReviewerScores, panelWeights, scoresOf, panelReviewsOf } from '../workflow/reviewScores.js';
import { STATUSES } from '../workflow/statuses.js';
import { assistancePort } from './serviceAssistance.js';
import type {
  AssistanceLocation,
  Bilingual,
  CampaignView,
  ConversationPorts,
  DigestEntry,
  Identity,
  NotifyPort,
  ProgrammeContact,
  ProgrammePort,
  TriageResult,
} from './ports.js';
import type { ChatUser } from './types.js';

/**
 * The conversation ports implemented over core (programme rules, scoring) and the service's
 * database and stores. Access control is the service's: the same scope SQL and recusal rule the
 * REST API uses.
 */

/** Names of a location as the service stores places (province with 省/市; city; district). */
export function placeNames(loc: AssistanceLocation): { province: string; city: string | null; district: string | null } {
  return {
    province: divisionName(loc.provinceCode) ?? loc.provinceCode,
    city: divisionName(loc.cityCode) ?? null,
    district: divisionName(loc.districtCode) ?? null,
  };
}

/** The A.1 answers as core's application (skipped optional fields are absent, not null). */
export function applicationOf(answers: Record<string, unknown>) {
  const form = Object.fromEntries(Object.entries(answers).filter(([k, v]) => k !== 'uscc' && v !== null && v !== undefined));
  return assistanceApplicationSchema.parse(form);
}

function programmeContactOf(c: ProvincialContact): ProgrammeContact {
  return Object.freeze({ provinceCode: c.code, province: c.province.zh, authority: c.authority.zh, person: c.person, phone: c.phone });
}

/**
 * The eight contacts by province code, built once: a contact question looks up every one of them
 * (is a contact named by person?) and the provinces it resolved. Frozen, since every turn shares them.
 */
const contactsByCode: ReadonlyMap<string, ProgrammeContact> = new Map(provincialContacts.map((c) => [c.code, programmeContactOf(c)]));

export const programmePort: ProgrammePort = {
  coveredProvinceCodes: provincialContacts.map((c) => c.code),
  contactForProvince(code) {
    const known = contactsByCode.get(code);
    if (known) return known;
    const c = contactForProvince(code);
    return c ? programmeContactOf(c) : undefined;
  },
  routingRule: {
    zh: `${routingRule.text.zh}（通知原文：“${routingRule.quote}”）`,
    en: `${routingRule.text.en} (the notice, in the original Chinese: “${routingRule.quote}”)`,
  },
  daysLeft(campaign, today) {
    // core counts calendar days in Asia/Shanghai; noon of the Beijing date is that date.
    return daysLeft({ deadline: campaign.deadline }, new Date(`${today}T12:00:00+08:00`)).days;
  },
  usccProblem(code) {
    const r = validateUscc(code);
    return r.ok ? undefined : { zh: r.zh, en: r.en, key: r.key };
  },
  triage(answers): TriageResult {
    const app = applicationOf(answers);
    const r = triageAssistance(triageInputFromApplication(app));
    return {
      decision: r.decision,
      reasons: [...r.reasons, ...r.warnings].map((n) => ({ zh: n.zh, en: n.en })),
      clause: `${r.source.document} ${r.source.clause}`,
      record: r,
    };
  },
};

export function campaignView(c: Campaign): CampaignView {
  const src = (s: { document: string; clause: string }) => `${s.document} ${s.clause}`;
  return {
    id: c.id,
    year: c.year,
    title: c.title,
    deadline: c.deadline,
    materials: c.materials.map((m) => ({ zh: m.zh, en: m.en })),
    forms: c.forms.filter((f) => f.role === 'recommendation-form').map((f) => ({ annex: f.annex, title: f.title })),
    // In English each step also quotes the notice's own words (once, at the first step they cover):
    // "予以公示" and "初审" are the terms people meet in the documents.
    flow: c.stages.map((s, i) => ({
      zh: `${s.label.zh}（${s.actor.zh}）`,
      en: `${s.label.en} (${s.actor.en})${c.stages[i - 1]?.quote === s.quote ? '' : ` — notice: “${s.quote}”`}`,
    })),
    flowClauses: c.stages.map((s) => ({ quote: s.quote, citation: src(s.source) })),
    source: `${src(c.source).replace(/ 正文$/, '')}（${c.materials
      .map((m) => m.source.clause)
      .filter((v, i, a) => a.indexOf(v) === i)
      .join('、')}）`,
  };
}

export interface BindingOptions {
  db: Database;
  /** The channel name used in the identity table (`user_identities.channel`). */
  channel: string;
  now: () => Date;
  notify: NotifyPort;
  /**
   * Channels whose linked users can be messaged without a stored conversation (WeCom sends to a
   * member by UserID), so a reviewer linked there is reachable for the digest.
   */
  reachableChannels?: readonly string[];
}

export function createServicePorts(o: BindingOptions): ConversationPorts {
  const { db } = o;
  const storage = new DatabaseBotStorage(db);

  async function principalOf(identity: Identity): Promise<Principal> {
    const p = await principalForUser(db, identity.userId);
    if (!p) throw new Error(`user ${identity.userId} is gone`);
    return p;
  }

  async function resolve(user: ChatUser): Promise<Identity | undefined> {
    // An identity the channel does not vouch for is only a claim: it maps to nobody.
    if (user.verified !== true) return undefined;
    // The AAD object id is the stable identity; the channel user id is the fallback (emulators).
    const ids = [user.aadObjectId, user.channelUserId].filter((v): v is string => !!v);
    for (const id of ids) {
      const p = await principalForIdentity(db, o.channel, id);
      if (p) {
        let orgName: string | null = null;
        if (p.organisationId)
          orgName = (await db.query<{ name: string }>('SELECT name FROM organisations WHERE id = $1', [p.organisationId])).rows[0]?.name ?? null;
        return { userId: p.userId, role: p.role, name: p.name, scopeLabel: describeScope(p.scope, orgName) };
      }
    }
    return undefined;
  }

  async function assignedEntries(identity: Identity): Promise<DigestEntry[]> {
    const p = await principalOf(identity);
    if (p.role !== 'reviewer') return [];
    const rows = await listSubmissions(db, p, { limit: 100, offset: 0 });
    const ids = rows.map((r) => r.id);
    const [fulls, scoresById] = await Promise.all([getSubmissionsFull(db, ids), listReviewScoresOf(db, ids)]);
    const out: DigestEntry[] = [];
    for (const row of rows) {
      const full = fulls.get(row.id);
      if (!full) continue;
      const a: Assessment = full.assessment;
      const scores = scoresById.get(row.id) ?? [];
      // The same panel input as GET /api/v1/submissions/{id}/panel (rubric note (d): fraud counts 0).
      const reviews = panelReviewsOf(scores);
      const panel = aggregatePanel(reviews, panelWeights(a));
      const mine: Record<string, number> = {};
      for (const s of scores) if (s.reviewer_id === p.userId) mine[s.indicator] = s.raw;
      out.push({
        submissionId: row.id,
        enterprise: row.enterprise_name,
        product: row.subject_name,
        status: row.status,
        rubric: a.rubric,
        indicators: a.indicators.map((i) => {
          const pi = panel.indicators.find((x) => x.code === i.code);
          return {
            code: i.code,
            name: i.name.zh,
            suggestedBand: i.suggestedBand,
            evidence: i.reasons.map((r) => r.zh),
            warnings: i.warnings.map((w) => w.zh),
            myRawScore: mine[i.code] ?? null,
            ...(pi?.disagreement && pi.min !== null && pi.max !== null ? { disagreement: { min: pi.min, max: pi.max } } : {}),
          };
        }),
        redFlags: a.flags.map((f) => `${f.place}：${f.message.zh}`),
        panel: { reviewers: panel.reviewerCount, mean: panel.score, disagreement: panel.disagreement },
      });
    }
    return out;
  }

  return {
    now: o.now,
    programme: programmePort,
    notify: o.notify,
    campaigns: {
      async current() {
        const row = await latestCampaign(db);
        return row ? campaignView(row.data) : undefined;
      },
    },
    identities: { resolve },
    state: {
      async load(key) {
        const items = await storage.read([key]);
        const item = items[key];
        if (!item) return undefined;
        const { eTag, ...value } = item;
        return { value, etag: eTag ?? '' };
      },
      async save(key, value, etag) {
        await storage.write({ [key]: { ...(value as Record<string, unknown>), ...(etag ? { eTag: etag } : {}) } });
      },
      createIfAbsent: (key, value) => storage.insertIfAbsent(key, value as Record<string, unknown>),
      async remove(key) {
        await storage.delete([key]);
      },
    },
    assistance: assistancePort(db, { channel: o.channel, now: o.now, principalOf }),
    submissions: {
      async visibleTo(identity, filter) {
        const p = await principalOf(identity);
        const rows = await listSubmissions(db, p, { limit: 500, offset: 0 });
        const wanted = filter.enterprise?.toLowerCase();
        const matched = wanted ? rows.filter((r) => r.enterprise_name.toLowerCase().includes(wanted) || r.subject_name.toLowerCase().includes(wanted)) : rows;
        const histories = await getHistories(
          db,
          matched.map((r) => r.id),
        );
        return matched.map((r) => {
          const hist = histories.get(r.id) ?? [];
          return {
            id: r.id,
            enterprise: r.enterprise_name,
            product: r.subject_name,
            kind: r.kind,
            province: r.province ?? undefined,
            status: r.status,
            history: hist.map((h) => ({
              status: h.to_status,
              actor: h.actor_name,
              at: new Date(h.at).toISOString(),
              note: h.note ?? h.override_reason ?? undefined,
            })),
            nextSteps: TRANSITIONS.filter((tr) => tr.from === r.status && tr.to !== '撤回').map((tr) => `${tr.to}（${tr.zh}）`),
          };
        });
      },
    },
    reviews: {
      assignedEntries,
      async reachableReviewers() {
        const r = await db.query<{ id: string; name: string }>(
          `SELECT u.id, u.name FROM users u
           WHERE u.role = 'reviewer' AND u.disabled_at IS NULL
             AND (EXISTS (SELECT 1 FROM conversation_references c WHERE c.user_id = u.id AND c.verified)
                  OR EXISTS (SELECT 1 FROM user_identities i WHERE i.user_id = u.id AND i.channel = ANY($1::text[])))
           ORDER BY u.name`,
          [[...(o.reachableChannels ?? [])]],
        );
        return r.rows.map((u) => ({ userId: u.id, role: 'reviewer' as const, name: u.name, scopeLabel: '分配给您的评审条目' }));
      },
      async recordScore(identity, input) {
        const p = await principalOf(identity);
        const full = await getSubmissionFull(db, input.submissionId);
        // The reviewer rule of GET/POST /api/v1/submissions/{id}/reviews: assigned and not recused.
        if (!full || p.role !== 'reviewer' || !(await canReadSubmission(db, p, full))) {
          return { ok: false, problems: [{ zh: '该条目未分配给您，不能评分', en: 'this entry is not assigned to you' }] };
        }
        const ind = full.assessment.indicators.find((i) => i.code === input.indicator);
        if (!ind) return { ok: false, problems: [{ zh: `未知指标 ${input.indicator}`, en: `unknown indicator ${input.indicator}` }] };
        if (full.status !== '专家评审') {
          return {
            ok: false,
            problems: [
              {
                zh: `申报处于“${full.status}”，只能在专家评审阶段评分`,
                en: `the entry is at "${full.status}"; scores are entered during the expert review only`,
              },
            ],
          };
        }
        // The same validation as POST /api/v1/submissions/{id}/reviews: the reviewer's scores
        // merged into the submission and assessed by core (range, reason outside the band).
        const own = await listReviewScores(db, input.submissionId, p.userId);
        // A fraud mark set through the API stays: the chat changes the raw score and reason only.
        const fraud = own.find((r) => r.indicator === ind.code)?.fraud === true;
        const scores = {
          ...scoresOf(own),
          [ind.code]: { raw: input.raw, ...(input.reason ? { reason: input.reason } : {}), ...(fraud ? { fraud: true } : {}) },
        };
        const checked = assessReviewerScores(full.evidence, scores, [ind.code]);
        if (!checked.ok) {
          const problems = checked.errors ?? checked.issues.flatMap((i) => i.problems);
          return { ok: false, problems: problems.map((n): Bilingual => ({ zh: n.zh, en: n.en })) };
        }
        await db.transaction((tx) => upsertReviewScore(tx, input.submissionId, p.userId, ind.code, { raw: input.raw, reason: input.reason, fraud }), {
          actor: `user:${p.userId}`,
        });
        return { ok: true };
      },
      async countsByProvinceAndStage(identity) {
        const p = await principalOf(identity);
        const params: unknown[] = [];
        const where = scopeCondition(p, params);
        const r = await db.query<{ province: string | null; status: string; count: number }>(
          `SELECT t.province, t.status, count(*)::int AS count FROM submissions t WHERE ${where} GROUP BY t.province, t.status ORDER BY t.province NULLS LAST, t.status`,
          params,
        );
        const order = (s: string) => (STATUSES as readonly string[]).indexOf(s);
        return r.rows
          .map((x) => ({ province: x.province ?? '（未填省份）', status: x.status, count: x.count }))
          .sort((a, b) => a.province.localeCompare(b.province, 'zh') || order(a.status) - order(b.status));
      },
    },
  };
}
