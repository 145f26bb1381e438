import { actorLabel, type Principal } from '../auth/principal.js';
import { describeScope, scopeCoversPlace } from '../auth/scope.js';
import type { Database } from '../db/database.js';
import { getAssistanceCaseByRequestKey, insertAssistanceCase } from '../store/assistance.js';
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
  /** Idempotency key (the chat card's submission id): a second request with it returns the first case. */
  requestKey?: string;
  /** The service clock (the case number's year). */
  now?: Date;
}

export type OpenAssistanceCaseResult =
  | { id: string; caseNo: string; triage: unknown /** True when the request key had opened this case before. */; repeated?: boolean }
  | { refused: AssistanceRefusal };

export function placeLabel(place: Place): string {
  return [place.province, place.city, place.district].filter(Boolean).join('') || '（未填写）';
}

/** Who may open this case, or why not (checked before anything is written). */
export async function assistanceAccess(
  db: Database,
  o: Pick<OpenAssistanceCaseInput, 'principal' | 'trigger' | 'enterprise'>,
): Promise<{ orgId: string | null; place: Place } | { refused: AssistanceRefusal }> {
  const p = o.principal;
  if (p.role === 'reviewer')
    return { refused: { key: 'assistance.forbiddenRole', zh: '评审专家不能受理帮扶申请', en: 'reviewers do not take assistance requests' } };
  if (p.role === 'enterprise') {
    if (o.trigger !== 'application') {
      return {
        refused: {
          key: 'assistance.enterpriseApplicationOnly',
          zh: '企业只能以“经营主体申请”方式提出帮扶',
          en: 'an enterprise may only apply (application trigger)',
          path: 'trigger',
        },
      };
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

async function repeatOf(db: Database, requestKey: string | undefined): Promise<OpenAssistanceCaseResult | undefined> {
  if (!requestKey) return undefined;
  const c = await getAssistanceCaseByRequestKey(db, requestKey);
  return c ? { id: c.id, caseNo: c.case_no, triage: c.triage, repeated: true } : undefined;
}

export async function openAssistanceCase(db: Database, o: OpenAssistanceCaseInput): Promise<OpenAssistanceCaseResult> {
  const before = await repeatOf(db, o.requestKey);
  if (before) return before;
  const access = await assistanceAccess(db, o);
  if ('refused' in access) return access;
  const triage = o.triage();
  try {
    const created = await db.transaction(
      async (tx) => {
        let { orgId: enterpriseOrgId, place } = access;
        if (!enterpriseOrgId) {
          // The same rule as a submission filed on an enterprise's behalf: a known enterprise keeps
          // its registered place, which must be in the officer's scope.
          const found = await enterpriseInScope(tx, o.principal, { name: o.enterprise.name, uscc: o.enterprise.uscc, place });
          enterpriseOrgId = found.organisation.id;
          place = found.place;
        }
        return insertAssistanceCase(tx, {
          enterpriseOrgId,
          enterpriseName: o.enterprise.name,
          place,
          trigger: o.trigger,
          intake: o.intake,
          triage,
          openedBy: o.principal.userId,
          requestKey: o.requestKey ?? null,
          now: o.now,
        });
      },
      { actor: actorLabel(o.principal), requestId: o.requestId },
    );
    // Two submits of one card that raced: the second found the first's row inside its transaction.
    if (!created) return (await repeatOf(db, o.requestKey))!;
    return { ...created, triage };
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

/**
 * An application from someone without a kekao account (guide §7.2.2: an enterprise applies itself;
 * the 2025 notice 四(一): through its district/county bureau). The case is opened 未核验, at the place
 * of the address given, with the applicant's chat identity; no organisation row is created until
 * an officer has verified the applicant.
 */
export async function openUnverifiedCase(
  db: Database,
  o: {
    enterprise: { name: string; place: Place };
    applicant: { channel: string; channelUserId: string; name?: string };
    intake: unknown;
    triage: unknown;
    requestKey?: string;
    requestId: string;
    now?: Date;
  },
): Promise<{ id: string; caseNo: string; repeated?: boolean }> {
  const before = await repeatOf(db, o.requestKey);
  if (before && 'id' in before) return before;
  const created = await db.transaction(
    (tx) =>
      insertAssistanceCase(tx, {
        enterpriseOrgId: null,
        enterpriseName: o.enterprise.name,
        place: o.enterprise.place,
        trigger: 'application',
        intake: o.intake,
        triage: o.triage,
        openedBy: null,
        applicant: o.applicant,
        verification: 'unverified',
        requestKey: o.requestKey ?? null,
        now: o.now,
      }),
    { actor: `chat:${o.applicant.channel}:${o.applicant.channelUserId}`, requestId: o.requestId },
  );
  if (!created) {
    const again = await repeatOf(db, o.requestKey);
    if (again && 'id' in again) return again;
    throw new Error('assistance case vanished after a duplicate request key');
  }
  return created;
}
