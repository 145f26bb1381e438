import type { Database } from '../db/database.js';
import type { Principal } from '../auth/principal.js';
import { scopeCoversPlace, type Scope } from '../auth/scope.js';
import { scopeOfRow } from '../store/users.js';
import { getAssistanceCaseByRequestKey, listAssistanceCases, openCasesOf, type AssistanceCaseRow } from '../store/assistance.js';
import { openAssistanceCase, openUnverifiedCase } from '../workflow/openAssistanceCase.js';
import { problemSummary } from './intakeCompletion.js';
import type { AssistanceCaseView, AssistancePort, Identity, TriageResult } from './ports.js';
import { applicationOf, placeNames } from './serviceBindings.js';

/**
 * The assistance port over the database: cases opened through the same workflow as
 * POST /api/v1/assistance-cases (who may open one, for which place), numbered BF-year-sequence,
 * idempotent on the chat card's submission id; applicants without an account open 未核验 cases.
 */

export function assistancePort(db: Database, o: { channel: string; now: () => Date; principalOf: (i: Identity) => Promise<Principal> }): AssistancePort {
  function view(c: AssistanceCaseRow): AssistanceCaseView {
    const intake = c.intake as { application?: Record<string, unknown> };
    const a = intake.application ?? {};
    return {
      id: c.id,
      caseNo: c.case_no,
      enterprise: c.enterprise_name,
      place: [c.province, c.city, c.district].filter(Boolean).join(''),
      status: c.status,
      verification: c.verification,
      decision: (c.triage as { decision?: TriageResult['decision'] }).decision ?? null,
      openedAt: new Date(c.opened_at).toISOString(),
      contact: typeof a.contact === 'string' ? a.contact : undefined,
      phone: typeof a.phone === 'string' ? a.phone : undefined,
      problem: problemSummary(a, 'zh'),
      items: 0,
      records: 0,
    };
  }

  return {
    async createCase({ answers, location, triage, identity, applicant, requestKey }) {
      const { uscc } = answers;
      const intake = { application: applicationOf(answers), uscc: uscc ?? null, supervision: null, review: null, via: 'chat' };
      if (!identity) {
        const opened = await openUnverifiedCase(db, {
          enterprise: { name: String(answers.orgName), place: placeNames(location) },
          applicant: { channel: o.channel, channelUserId: applicant.channelUserId, ...(applicant.name ? { name: applicant.name } : {}) },
          intake,
          triage: triage.record ?? triage,
          requestKey,
          requestId: 'chat:assistance-intake',
          now: o.now(),
        });
        return opened;
      }
      const opened = await openAssistanceCase(db, {
        principal: await o.principalOf(identity),
        trigger: 'application',
        enterprise: { name: String(answers.orgName), uscc: typeof uscc === 'string' ? uscc : null, place: placeNames(location) },
        intake,
        triage: () => triage.record ?? triage,
        requestId: 'chat:assistance-intake',
        requestKey,
        now: o.now(),
      });
      if ('refused' in opened) return { refused: { zh: opened.refused.zh, en: opened.refused.en } };
      return { id: opened.id, caseNo: opened.caseNo, ...(opened.repeated ? { repeated: true } : {}) };
    },
    async byRequestKey(key) {
      const c = await getAssistanceCaseByRequestKey(db, key);
      return c ? { caseNo: c.case_no } : undefined;
    },
    async openCasesFor({ name, uscc, requestKey }) {
      const rows = await openCasesOf(db, { name, uscc });
      return rows.filter((r) => !requestKey || r.request_key !== requestKey).map((r) => ({ caseNo: r.case_no, enterprise: r.enterprise_name }));
    },
    async visibleTo(identity) {
      const p = await o.principalOf(identity);
      if (p.role === 'reviewer') return [];
      return (await listAssistanceCases(db, p, 200, 0)).map(view);
    },
    async officersCovering(location) {
      const place = placeNames(location);
      const r = await db.query<{
        id: string;
        name: string;
        scope_level: Scope['level'];
        scope_province: string | null;
        scope_city: string | null;
        scope_district: string | null;
      }>(`SELECT id, name, scope_level, scope_province, scope_city, scope_district FROM users WHERE role = 'officer' AND disabled_at IS NULL`);
      return r.rows.filter((u) => scopeCoversPlace(scopeOfRow(u), place)).map((u) => ({ userId: u.id, name: u.name }));
    },
  };
}
