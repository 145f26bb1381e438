import { actorLabel, type Principal } from '../auth/principal.js';
import { describeScope, scopeCoversPlace } from '../auth/scope.js';
import type { Database } from '../db/database.js';
import { insertAssistanceCase } from '../store/assistance.js';
import { getOrganisation } from '../store/organisations.js';
import { EnterpriseOutOfScopeError, enterpriseInScope, placeText } from './enterpriseInScope.js';

/**
 * Opening an assistance (帮扶) case, the same for `POST /api/v1/assistance-cases` and the chat
 * intake: who may open one, for which place, under which organisation.
 * - reviewers never take requests;
 * - an enterprise applies only for itself (trigger `application`), at its registered place;
 * - an officer or the secretariat only for an enterprise inside their scope.
 */

export interface Place {
  province: string | null;
  city: string | null;
  district: string | null;
}

export interface AssistanceRefusal {
  key: string;
  zh: string;
  en: string;
  /** The request field the refusal is about (REST `error.path`). */
  path?: string;
}

export interface OpenAssistanceCaseInput {
  principal: Principal;
  trigger: 'application' | 'supervision';
  enterprise: { name: string; uscc: string | null; place: Place };
  intake: unknown;
  /** Computed only once access is granted (the REST API answers 403 before 422). */
  triage: () => unknown;
  requestId: string;
}

export type OpenAssistanceCaseResult = { id: string; triage: unknown } | { refused: AssistanceRefusal };

export function placeLabel(place: Place): string {
  return [place.province, place.city, place.district].filter(Boolean).join('') || '（未填写）';
}

/** Who may open this case, or why not (checked before anything is written). */
export async function assistanceAccess(
  db: Database,
  o: Pick<OpenAssistanceCaseInput, 'principal' | 'trigger' | 'enterprise'>,
): Promise<{ orgId: string | null; place: Place } | { refused: AssistanceRefusal }> {
  const p = o.principal;
  if (p.role === 'reviewer') return { refused: { key: 'assistance.forbiddenRole', zh: '评审专家不能受理帮扶申请', en: 'reviewers do not take assistance requests' } };
  if (p.role === 'enterprise') {
    if (o.trigger !== 'application') {
      return { refused: { key: 'assistance.enterpriseApplicationOnly', zh: '企业只能以“经营主体申请”方式提出帮扶', en: 'an enterprise may only apply (application trigger)', path: 'trigger' } };
    }
    const org = p.organisationId ? await getOrganisation(db, p.organisationId) : undefined;
    if (!org) return { refused: { key: 'auth.noOrganisation', zh: '您的账号未关联企业', en: 'your account has no organisation' } };
    return { orgId: org.id, place: org.province ? { province: org.province, city: org.city, district: org.district } : o.enterprise.place };
  }
  if (!scopeCoversPlace(p.scope, o.enterprise.place)) {
    const where = placeLabel(o.enterprise.place);
    return {
      refused: {
        key: 'assistance.outOfScope',
        zh: `企业所在地（${where}）不在您的管辖范围（${describeScope(p.scope)}）内`,
        en: `the enterprise (${where}) is located outside your scope`,
        path: 'enterprise.province',
      },
    };
  }
  return { orgId: null, place: o.enterprise.place };
}

export async function openAssistanceCase(db: Database, o: OpenAssistanceCaseInput): Promise<OpenAssistanceCaseResult> {
  const access = await assistanceAccess(db, o);
  if ('refused' in access) return access;
  const triage = o.triage();
  try {
    const id = await db.transaction(async (tx) => {
      let { orgId: enterpriseOrgId, place } = access;
      if (!enterpriseOrgId) {
        // The same rule as a submission filed on an enterprise's behalf: a known enterprise keeps
        // its registered place, which must be in the officer's scope.
        const found = await enterpriseInScope(tx, o.principal, { name: o.enterprise.name, uscc: o.enterprise.uscc, place });
        enterpriseOrgId = found.organisation.id;
        place = found.place;
      }
      return insertAssistanceCase(tx, {
        enterpriseOrgId, enterpriseName: o.enterprise.name, place, trigger: o.trigger, intake: o.intake, triage, openedBy: o.principal.userId,
      });
    }, { actor: actorLabel(o.principal), requestId: o.requestId });
    return { id, triage };
  } catch (e) {
    if (!(e instanceof EnterpriseOutOfScopeError)) throw e;
    return {
      refused: {
        key: 'assistance.outOfScope',
        zh: `企业“${e.organisation.name}”登记在 ${placeText(e.place)}，不在您的管辖范围（${describeScope(o.principal.scope)}）内`,
        en: 'the enterprise is registered outside your scope',
        path: 'enterprise.uscc',
      },
    };
  }
}
