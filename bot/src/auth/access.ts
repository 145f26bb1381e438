import { sameOrganisationName } from '@kekao/core/programme';
import type { Queryable } from '../db/database.js';
import type { Principal } from './principal.js';
import { scopeCoversPlace, type Place } from './scope.js';

/** The columns of a submission the access rules look at. */
export interface SubmissionAccessRow extends Place {
  id: string;
  enterprise_org_id: string;
  enterprise_uscc: string | null;
  /** The enterprise's registered name (organisations.name). */
  enterprise_name: string;
  status: string;
}

/**
 * DB31/T 1368—2022 §5.2 (回避和保密原则): experts recuse themselves from projects of organisations
 * they have an interest in. kekao applies it to affiliation: a reviewer from the enterprise itself,
 * recognised by the organisation's identity rather than its row — the same row, the same
 * 统一社会信用代码, or the same name by `organisationNameKey` (width, spacing, brackets and the
 * legal form 有限公司/有限责任公司/… ignored). A reviewer registered without a USCC under
 * “上海甲公司” thus recuses from 上海甲有限公司's entries although the two are separate rows.
 */
export function isRecused(p: Principal, s: Pick<SubmissionAccessRow, 'enterprise_org_id' | 'enterprise_uscc' | 'enterprise_name'>): boolean {
  if (p.organisationId && p.organisationId === s.enterprise_org_id) return true;
  if (p.organisationUscc && s.enterprise_uscc && p.organisationUscc === s.enterprise_uscc) return true;
  return sameOrganisationName(p.organisationName, s.enterprise_name);
}

/** Territorial (non-reviewer) visibility: own organisation, or the scope covers the place. */
export function coversSubmission(p: Principal, s: Pick<SubmissionAccessRow, 'enterprise_org_id'> & Place): boolean {
  switch (p.role) {
    case 'enterprise':
      return p.organisationId !== null && p.organisationId === s.enterprise_org_id;
    case 'officer':
    case 'secretariat':
      return scopeCoversPlace(p.scope, s);
    case 'reviewer':
      return false;
  }
}

export async function isAssigned(db: Queryable, submissionId: string, reviewerId: string): Promise<boolean> {
  const r = await db.query('SELECT 1 FROM reviewer_assignments WHERE submission_id = $1 AND reviewer_id = $2', [submissionId, reviewerId]);
  return r.rows.length > 0;
}

/** May the caller read this submission? Reviewers: assigned, not recused, and not withdrawn by the enterprise (撤回). */
export async function canReadSubmission(db: Queryable, p: Principal, s: SubmissionAccessRow): Promise<boolean> {
  if (p.role === 'reviewer') return s.status !== '撤回' && !isRecused(p, s) && (await isAssigned(db, s.id, p.userId));
  return coversSubmission(p, s);
}
